import nock from "nock";
import component from "../../src";
import { RESOURCES } from "../../src/resources";
import { BASE_PATH, envelope, runAction, SAGE_ORIGIN, sageApi, TEST_TOKEN, useNock } from "../helpers";

useNock();

/** Every list action and the Sage path it reads. */
const LISTS: Record<string, string> = {
  listAddressTypes: "/address_types",
  listBankAccounts: "/bank_accounts",
  listContactPayments: "/contact_payments",
  listContactPeople: "/contact_persons",
  listContactTypes: "/contact_types",
  listContacts: "/contacts",
  listCountries: "/countries",
  listCurrencies: "/currencies",
  listLedgerAccountTypes: "/ledger_account_types",
  listLedgerAccounts: "/ledger_accounts",
  listPaymentMethods: "/payment_methods",
  listTaxRates: "/tax_rates",
  listJournalCodes: "/journal_codes",
  listLedgerEntries: "/ledger_entries",
  listTransactions: "/transactions",
  listContactAllocations: "/contact_allocations",
  listUnallocatedItems: "/unallocated_artefacts",
  ...Object.fromEntries(RESOURCES.flatMap((resource) => (resource.list ? [[resource.list.key, resource.path]] : []))),
};

/**
 * Each filter input: a value a user might type, Sage's query name for it, what is sent, and a
 * value that must be refused before any request (null for free text, which any text fits).
 */
const FILTERS: Record<string, [given: string, query: string, sent: string, bad: string | null]> = {
  updatedOrCreatedSince: [
    "2026-01-31T00:00:00+01:00",
    "updated_or_created_since",
    "2026-01-31T00:00:00+01:00",
    "yesterday",
  ],
  search: [" Acme ", "search", "Acme", null],
  email: ["accounts@acme.example", "email", "accounts@acme.example", null],
  contactTypeId: ["CUSTOMER", "contact_type_id", "CUSTOMER", "../x"],
  contactId: ["c0ffee", "contact_id", "c0ffee", "../x"],
  addressId: ["add1", "address_id", "add1", "a b"],
  visibleIn: ["other_receipts", "visible_in", "other_receipts", "nowhere"],
  ledgerAccountTypeId: ["SALES", "ledger_account_type_id", "SALES", "SALES?x=1"],
  statusId: ["UNPAID", "status_id", "UNPAID", "#VOID"],
  fromDate: ["2026-01-01T10:00:00Z", "from_date", "2026-01-01", "01/01/2026"],
  toDate: ["2026-01-31", "to_date", "2026-01-31", "2026-02-30"],
  bankAccountId: ["bank1", "bank_account_id", "bank1", "../x"],
  transactionTypeId: ["CUSTOMER_RECEIPT", "transaction_type_id", "CUSTOMER_RECEIPT", "x/y"],
  ledgerAccountId: ["la1", "ledger_account_id", "la1", "../x"],
  transactionId: ["tx1", "transaction_id", "tx1", "a b"],
  excludeSystem: ["true", "exclude_system", "true", "maybe"],
  showBalance: ["true", "show_balance", "true", "maybe"],
  showPaymentsAllocations: ["true", "show_payments_allocations", "true", "maybe"],
  active: ["false", "active", "false", "yes"],
  outOfStock: ["true", "out_of_stock", "true", "maybe"],
  belowReorderLevel: ["true", "below_reorder_level", "true", "maybe"],
  attachmentContextTypeId: ["PURCHASE_INVOICE", "attachment_context_type_id", "PURCHASE_INVOICE", "INVOICE"],
  attachmentContextId: ["inv1", "attachment_context_id", "inv1", "../x"],
};

/** Attributes by default: `all`, or the resource's own default where full records are too large a page. */
const defaultAttributes = (key: string) =>
  RESOURCES.find((resource) => resource.list?.key === key)?.listAttributes ?? "all";

/** What a list always asks for besides its inputs: contacts come with their addresses and people in full. */
const FIXED_QUERY: Record<string, Record<string, string>> = {
  listContacts: { nested_attributes: "all" },
  // A declared kind of a shared collection lists only its own kind (Other Payments / Other Receipts).
  ...Object.fromEntries(
    RESOURCES.flatMap((resource) =>
      resource.list && resource.listQuery ? [[resource.list.key, resource.listQuery as Record<string, string>]] : [],
    ),
  ),
};

const PAGING = new Set(["connection", "itemsPerPage", "page", "fetchAll", "attributes"]);
const filtersOf = (key: string) =>
  component.actions[key].inputs.map((input) => input.key).filter((inputKey) => !PAGING.has(inputKey));

test("every list action of the component is covered here", () => {
  const lists = Object.keys(component.actions).filter((key) =>
    component.actions[key].inputs.some((input) => input.key === "fetchAll"),
  );
  expect(lists.sort()).toEqual(Object.keys(LISTS).sort());
});

describe.each(Object.entries(LISTS))("%s", (key, path) => {
  const filters = filtersOf(key);
  const fixed = FIXED_QUERY[key] ?? {};

  test("sends paging, Attributes and every filter under Sage's query names, and returns Sage's envelope", async () => {
    const body = envelope([{ id: "r1", displayed_as: "One" }], { page: 2, itemsPerPage: 5, total: 6 });
    const given = Object.fromEntries(filters.map((filter) => [filter, FILTERS[filter][0]]));
    const query = Object.fromEntries(filters.map((filter) => [FILTERS[filter][1], FILTERS[filter][2]]));
    sageApi()
      .get(`${BASE_PATH}${path}`)
      .query({ ...fixed, ...query, items_per_page: "5", page: "2", attributes: "email,balance" })
      .reply(200, body);
    await expect(
      runAction(key, { ...given, itemsPerPage: "5", page: "2", attributes: "email,balance" }),
    ).resolves.toEqual({ data: body });
  });

  test("sends nothing that was left blank; full records by default", async () => {
    sageApi()
      .get(`${BASE_PATH}${path}`)
      .query({ ...fixed, attributes: defaultAttributes(key) })
      .reply(200, envelope([]));
    await expect(runAction(key)).resolves.toEqual({ data: envelope([]) });
  });

  test("a blank Attributes asks for Sage's base fields only", async () => {
    sageApi().get(`${BASE_PATH}${path}`).query(fixed).reply(200, envelope([]));
    await expect(runAction(key, { attributes: "" })).resolves.toEqual({ data: envelope([]) });
  });

  test.each([
    ["itemsPerPage", "0", "Items Per Page", "a whole number from 1 to 200"],
    ["itemsPerPage", "201", "Items Per Page", "a whole number from 1 to 200"],
    ["itemsPerPage", "1.5", "Items Per Page", "a whole number from 1 to 200"],
    ["page", "0", "Page", "a whole number of at least 1"],
    ["page", "abc", "Page", "a whole number of at least 1"],
  ])("%s %p is refused before any request", async (input, bad, label, expected) => {
    await expect(runAction(key, { [input]: bad })).rejects.toThrow(
      `Invalid "${label}": expected ${expected}, got "${bad}".`,
    );
  });

  test("Fetch All walks every page, 200 at a time, keeping the filters, until $next is null", async () => {
    const given = Object.fromEntries(filters.map((filter) => [filter, FILTERS[filter][0]]));
    const query = Object.fromEntries(filters.map((filter) => [FILTERS[filter][1], FILTERS[filter][2]]));
    const page = (n: number, items: unknown[], next: string | null) => ({
      $total: 201,
      $page: n,
      $next: next,
      $back: null,
      $itemsPerPage: 200,
      $items: items,
    });
    nock(SAGE_ORIGIN, { reqheaders: { authorization: `Bearer ${TEST_TOKEN}` } })
      .get(`${BASE_PATH}${path}`)
      .query({ ...fixed, ...query, attributes: defaultAttributes(key), page: "1", items_per_page: "200" })
      .reply(200, page(1, [{ id: "a" }], `${path}?page=2`))
      .get(`${BASE_PATH}${path}`)
      .query({ ...fixed, ...query, attributes: defaultAttributes(key), page: "2", items_per_page: "200" })
      .reply(200, page(2, [{ id: "b" }], null));
    await expect(runAction(key, { ...given, fetchAll: "true", page: "9" })).resolves.toEqual({
      data: { $total: 201, $items: [{ id: "a" }, { id: "b" }] },
    });
  });

  const checked = filters.filter((filter) => FILTERS[filter][3] !== null);
  if (checked.length) {
    test.each(checked)("a bad %s is refused before any request, naming the input", async (filter) => {
      const label = component.actions[key].inputs.find((input) => input.key === filter)!.label;
      await expect(runAction(key, { [filter]: FILTERS[filter][3] })).rejects.toThrow(`Invalid "${label}": expected `);
    });
  }
});
