import fs from "fs";
import path from "path";
import spec from "../../sandbox/openapi/accounting-v3.1-2023.openapi.json";
import component from "../../src";
import { RESOURCES } from "../../src/resources";
import { POLLABLE_RESOURCES } from "../../src/triggers/pollableResources";

/** The declarations of src/resources/ against Sage's spec, and what the component makes of them. */

interface Parameter {
  name: string;
}
interface Schema {
  properties?: Record<string, Schema>;
}
const paths = spec.paths as Record<string, Record<string, { parameters?: Parameter[] }>>;
const definitions = spec.definitions as Record<string, Schema>;
const pascalPlural = (wrapper: string) =>
  `${wrapper.replace(/(^|_)([a-z])/g, (_, __, letter: string) => letter.toUpperCase())}s`;

const SOURCES = fs
  .readdirSync(path.join(__dirname, "../../src/resources"))
  .map((file) => fs.readFileSync(path.join(__dirname, "../../src/resources", file), "utf8"));

describe.each(RESOURCES.map((resource) => [resource.plural, resource] as const))("%s", (_, resource) => {
  const queries = (paths[resource.path]?.get?.parameters ?? []).map((parameter) => parameter.name);
  const operations = [
    resource.list,
    resource.get,
    resource.create,
    resource.update,
    resource.delete,
    resource.void,
    resource.release,
    resource.reissue,
    resource.find,
  ].flatMap((names) => (names ? [names] : []));

  test("every list filter is sent under a query parameter Sage's GET of the path takes", () => {
    expect(queries.length).toBeGreaterThan(0);
    for (const [key, filter] of Object.entries(resource.filters))
      expect([key, queries.includes(filter.query)]).toEqual([key, true]);
  });

  test("pollable says whether Sage's list takes updated_or_created_since", () => {
    expect(resource.pollable).toBe(queries.includes("updated_or_created_since"));
  });

  test("a pollable resource is in the triggers' table, with Deleted Records only where Sage takes deleted_since", () => {
    // A kind of a shared collection (Other Payments, Other Receipts) is polled with its own query,
    // and has no Deleted Records: Sage's deletions do not say which kind they were.
    const polled = POLLABLE_RESOURCES.find(
      (entry) => entry.path === resource.path && JSON.stringify(entry.query) === JSON.stringify(resource.listQuery),
    );
    expect(polled && { label: polled.label, deletedSince: polled.deletedSince }).toEqual(
      resource.pollable
        ? { label: resource.plural, deletedSince: queries.includes("deleted_since") && !resource.listQuery }
        : undefined,
    );
  });

  test("a fixed list query and fixed create fields are Sage's own names for the kind", () => {
    for (const query of Object.keys(resource.listQuery ?? {}))
      expect([query, queries.includes(query)]).toEqual([query, true]);
    const post = definitions[`post${pascalPlural(resource.wrapper)}`]?.properties?.[resource.wrapper];
    for (const field of Object.keys(resource.createFields ?? {}))
      expect([field, field in (post?.properties ?? {})]).toEqual([field, true]);
  });

  test("Get and List both take the read options, under query parameters Sage takes on both paths", () => {
    const getQueries = (paths[`${resource.path}/{key}`]?.get?.parameters ?? []).map((parameter) => parameter.name);
    for (const [key, option] of Object.entries(resource.readOptions ?? {})) {
      expect([key, queries.includes(option.query), getQueries.includes(option.query)]).toEqual([key, true, true]);
      for (const names of [resource.get, resource.list])
        if (names) expect(component.actions[names.key].inputs.map((input) => input.key)).toContain(key);
    }
  });

  test("the body mapper writes only fields of Sage's POST and PUT definitions, under the wrapper", () => {
    // Only the verbs the resource has: a journal is never updated (Sage has no putJournals).
    for (const verb of resource.update ? ["post", "put"] : ["post"]) {
      const wrapped = definitions[`${verb}${pascalPlural(resource.wrapper)}`]?.properties?.[resource.wrapper];
      expect(wrapped).toBeDefined();
      const used = [resource.create, resource.update].flatMap((names) => Object.keys(names?.inputs ?? {}));
      // A dotted field is a field of a nested section ("bank_account_details.account_name").
      const has = (schema: Schema | undefined, [name, ...rest]: string[]): boolean =>
        Boolean(schema?.properties?.[name]) && (!rest.length || has(schema!.properties![name], rest));
      for (const key of used.filter((inputKey) => inputKey in resource.body))
        expect([key, has(wrapped, resource.body[key].split("."))]).toEqual([key, true]);
    }
  });

  test("every create/update input is mapped to a Sage field", () => {
    for (const names of [resource.create, resource.update])
      for (const key of Object.keys(names?.inputs ?? {})) expect([key, key in resource.body]).toEqual([key, true]);
  });

  test("names Sage's record definition and routes that exist", () => {
    expect(definitions[resource.definition]).toBeDefined();
    const one = paths[`${resource.path}/{key}`];
    if (resource.get) expect(one.get).toBeDefined();
    if (resource.update) expect(one.put).toBeDefined();
    if (resource.delete || resource.void) expect(one.delete).toBeDefined();
    if (resource.void) expect(one.delete.parameters?.map((p) => p.name)).toContain("void_reason");
    if (resource.release) expect(paths[`${resource.path}/{key}/release`]?.post).toBeDefined();
    if (resource.reissue) expect(paths[`${resource.path}/{key}/reissue`]?.post).toBeDefined();
  });

  test("each action is in the component under its key and found by its label in src/resources in one hop", () => {
    for (const names of operations) {
      expect(component.actions[names.key]?.display.label).toBe(names.label);
      expect(SOURCES.filter((source) => source.includes(`label: "${names.label}"`))).toHaveLength(1);
    }
    if (resource.dropdown)
      expect(component.dataSources[resource.dropdown.key]?.display.label).toBe(resource.dropdown.label);
  });
});

const FINDERS = RESOURCES.flatMap((resource) =>
  resource.find ? [[resource.find.label, resource, resource.find] as const] : [],
);

test("Find Sales Invoice and Find Purchase Invoice are declared finds", () => {
  expect(FINDERS.map(([label]) => label)).toEqual(
    expect.arrayContaining(["Find Sales Invoice", "Find Purchase Invoice"]),
  );
});

describe.each(FINDERS)("%s", (_, resource, find) => {
  test("matches fields of Sage's record and narrows the list with the search parameter Sage's GET takes", () => {
    const queries = (paths[resource.path]?.get?.parameters ?? []).map((parameter) => parameter.name);
    expect(resource.filters.search?.query).toBe("search");
    expect(queries).toContain("search");
    for (const field of find.fields)
      expect([field, field in definitions[resource.definition].properties!]).toEqual([field, true]);
  });
});
