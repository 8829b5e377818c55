import { trialBalanceOf } from "../../../src/actions/reporting/trialBalance";
import { BASE_PATH, envelope, failureOf, runAction, sageApi, useNock } from "../../helpers";

useNock();

const account = (n: number, type: string, debits: string, credits: string) => ({
  id: `LA${n}`,
  displayed_as: `Account ${n} (${n})`,
  name: `Account ${n}`,
  nominal_code: n,
  ledger_account_type: { id: type, displayed_as: type },
  // Sage writes decimals as strings; the client turns them into numbers.
  balance_details: { balance: "0.0", credit_or_debit: "debit", debits, credits, from_date: null, to_date: null },
});

const QUERY = {
  show_balance_details: "true",
  from_date: "2026-01-01",
  to_date: "2026-01-31",
  attributes: "all",
  items_per_page: "200",
};

describe("Get Trial Balance", () => {
  test("reads every page of /ledger_accounts with show_balance_details, from_date and to_date; groups by type; balances in cents", async () => {
    // 250 accounts on two pages: 249 accounts of 0.10 debit each against one credit of 24.90.
    const accounts = [
      ...Array.from({ length: 249 }, (_, n) => account(1000 + n, n % 2 ? "OVERHEADS" : "CURRENT_ASSETS", "0.1", "0.0")),
      account(4000, "SALES", "0.0", "24.9"),
    ];
    sageApi()
      .get(`${BASE_PATH}/ledger_accounts`)
      .query({ ...QUERY, page: "1" })
      .reply(200, envelope(accounts.slice(0, 200), { itemsPerPage: 200, total: 250 }));
    sageApi()
      .get(`${BASE_PATH}/ledger_accounts`)
      .query({ ...QUERY, page: "2" })
      .reply(200, envelope(accounts.slice(200), { page: 2, itemsPerPage: 200, total: 250 }));
    const { data } = (await runAction("getTrialBalance", { fromDate: "2026-01-01", toDate: "2026-01-31" })) as {
      data: ReturnType<typeof trialBalanceOf>;
    };
    expect(data.balanced).toBe(true);
    // 249 × 0.1 added as doubles is 24.900000000000087; in cents it is exactly 24.90.
    expect(data.totals).toEqual({ debit: 24.9, credit: 24.9, difference: 0 });
    expect(data.accountCount).toBe(250);
    expect(data.groups.map((group) => [group.ledgerAccountType.id, group.accounts.length, group.totals])).toEqual([
      ["CURRENT_ASSETS", 125, { debit: 12.5, credit: 0, balance: 12.5 }],
      ["OVERHEADS", 124, { debit: 12.4, credit: 0, balance: 12.4 }],
      ["SALES", 1, { debit: 0, credit: 24.9, balance: -24.9 }],
    ]);
    expect(data.groups[2].accounts[0]).toEqual({
      id: "LA4000",
      name: "Account 4000",
      nominalCode: 4000,
      displayedAs: "Account 4000 (4000)",
      debit: 0,
      credit: 24.9,
      balance: -24.9,
    });
  });

  test("when Sage's figures do not balance, the result says so and by how much, and a warning is logged", async () => {
    sageApi()
      .get(`${BASE_PATH}/ledger_accounts`)
      .query({ ...QUERY, page: "1" })
      .reply(200, envelope([account(1200, "BANK", "100.0", "0.0"), account(4000, "SALES", "0.0", "99.99")]));
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    const { data } = (await runAction("getTrialBalance", { fromDate: "2026-01-01", toDate: "2026-01-31" })) as {
      data: ReturnType<typeof trialBalanceOf>;
    };
    expect(data).toMatchObject({ balanced: false, totals: { debit: 100, credit: 99.99, difference: 0.01 } });
    expect(warn.mock.calls.flat().join(" ")).toContain(
      "Sage's ledger accounts do not balance for 2026-01-01 to 2026-01-31: debits 100, credits 99.99.",
    );
    warn.mockRestore();
  });

  test("an account without balance details counts 0 on both sides", () => {
    expect(trialBalanceOf([{ id: "X", ledger_account_type: null }], "2026-01-01", "2026-01-31").groups).toEqual([
      {
        ledgerAccountType: { id: "UNKNOWN", displayedAs: null },
        accounts: [{ id: "X", name: null, nominalCode: null, displayedAs: null, debit: 0, credit: 0, balance: 0 }],
        totals: { debit: 0, credit: 0, balance: 0 },
      },
    ]);
  });

  test.each([
    [
      { fromDate: "2026-02-01", toDate: "2026-01-31" },
      'Invalid "To Date": expected a date on or after From Date (2026-02-01), got "2026-01-31".',
    ],
    [{ fromDate: "01/01/2026", toDate: "2026-01-31" }, 'Invalid "From Date": expected a date as YYYY-MM-DD'],
    [{ fromDate: "2026-01-01" }, 'Invalid "To Date": expected a date as YYYY-MM-DD'],
  ])("%j is refused naming the input, before any request", async (params, message) => {
    expect((await failureOf(runAction("getTrialBalance", params))).startsWith(message)).toBe(true);
  });
});
