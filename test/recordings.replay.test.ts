import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { createHarness } from "@prismatic-io/spectral/dist/testing";
import nock from "nock";
import { BASE_PATH, SAGE_ORIGIN, TEST_TOKEN, testConnection, useNock } from "./helpers";

// Real Sage's answers (test/fixtures/sage-recordings/, provenance in test/fixtures/README.md)
// replayed through the BUILT component, dist/index.js, as Prismatic runs it: no crash, nested records
// in full, every field Sage's spec types `number` a JSON number, every string field untouched.

const DIST = join(__dirname, "..", "dist", "index.js");
if (!existsSync(DIST)) throw new Error("dist/index.js is missing: run `npm run build` before this test.");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const built = require(DIST);
const harness = createHarness(built.default ?? built);

const recording = (file: string) =>
  JSON.parse(readFileSync(join(__dirname, "fixtures", "sage-recordings", file), "utf8"));

useNock();

const sage = () => nock(SAGE_ORIGIN, { reqheaders: { authorization: `Bearer ${TEST_TOKEN}` } });
const connection = testConnection();
const run = async (key: string, params: Record<string, unknown>) =>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a recorded body of any shape
  ((await harness.action(key, { connection, ...params })) as { data: any }).data;

test("List Contacts: the recorded list (links only, as Sage sends it without nested_attributes) reads without a crash", async () => {
  sage()
    .get(`${BASE_PATH}/contacts`)
    .query({ nested_attributes: "all", attributes: "all", items_per_page: "200" })
    .reply(200, recording("contacts-list.json"));
  const data = await run("listContacts", { itemsPerPage: "200" });
  const kinghorn = data.$items.find((c: { reference: string }) => c.reference === "KIN001");
  expect(kinghorn).toMatchObject({ credit_limit: 6000, credit_days: 30, tax_number: "GB938484382" });
  expect(data.$items.map((c: { credit_limit: unknown }) => c.credit_limit)).toEqual([6000, null, null]);
});

test("Get Contact: full nested addresses and people, numbers where the spec says number, strings untouched", async () => {
  const id = "be4de860ee2c447288cc31385ffa9d73";
  sage()
    .get(`${BASE_PATH}/contacts/${id}`)
    .query({ attributes: "all", nested_attributes: "all" })
    .reply(200, recording("contact-nested.json"));
  const contact = await run("getContact", { contactId: id });
  expect(contact.main_address).toMatchObject({ city: "North Shields", postal_code: "NE12 6GH" });
  expect(contact.delivery_address).toMatchObject({ city: "Hounslow", postal_code: "TW8 7TY" });
  expect(contact.main_contact_person).toMatchObject({
    email: "beatty.irving@example.org",
    telephone: "+44 2035 111111",
    mobile: "+44 2035 222222",
  });
  // number in the spec: decimal string → number; integer stays integer.
  expect(contact.credit_limit).toBe(2000);
  expect(contact.credit_days).toBe(30);
  expect(contact.default_sales_ledger_account.nominal_code).toBe(4900);
  // string in the spec, however numeric it looks: untouched.
  expect(contact.bank_account_details).toEqual({
    account_name: "McNally Computer Supplies",
    account_number: "56565656",
    sort_code: "997888",
    bic: null,
    iban: null,
  });
  expect(contact.reference).toBe("DP-002");
  expect(contact.credit_terms_and_conditions).toBe("null");
  // Everything else is as Sage sent it.
  const { credit_limit, ...rest } = recording("contact-nested.json");
  expect(contact).toEqual({ ...rest, credit_limit: Number(credit_limit) });
});

test("Get Sales Invoice: every amount a number, lines and their tax breakdown too; references and dates stay strings", async () => {
  const id = "9c5ba5b37adf4bc29487931ffee67d5f";
  sage()
    .get(`${BASE_PATH}/sales_invoices/${id}`)
    .query({ attributes: "all" })
    .reply(200, recording("sales-invoice-nested.json"));
  const invoice = await run("getSalesInvoice", { salesInvoiceId: id });
  expect(invoice).toMatchObject({
    net_amount: 5009.5,
    tax_amount: 1001.9,
    total_amount: 6011.4,
    outstanding_amount: 6011.4,
    exchange_rate: 1,
    total_quantity: 178,
    shipping_net_amount: 0,
    invoice_number: "SI-2",
    reference: "",
    date: "2023-09-29",
    last_paid: "",
  });
  expect(invoice.invoice_lines[2]).toMatchObject({
    quantity: 3,
    unit_price: 45.83,
    discount_percentage: 2.18,
    tax_breakdown: [{ percentage: 20, amount: 26.9, tax_rate: { id: "GB_STANDARD" } }],
    base_currency_tax_breakdown: [{ percentage: 20, amount: 26.9 }],
  });
  expect(invoice.tax_analysis[0]).toMatchObject({ net_amount: 5009.49, total_amount: 6011.39, goods_amount: 0 });
  expect(invoice.main_address).toMatchObject({ $path: "", postal_code: "SW19 3ES", city: "London" });
  const numbers = JSON.stringify(invoice).match(/"[a-z_]+":"-?\d+\.\d+"/g);
  expect(numbers).toBeNull();
});

test("Include Payment Allocations asks Sage for them", async () => {
  const id = "9c5ba5b37adf4bc29487931ffee67d5f";
  sage()
    .get(`${BASE_PATH}/sales_invoices/${id}`)
    .query({ attributes: "all", show_payments_allocations: "true" })
    .reply(200, {
      ...recording("sales-invoice-nested.json"),
      payments_allocations: [{ amount: "10.0", discount: "0.0" }],
    });
  const invoice = await run("getSalesInvoice", { salesInvoiceId: id, showPaymentsAllocations: "true" });
  expect(invoice.payments_allocations).toEqual([{ amount: 10, discount: 0 }]);
});

test("Select Contact: no HMRC entries; Sage is asked to leave system contacts out (and Include System Contacts lists them)", async () => {
  const list = recording("contacts-list.json");
  const withoutSystem = list.$items.filter((c: { system: boolean }) => !c.system);
  // Sage honours exclude_system=true by leaving the system contacts out, as this reply does.
  sage()
    .get(`${BASE_PATH}/contacts`)
    .query({ exclude_system: "true", page: "1", items_per_page: "200" })
    .reply(200, { ...list, $items: withoutSystem });
  const { result } = (await harness.dataSource("selectContact", { connection })) as { result: { label: string }[] };
  expect(result.map((option) => option.label)).toEqual(["Kinghorn & French (KIN001)"]);

  sage().get(`${BASE_PATH}/contacts`).query({ page: "1", items_per_page: "200" }).reply(200, list);
  const all = (await harness.dataSource("selectContact", { connection, includeSystem: "true" })) as {
    result: { label: string }[];
  };
  expect(all.result.map((option) => option.label)).toEqual([
    "HMRC Payments (HMRC Pay)",
    "HMRC Reclaimed (HMRC Rec)",
    "Kinghorn & French (KIN001)",
  ]);
});

test("List Businesses and Select Business read /businesses' paged envelope (and a bare array)", async () => {
  const envelope = recording("businesses-list.docs.json");
  sage().get(`${BASE_PATH}/businesses`).reply(200, envelope);
  expect(await run("listBusinesses", {})).toEqual({ $total: 3, $items: envelope.$items });
  sage().get(`${BASE_PATH}/businesses`).reply(200, envelope.$items);
  expect(await run("listBusinesses", {})).toEqual({ $total: 3, $items: envelope.$items });
  sage().get(`${BASE_PATH}/businesses`).reply(200, envelope);
  const { result } = (await harness.dataSource("selectBusiness", { connection })) as { result: unknown[] };
  expect(result).toEqual([
    { label: "Business One", key: "0d40342d0287cd6b13555c54afca6c90" },
    { label: "Business Three", key: "b88ee3a4ebb47c0c515d7ae56dc0bccf" },
    { label: "Business Two", key: "49c196153fb1524b7d888cece84e8b12" },
  ]);
});

test("List Contact Types reads the recorded lookup", async () => {
  sage().get(`${BASE_PATH}/contact_types`).query(true).reply(200, recording("contact-types.json"));
  expect((await run("listContactTypes", {})).$items.map((t: { id: string }) => t.id)).toEqual(["CUSTOMER", "VENDOR"]);
});
