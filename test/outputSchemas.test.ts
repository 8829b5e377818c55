import fs from "fs";
import path from "path";
import component from "../src";
import { schemaErrors, type Schema } from "./jsonSchema";

// scripts/output-schemas.js is plain CommonJS run without a build step.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { generate } = require("../scripts/output-schemas.js") as { generate: () => string };

const DIST = path.join(__dirname, "..", "dist", "index.js");

interface BuiltAction {
  key: string;
  display: { label: string };
  outputSchema?: { type: string; schema: string };
  performSafety?: string;
  examplePayload?: { data?: unknown };
}

/**
 * Safe to run inline from the designer: reads only. Written independently of the component's own
 * rule (src/util/outputSchema.ts), so an action declared with the wrong operation fails here.
 * "Find or Create" creates, so it is not a read.
 */
const isRead = (label: string) => /^(Get|List|Find|Download) /.test(label) && !/\bCreate\b/.test(label);

const schemaOf = (action: BuiltAction): Schema => {
  expect(action.outputSchema?.type).toBe("actionOutput");
  return JSON.parse(action.outputSchema!.schema) as Schema;
};

/** What spectral's component() made of every action: the form Prismatic (and dist/index.js) carries. */
const checkEveryAction = (actions: Record<string, BuiltAction>) => {
  const list = Object.values(actions);
  expect(list.length).toBeGreaterThan(40);
  const missing = list.filter((action) => !action.outputSchema || !action.performSafety).map((action) => action.key);
  expect(missing).toEqual([]);
  const wrongSafety = list
    .filter((action) => action.performSafety !== (isRead(action.display.label) ? "SAFE" : "NOT_ALLOWED"))
    .map((action) => `${action.key}: ${action.performSafety}`);
  expect(wrongSafety).toEqual([]);
};

describe("output schemas and perform safety", () => {
  const actions = component.actions as unknown as Record<string, BuiltAction>;

  it("src/outputSchemas.json is what scripts/output-schemas.js writes from Sage's spec", () => {
    const committed = fs.readFileSync(path.join(__dirname, "..", "src", "outputSchemas.json"), "utf8");
    expect(committed === generate()).toBe(true);
  });

  it("every action declares an output schema and the perform safety of what it does", () => {
    checkEveryAction(actions);
  });

  (fs.existsSync(DIST) ? it : it.skip)("so does every action of the built bundle, dist/index.js", () => {
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const built = require(DIST) as { default?: { actions: Record<string, BuiltAction> } };
      checkEveryAction((built.default ?? (built as unknown as { actions: Record<string, BuiltAction> })).actions);
    });
  });

  it.each(Object.keys(actions))("%s: the example payload fits the output schema", (key) => {
    const action = actions[key];
    expect(action.examplePayload).toBeDefined();
    expect(schemaErrors(schemaOf(action), action.examplePayload!.data)).toEqual([]);
  });

  it("a list action's schema takes one page and Fetch All's { $total, $items }, nothing else", () => {
    const schema = schemaOf(actions.listContacts);
    const contact = (actions.getContact.examplePayload as { data: unknown }).data;
    const page = { $total: 1, $page: 1, $next: null, $back: null, $itemsPerPage: 20, $items: [contact] };
    expect(schemaErrors(schema, page)).toEqual([]);
    expect(schemaErrors(schema, { $total: 1, $items: [contact] })).toEqual([]);
    expect(schemaErrors(schema, [contact])).not.toEqual([]);
    expect(schemaErrors(schema, { $total: 1, $items: [{ ...(contact as object), credit_limit: "12.50" }] })).toEqual([
      "data: matches 0 of the oneOf schemas, not exactly 1",
    ]);
  });

  it("types decimals as numbers, nested records with their own fields, and a nested record's records as objects", () => {
    const schema = schemaOf(actions.getSalesInvoice) as {
      properties: Record<string, { type: string[]; properties?: Record<string, { type: string[] }>; items?: Schema }>;
    };
    expect(schema.properties.total_amount.type).toEqual(["number", "null"]);
    expect(schema.properties.contact.type).toEqual(["object", "null"]);
    expect(Object.keys(schema.properties.contact.properties ?? {})).toEqual(
      expect.arrayContaining(["id", "displayed_as", "$path", "name", "email"]),
    );
    expect(schema.properties.contact.properties?.main_address).toEqual({ type: ["object", "null"] });
    expect(schema.properties.invoice_lines.items).toMatchObject({ type: ["object", "null"] });
    // No descriptions: the bundle carries these (a field named "description" is fine).
    expect(JSON.stringify(schema)).not.toMatch(/"description":"/);
  });

  it("the checker refuses a wrong type, a missing required field and a mismatching item", () => {
    const schema = {
      type: "object",
      properties: { n: { type: "integer" }, xs: { type: "array", items: { type: "string" } } },
      required: ["n"],
    };
    expect(schemaErrors(schema, { n: 1, xs: ["a"] })).toEqual([]);
    expect(schemaErrors(schema, { n: 1.5 })).toEqual(["data.n: number is not integer"]);
    expect(schemaErrors(schema, { xs: [1] })).toEqual([
      "data.n: required but absent",
      "data.xs[0]: number is not string",
    ]);
  });
});
