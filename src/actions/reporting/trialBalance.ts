import { action, input } from "@prismatic-io/spectral";
import { createSageClient } from "../../client";
import { connection } from "../../inputs/common";
import { actionOutput, BOOLEAN, NUMBER, objectSchema, performSafetyFor, STRING } from "../../util/outputSchema";
import { cents } from "../../util/money";
import { fetchAllPages } from "../../util/pagination";
import { InputError, requiredDate } from "../../util/validation";

/**
 * Get Trial Balance: Sage's API has no report endpoints, so the trial balance is built from every
 * ledger account's `balance_details` for the period (GET /ledger_accounts with
 * `show_balance_details=true`, `from_date`, `to_date`), read page by page through the one
 * pagination helper. Amounts are added up in integer cents.
 */

interface SageLedgerAccount {
  id: string;
  displayed_as?: string;
  name?: string;
  nominal_code?: number;
  ledger_account_type?: { id?: string; displayed_as?: string } | null;
  balance_details?: { debits?: number | null; credits?: number | null } | null;
}

export interface TrialBalanceLine {
  id: string;
  name: string | null;
  nominalCode: number | null;
  displayedAs: string | null;
  /** The period's debits and credits on the account. */
  debit: number;
  credit: number;
  /** debit − credit: positive is a debit balance, negative a credit balance. */
  balance: number;
}

interface Totals {
  debit: number;
  credit: number;
}

/** Sage sends balance details as decimals (strings on the wire); absent counts as 0. */
const centsOf = (amount: unknown) => cents(Number(amount) || 0);
const money = (value: number) => value / 100;

/**
 * The trial balance of a list of ledger accounts with their balance details: every account, grouped
 * by ledger account type (in the order Sage lists them), with totals per group and overall.
 * `balanced` says whether total debits equal total credits to the cent; when Sage's figures do
 * not balance the result says so (and by how much) rather than hiding it.
 */
export const trialBalanceOf = (accounts: SageLedgerAccount[], fromDate: string, toDate: string) => {
  const groups = new Map<
    string,
    { ledgerAccountType: { id: string; displayedAs: string | null }; accounts: TrialBalanceLine[]; cents: Totals }
  >();
  const total: Totals = { debit: 0, credit: 0 };
  for (const account of accounts) {
    const debit = centsOf(account.balance_details?.debits);
    const credit = centsOf(account.balance_details?.credits);
    const typeId = account.ledger_account_type?.id ?? "UNKNOWN";
    let group = groups.get(typeId);
    if (!group) {
      group = {
        ledgerAccountType: { id: typeId, displayedAs: account.ledger_account_type?.displayed_as ?? null },
        accounts: [],
        cents: { debit: 0, credit: 0 },
      };
      groups.set(typeId, group);
    }
    group.accounts.push({
      id: account.id,
      name: account.name ?? null,
      nominalCode: account.nominal_code ?? null,
      displayedAs: account.displayed_as ?? null,
      debit: money(debit),
      credit: money(credit),
      balance: money(debit - credit),
    });
    group.cents.debit += debit;
    group.cents.credit += credit;
    total.debit += debit;
    total.credit += credit;
  }
  return {
    fromDate,
    toDate,
    balanced: total.debit === total.credit,
    totals: { debit: money(total.debit), credit: money(total.credit), difference: money(total.debit - total.credit) },
    accountCount: accounts.length,
    groups: [...groups.values()].map(({ cents: sums, ...group }) => ({
      ...group,
      totals: { debit: money(sums.debit), credit: money(sums.credit), balance: money(sums.debit - sums.credit) },
    })),
  };
};

/** One account of the answer (built with the output schema, when it is first read). */
const lineSchema = () =>
  objectSchema(
    { id: STRING, debit: NUMBER, credit: NUMBER, balance: NUMBER },
    {
      name: { type: ["string", "null"] },
      nominalCode: { type: ["integer", "null"] },
      displayedAs: { type: ["string", "null"] },
    },
  );

export const getTrialBalance = action({
  display: {
    label: "Get Trial Balance",
    description:
      "Get every ledger account's debits, credits and balance for a period, grouped by ledger account type, with totals that must balance.",
  },
  inputs: {
    connection,
    fromDate: input({
      label: "From Date",
      type: "string",
      required: true,
      comments: "The first day of the period (YYYY-MM-DD).",
      example: "2026-01-01",
      placeholder: "YYYY-MM-DD",
      clean: requiredDate("From Date"),
    }),
    toDate: input({
      label: "To Date",
      type: "string",
      required: true,
      comments: "The last day of the period (YYYY-MM-DD), on or after From Date.",
      example: "2026-01-31",
      placeholder: "YYYY-MM-DD",
      clean: requiredDate("To Date"),
    }),
  },
  perform: async (context, { connection, fromDate, toDate }) => {
    // Both are YYYY-MM-DD, so text order is date order.
    if (toDate < fromDate) throw new InputError("To Date", `a date on or after From Date (${fromDate})`, toDate);
    const client = createSageClient(connection, context.debug.enabled);
    const { $items } = await fetchAllPages<SageLedgerAccount>(client, "/ledger_accounts", {
      show_balance_details: true,
      from_date: fromDate,
      to_date: toDate,
      attributes: "all",
    });
    const result = trialBalanceOf($items, fromDate, toDate);
    if (!result.balanced)
      context.logger.warn(
        `Sage's ledger accounts do not balance for ${fromDate} to ${toDate}: debits ${result.totals.debit}, credits ${result.totals.credit}.`,
      );
    return { data: result };
  },
  outputSchema: actionOutput(() =>
    objectSchema({
      fromDate: STRING,
      toDate: STRING,
      balanced: BOOLEAN,
      totals: objectSchema({ debit: NUMBER, credit: NUMBER, difference: NUMBER }),
      accountCount: { type: "integer" },
      groups: {
        type: "array",
        items: objectSchema({
          ledgerAccountType: objectSchema({ id: STRING }, { displayedAs: { type: ["string", "null"] } }),
          accounts: { type: "array", items: lineSchema() },
          totals: objectSchema({ debit: NUMBER, credit: NUMBER, balance: NUMBER }),
        }),
      },
    }),
  ),
  performSafety: performSafetyFor("get"),
});
