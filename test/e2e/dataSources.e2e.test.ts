import type { SageRecord } from "../../sandbox";
import { RESOURCES } from "../../src/resources";
import { failureOf, withSandbox } from "./withSandbox";

// Every picklist data source against the sandbox over real HTTP: all pages, sorted by label.
const sage = withSandbox();

beforeEach(() => sage.sandbox().clearLog());

interface Option {
  label: string;
  key: string;
}

const runDataSource = async (key: string, params: Record<string, unknown> = {}) =>
  (await sage.harness.dataSource(key, { connection: sage.connection(), ...params })) as { result: Option[] };

/** What a dropdown of these records must show: label displayed_as (else the id), alphabetical, id breaking ties. */
const optionsOf = (records: SageRecord[], labelOf = (record: SageRecord): string | null => record.displayed_as) =>
  records
    .map((record) => ({ label: labelOf(record) || record.id, key: record.id }))
    .sort((a, b) => a.label.localeCompare(b.label) || a.key.localeCompare(b.key));

/** [data source, Sage path, sandbox collection, synthetic records to add so the list spans pages (0: a lookup)]. */
const picklists = [
  ["selectContact", "/contacts", "contacts", 450],
  ["selectLedgerAccount", "/ledger_accounts", "ledger_accounts", 250],
  ["selectSalesInvoice", "/sales_invoices", "sales_invoices", 401],
  ["selectPurchaseInvoice", "/purchase_invoices", "purchase_invoices", 210],
  ["selectProduct", "/products", "products", 205],
  ["selectService", "/services", "services", 199],
  ["selectContactType", "/contact_types", "contact_types", 0],
  ["selectAddressType", "/address_types", "address_types", 0],
  ["selectCountry", "/countries", "countries", 0],
  ["selectCurrency", "/currencies", "currencies", 0],
  ["selectLedgerAccountType", "/ledger_account_types", "ledger_account_types", 0],
  ["selectTaxRate", "/tax_rates", "tax_rates", 0],
  ["selectBankAccount", "/bank_accounts", "bank_accounts", 0],
  ["selectPaymentMethod", "/payment_methods", "payment_methods", 0],
  // Declared resources without synthetic records here: their dropdown over what the sandbox holds.
  ...RESOURCES.flatMap((resource) =>
    resource.dropdown && !["/sales_invoices", "/purchase_invoices"].includes(resource.path)
      ? [[resource.dropdown.key, resource.path, resource.path.slice(1), 0] as const]
      : [],
  ),
] as const;

beforeAll(() => {
  for (const [, , collection, count] of picklists) if (count) sage.sandbox().seed(collection, count);
});

// The contact dropdown leaves out Sage's system contacts (HMRC Payments / Reclaimed) unless asked.
const systemQuery = (key: string): Record<string, string> =>
  key === "selectContact" ? { exclude_system: "true" } : {};

describe.each(picklists)("%s", (key, path, collection, seeded) => {
  test("lists every record of every page, labelled displayed_as and sorted by label, one request per 200", async () => {
    const records = sage
      .sandbox()
      .store.list(collection)
      .filter((record) => record.system !== true);
    // Services: 199 synthetic + 2 seeded = 201, one record onto a second page.
    if (seeded) expect(records.length).toBeGreaterThan(200);
    const { result } = await runDataSource(key);

    expect(result).toEqual(optionsOf(records));
    const labels = result.map((option) => option.label);
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b)));

    const pages = Math.max(1, Math.ceil(records.length / 200));
    expect(sage.sandbox().requestLog).toEqual(
      Array.from({ length: pages }, (_, n) =>
        expect.objectContaining({
          method: "GET",
          path,
          // Base attributes (id, displayed_as) are all a dropdown needs: no attributes=all.
          query: { ...systemQuery(key), page: String(n + 1), items_per_page: "200" },
          status: 200,
        }),
      ),
    );
  });
});

test("the seeded lists really span several pages (450 contacts and 4 demo ones: 3 requests)", async () => {
  expect(
    sage
      .sandbox()
      .store.list("contacts")
      .filter((c) => !c.system),
  ).toHaveLength(454);
  await runDataSource("selectContact");
  expect(sage.sandbox().requestLog.map((entry) => entry.query.page)).toEqual(["1", "2", "3"]);
});

test("Select Contact: no HMRC system contacts unless Include System Contacts is set", async () => {
  const hmrc = sage
    .sandbox()
    .store.list("contacts")
    .filter((c) => c.system === true)
    .map((c) => c.displayed_as);
  expect(hmrc).toEqual(["HMRC Payments (HMRC Pay)", "HMRC Reclaimed (HMRC Rec)"]);
  const labels = async (params: Record<string, unknown>) =>
    (await runDataSource("selectContact", params)).result.map((option) => option.label);
  expect(await labels({})).not.toEqual(expect.arrayContaining([hmrc[0]]));
  expect(await labels({ includeSystem: "false" })).not.toEqual(expect.arrayContaining([hmrc[1]]));
  expect(await labels({ includeSystem: "true" })).toEqual(expect.arrayContaining(hmrc));
  expect(await failureOf(runDataSource("selectContact", { includeSystem: "sometimes" }))).toBe(
    'Invalid "Include System Contacts": expected true or false, got "sometimes".',
  );
});

describe("selectBusiness", () => {
  test("lists both businesses by name in one request, whatever business the connection selects", async () => {
    const businesses = sage.sandbox().store.businesses();
    expect(businesses.map((b) => b.id).sort()).toEqual(
      [sage.sandbox().businesses.lead, sage.sandbox().businesses.second].sort(),
    );
    const expected = optionsOf(businesses, (business) => business.name);
    expect(expected.map((option) => option.label)).toEqual(["Sandbox Consulting Ltd", "Sandbox Trading Ltd"]);

    await expect(runDataSource("selectBusiness")).resolves.toEqual({ result: expected });
    await expect(
      runDataSource("selectBusiness", {
        connection: sage.connection({ businessId: sage.sandbox().businesses.second }),
      }),
    ).resolves.toEqual({ result: expected });
    expect(sage.sandbox().requestLog.map((entry) => [entry.method, entry.path, entry.query])).toEqual([
      ["GET", "/businesses", {}],
      ["GET", "/businesses", {}],
    ]);
  });
});

describe("data sources read the connection's business", () => {
  test("the second business's contacts, not the lead's", async () => {
    const second = sage.sandbox().businesses.second;
    const ids = sage.sandbox().seed("contacts", 3, { businessId: second });
    const { result } = await runDataSource("selectContact", { connection: sage.connection({ businessId: second }) });
    const theirs = sage
      .sandbox()
      .store.list("contacts", second)
      .filter((c) => !c.system)
      .map((c) => c.id);
    expect(theirs).toEqual(expect.arrayContaining(ids));
    expect(result.map((option) => option.key).sort()).toEqual([...theirs].sort());
    expect(theirs.some((id) => sage.sandbox().store.get("contacts", id))).toBe(false);
    expect(sage.sandbox().requestLog[0].headers["x-business"]).toBe(second);
  });

  test("a rejected token fails the dropdown with a reconnect message", async () => {
    const message = await failureOf(
      runDataSource("selectCountry", { connection: sage.connection({ token: "stale" }) }),
    );
    expect(message).toContain("Sage API error 401 on GET /countries");
    expect(message).toContain("reconnect the Sage connection");
  });
});

describe("selectContactPerson", () => {
  test("lists the contact people of the chosen contact only; without one, every contact person", async () => {
    const personOf = async (contactName: string, name: string) => {
      const { data: contact } = await sage.run("createContact", { name: contactName, contactTypeIds: ["CUSTOMER"] });
      await sage.run("createContactPerson", {
        addressId: contact.main_address.id,
        name,
        contactPersonTypeIds: "ACCOUNTS",
      });
      return contact.id as string;
    };
    const acme = await personOf("Acme People Ltd", "Zoe Acme");
    await personOf("Other People Ltd", "Yann Other");
    sage.sandbox().clearLog();

    const { result } = await runDataSource("selectContactPerson", { contactId: acme });
    expect(result.map(({ label }) => label)).toEqual(["Zoe Acme"]);
    expect(sage.sandbox().requestLog).toEqual([
      expect.objectContaining({
        path: "/contact_persons",
        query: { contact_id: acme, page: "1", items_per_page: "200" },
      }),
    ]);
    const everyone = (await runDataSource("selectContactPerson")).result.map(({ label }) => label);
    expect(everyone).toEqual(expect.arrayContaining(["Yann Other", "Zoe Acme"]));
    expect(everyone).toEqual(optionsOf(sage.sandbox().store.list("contact_persons")).map(({ label }) => label));
  });
});
