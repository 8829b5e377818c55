import { RESOURCES } from "../../src/resources";
import type { SageResource } from "../../src/resources/resource";
import { schemaProblems } from "../sageSchema";
import { type ActionResult, withSandbox } from "./withSandbox";

// Every resource declared in src/resources/ lives its whole life against the sandbox over real
// HTTP, the way the example-payload scenario runs it: create → update → get → (draft → release)
// → list → void or delete. Every body sent must pass Sage's schema for that write.

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { resourceLifecycle } = require("../../scripts/example-payloads") as {
  resourceLifecycle: (
    run: (key: string, params?: Record<string, unknown>) => Promise<ActionResult>,
    resource: SageResource,
    values: Record<string, string>,
  ) => Promise<Record<string, ActionResult>>;
};

const sage = withSandbox();
let values: Record<string, string>;

beforeAll(async () => {
  const customer = await sage.run("createContact", { name: "Lifecycle Customer", contactTypeIds: "CUSTOMER" });
  const vendor = await sage.run("createContact", { name: "Lifecycle Supplier", contactTypeIds: "VENDOR" });
  values = {
    customer: customer.data.id,
    vendor: vendor.data.id,
    salesLedger: sage.ledgerId(4000),
    purchaseLedger: sage.ledgerId(5000),
    currentAccount: sage.bankAccountId(1200),
    savingsAccount: sage.bankAccountId(1210),
    cashAccount: sage.bankAccountId(1230),
    today: "2026-01-31",
  };
});

/** A field of a record by Sage's (possibly dotted) name, e.g. "bank_account_details.account_name". */
const fieldOf = (record: Record<string, unknown>, field: string): unknown =>
  field.split(".").reduce<unknown>((value, name) => (value as Record<string, unknown> | undefined)?.[name], record);

const pascal = (wrapper: string) => wrapper.replace(/(^|_)([a-z])/g, (_, __, letter: string) => letter.toUpperCase());

// A resource without a generic create (attachments: Upload Attachment takes a file) has its own suite.
const LIFECYCLES = RESOURCES.filter((resource) => resource.create);

describe.each(LIFECYCLES.map((resource) => [resource.plural, resource] as const))("%s", (_, resource) => {
  let results: Record<string, ActionResult>;
  let log: { method: string; path: string; status: number | null; body: unknown }[];

  beforeAll(async () => {
    sage.sandbox().clearLog();
    results = await resourceLifecycle(sage.run, resource, values);
    log = sage.sandbox().requestLog;
  });

  test("every write was accepted and its body passes Sage's schema", () => {
    const writes = log.filter((entry) => entry.method === "POST" || entry.method === "PUT");
    expect(writes.length).toBeGreaterThan(1);
    for (const entry of writes) {
      expect([entry.path, entry.status]).toEqual([entry.path, entry.method === "POST" ? 201 : 200]);
      if (entry.path.endsWith("/release") || entry.path.endsWith("/reissue")) continue;
      const definition = `${entry.method.toLowerCase()}${pascal(resource.wrapper)}s`;
      expect(schemaProblems(definition, entry.body)).toEqual([]);
    }
  });

  test("create returns the record; update changes it; get returns it; list finds it by its contact", () => {
    const created = results[resource.create!.key].data;
    expect(created.$path).toBe(`${resource.path}/${created.id}`);
    expect(results[resource.get!.key].data.id).toBe(created.id);
    // Sage has no PUT for some resources (bank deposits): those have no update to check.
    if (resource.update) {
      const [field, value] = Object.entries(resource.sample.update)[0];
      expect(fieldOf(results[resource.update.key].data, resource.body[field])).toBe(value);
      expect(fieldOf(results[resource.get!.key].data, resource.body[field])).toBe(value);
    }
    // Bank accounts keep their older List Bank Accounts (src/actions/lookups), outside the declaration.
    if (resource.list) {
      const listed = results[resource.list.key].data;
      expect(listed.$items.length).toBe(1);
      expect(listed.$total).toBeGreaterThanOrEqual(1);
    }
  });

  test("a draft is released; the record is then voided or deleted", () => {
    if (resource.release) expect(results[resource.release.key].data.status.id).not.toBe("DRAFT");
    if (resource.reissue) expect(results[resource.reissue.key].data.id).toBe(results[resource.create!.key].data.id);
    const id = results[resource.create!.key].data.id;
    const stored = sage.sandbox().store.get(resource.path.slice(1), id);
    if (resource.void) {
      expect(results[resource.void.key].data).toMatchObject({ id, voided: true, deleted: false });
      expect(stored?.status.id).toBe("VOID");
    } else {
      const deleted = results[resource.delete!.key].data;
      expect(deleted).toEqual({ deleted: true, id: expect.any(String) });
      expect(sage.sandbox().store.get(resource.path.slice(1), deleted.id)).toBeUndefined();
      expect(stored?.id).toBe(id);
    }
  });
});
