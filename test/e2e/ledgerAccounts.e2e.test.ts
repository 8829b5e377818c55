import { failureOf, withSandbox, ref } from "./withSandbox";

// Ledger accounts end to end: every action through Spectral's harness against the sandbox over real HTTP.
const sage = withSandbox();

beforeEach(() => sage.sandbox().clearLog());

const log = () => sage.sandbox().requestLog;
const stored = (id: string) => sage.sandbox().store.get("ledger_accounts", id);

let nextCode = 4100;
const newAccount = async (extra: Record<string, unknown> = {}) => {
  const code = nextCode++;
  const { data } = await sage.run("createLedgerAccount", {
    ledgerAccountTypeId: "SALES",
    includedInChart: "true",
    name: `Fixture Income ${code}`,
    displayName: `Fixture ${code}`,
    nominalCode: String(code),
    ...extra,
  });
  return data as { id: string; nominal_code: number };
};

describe("Create Ledger Account", () => {
  test("sends every input under its Sage name; the store holds the account", async () => {
    const { data } = await sage.run("createLedgerAccount", {
      ledgerAccountTypeId: "SALES",
      includedInChart: "true",
      name: "Consulting Income",
      displayName: "Consulting",
      nominalCode: "4020",
      taxRateId: "GB_REDUCED",
    });
    expect(log()).toEqual([expect.objectContaining({ method: "POST", path: "/ledger_accounts", status: 201 })]);
    expect(log()[0].body).toEqual({
      ledger_account: {
        ledger_account_type_id: "SALES",
        included_in_chart: true,
        name: "Consulting Income",
        display_name: "Consulting",
        nominal_code: 4020,
        tax_rate_id: "GB_REDUCED",
      },
    });
    expect(data).toEqual(stored(data.id));
    expect(data).toMatchObject({
      displayed_as: "Consulting Income (4020)",
      ledger_account_type: ref("ledger_account_types", "SALES"),
      included_in_chart: true,
      name: "Consulting Income",
      display_name: "Consulting",
      nominal_code: 4020,
      tax_rate: ref("tax_rates", "GB_REDUCED"),
    });
  });

  test("Include In Chart left at its default sends false", async () => {
    const { data } = await sage.run("createLedgerAccount", {
      ledgerAccountTypeId: "OVERHEADS",
      name: "Hidden Costs",
      displayName: "Hidden",
      nominalCode: "7900",
    });
    expect(log()[0].body).toEqual({
      ledger_account: {
        ledger_account_type_id: "OVERHEADS",
        included_in_chart: false,
        name: "Hidden Costs",
        display_name: "Hidden",
        nominal_code: 7900,
      },
    });
    expect(stored(data.id)).toMatchObject({ included_in_chart: false, nominal_code: 7900 });
  });

  test("a nominal code already in use is a 422 naming the field (the sandbox's own rule); nothing is stored", async () => {
    const before = sage.sandbox().store.count("ledger_accounts");
    const message = await failureOf(
      sage.run("createLedgerAccount", {
        ledgerAccountTypeId: "SALES",
        includedInChart: "true",
        name: "Clash",
        displayName: "Clash",
        nominalCode: "4000",
      }),
    );
    expect(message).toBe(
      "Sage API error 422 on POST /ledger_accounts: Nominal code 4000 is already in use by another ledger account (field: nominal_code).",
    );
    expect(sage.sandbox().store.count("ledger_accounts")).toBe(before);
  });

  test("an unknown ledger account type is a 422 naming the field (the sandbox's own rule)", async () => {
    const message = await failureOf(
      sage.run("createLedgerAccount", {
        ledgerAccountTypeId: "INCOME",
        includedInChart: "true",
        name: "Typo",
        displayName: "Typo",
        nominalCode: "4999",
      }),
    );
    expect(message).toBe(
      "Sage API error 422 on POST /ledger_accounts: Ledger account type 'INCOME' does not exist (field: ledger_account_type_id).",
    );
  });

  test("a nominal code that is not a whole number fails before any request", async () => {
    const message = await failureOf(
      sage.run("createLedgerAccount", {
        ledgerAccountTypeId: "SALES",
        name: "X",
        displayName: "X",
        nominalCode: "40.5",
      }),
    );
    expect(message).toMatch(/^Invalid "Nominal Code": /);
    expect(log()).toEqual([]);
  });
});

describe("Get Ledger Account", () => {
  test("returns the full record, asking for attributes=all", async () => {
    const account = await newAccount();
    sage.sandbox().clearLog();
    await expect(sage.run("getLedgerAccount", { ledgerAccountId: account.id })).resolves.toEqual({
      data: stored(account.id),
    });
    expect(log()).toEqual([
      expect.objectContaining({ method: "GET", path: `/ledger_accounts/${account.id}`, query: { attributes: "all" } }),
    ]);
  });

  test("an unknown id is Sage's 404", async () => {
    expect(await failureOf(sage.run("getLedgerAccount", { ledgerAccountId: "f".repeat(32) }))).toBe(
      `Sage API error 404 on GET /ledger_accounts/${"f".repeat(32)}: Ledger account not found.`,
    );
  });
});

describe("Update Ledger Account", () => {
  test("changes only the given fields; Include In Chart is left unchanged by default", async () => {
    const account = await newAccount({ taxRateId: "GB_STANDARD" });
    const before = stored(account.id);
    sage.sandbox().clearLog();
    const { data } = await sage.run("updateLedgerAccount", {
      accountId: account.id,
      displayName: "Renamed",
      gifiCode: "8000",
    });
    expect(log()).toEqual([
      expect.objectContaining({ method: "PUT", path: `/ledger_accounts/${account.id}`, status: 200 }),
    ]);
    expect(log()[0].body).toEqual({ ledger_account: { display_name: "Renamed", gifi_code: 8000 } });
    expect(data).toEqual(stored(account.id));
    expect(data).toEqual({ ...before, display_name: "Renamed", gifi_code: 8000, updated_at: expect.any(String) });
  });

  test("Include In Chart set to False, a new name and nominal code", async () => {
    const account = await newAccount();
    const { data } = await sage.run("updateLedgerAccount", {
      accountId: account.id,
      includedInChart: "false",
      name: "Moved Income",
      nominalCode: "4950",
    });
    expect(log().at(-1)?.body).toEqual({
      ledger_account: { included_in_chart: false, name: "Moved Income", nominal_code: 4950 },
    });
    expect(stored(account.id)).toMatchObject({
      included_in_chart: false,
      name: "Moved Income",
      nominal_code: 4950,
      displayed_as: "Moved Income (4950)",
    });
    expect(data.displayed_as).toBe("Moved Income (4950)");
  });

  test("a nominal code taken by another account is a readable 422 and nothing changes", async () => {
    const account = await newAccount();
    const before = stored(account.id);
    const message = await failureOf(sage.run("updateLedgerAccount", { accountId: account.id, nominalCode: "5000" }));
    expect(message).toBe(
      `Sage API error 422 on PUT /ledger_accounts/${account.id}: Nominal code 5000 is already in use by another ledger account (field: nominal_code).`,
    );
    expect(stored(account.id)).toEqual(before);
  });

  test("an unknown id is Sage's 404", async () => {
    expect(await failureOf(sage.run("updateLedgerAccount", { accountId: "e".repeat(32), name: "X" }))).toBe(
      `Sage API error 404 on PUT /ledger_accounts/${"e".repeat(32)}: Ledger account not found.`,
    );
  });
});

describe("List Ledger Accounts", () => {
  const business = () => sage.sandbox().businesses.second;
  const second = () => sage.connection({ businessId: business() });
  const all = () => sage.sandbox().store.list("ledger_accounts", business());

  beforeAll(() => {
    sage.sandbox().seed("ledger_accounts", 390, { businessId: sage.sandbox().businesses.second });
  });

  test("Items Per Page and Page return that page with $next", async () => {
    const { data } = await sage.run("listLedgerAccounts", { connection: second(), itemsPerPage: "25", page: "3" });
    expect(data).toEqual({
      $total: all().length,
      $page: 3,
      $next: "/ledger_accounts?page=4&items_per_page=25&attributes=all",
      $back: "/ledger_accounts?page=2&items_per_page=25&attributes=all",
      $itemsPerPage: 25,
      $items: all().slice(50, 75),
    });
  });

  test("Fetch All reads every page: exactly ceil(N/200) requests", async () => {
    const total = all().length;
    expect(total).toBeGreaterThan(400);
    const { data } = await sage.run("listLedgerAccounts", { connection: second(), fetchAll: "true" });
    expect(data).toEqual({ $total: total, $items: all() });
    expect(log().map((entry) => entry.query.page)).toEqual(
      Array.from({ length: Math.ceil(total / 200) }, (_, n) => String(n + 1)),
    );
  });

  test("Visible In and Ledger Account Type Id filters reach Sage under its names", async () => {
    const { data: sales } = await sage.run("listLedgerAccounts", {
      connection: second(),
      ledgerAccountTypeId: "SALES",
      visibleIn: "sales",
      itemsPerPage: "200",
    });
    const expected = all().filter((a) => a.ledger_account_type.id === "SALES" && a.visible_in_sales === true);
    expect(expected.length).toBeGreaterThan(0);
    expect(sales.$items).toEqual(expected);
    expect(log()[0].query).toEqual({
      ledger_account_type_id: "SALES",
      visible_in: "sales",
      attributes: "all",
      items_per_page: "200",
    });
  });

  test("a Visible In outside Sage's areas fails before any request", async () => {
    expect(await failureOf(sage.run("listLedgerAccounts", { connection: second(), visibleIn: "everywhere" }))).toMatch(
      /^Invalid "Visible In": /,
    );
    expect(log()).toEqual([]);
  });
});
