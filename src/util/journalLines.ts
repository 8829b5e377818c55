import { InvoiceLineError } from "./invoiceLines";
import {
  InputError,
  isBlank,
  isSageId,
  MAX_NUMBER,
  MONEY_DECIMALS,
  optionalJson,
  quoted,
  withDecimals,
} from "./validation";

/** One journal line as Sage's postJournals takes it: both sides are required, one of them 0. */
export interface JournalLine {
  ledger_account_id: string;
  debit: number;
  credit: number;
  details?: string;
  include_on_tax_return?: boolean;
}

const FIELDS = ["ledger_account_id", "debit", "credit", "details", "include_on_tax_return"];

export const JOURNAL_LINES_TEMPLATE = JSON.stringify(
  [
    { ledger_account_id: "string", debit: 100, credit: 0, details: "string" },
    { ledger_account_id: "string", debit: 0, credit: 100, details: "string" },
  ],
  null,
  2,
);

/** Cents of an amount that already has at most 2 decimals: integer sums never drift by a cent. */
const toCents = (amount: number): number => Math.round(amount * 100);

const sideOf = (name: string, value: unknown, fail: (problem: string) => never): number => {
  if (isBlank(value)) return 0;
  const exact = typeof value === "number" && Number.isFinite(value) ? withDecimals(value, MONEY_DECIMALS) : undefined;
  if (exact === undefined || exact < 0 || exact > MAX_NUMBER)
    fail(`"${name}" must be a number of 0 or more with at most ${MONEY_DECIMALS} decimal places, got ${quoted(value)}`);
  return exact;
};

const cleanLine = (line: unknown, fail: (problem: string) => never): JournalLine => {
  if (line === null || typeof line !== "object" || Array.isArray(line))
    return fail(`expected an object, got ${quoted(line)}`);
  const given = line as Record<string, unknown>;
  const unknown = Object.keys(given).find((key) => !FIELDS.includes(key));
  if (unknown) fail(`unknown field "${unknown}"; allowed fields: ${FIELDS.join(", ")}`);
  const account = typeof given.ledger_account_id === "string" ? given.ledger_account_id.trim() : "";
  if (!isSageId(account) || account === "string")
    fail(`"ledger_account_id" must be a ledger account's Sage Id, got ${quoted(given.ledger_account_id)}`);
  const debit = sideOf("debit", given.debit, fail);
  const credit = sideOf("credit", given.credit, fail);
  if (debit > 0 === credit > 0)
    fail(`give either a debit or a credit greater than 0, not ${debit > 0 ? "both" : "neither"}`);
  if (!isBlank(given.details) && typeof given.details !== "string")
    fail(`"details" must be text, got ${quoted(given.details)}`);
  if (given.include_on_tax_return !== undefined && typeof given.include_on_tax_return !== "boolean")
    fail(`"include_on_tax_return" must be true or false, got ${quoted(given.include_on_tax_return)}`);
  return {
    ledger_account_id: account,
    debit,
    credit,
    ...(isBlank(given.details) ? {} : { details: given.details }),
    ...(given.include_on_tax_return === undefined ? {} : { include_on_tax_return: given.include_on_tax_return }),
  };
};

/**
 * Cleaner of a Journal Lines input: JSON text or an array of `{ ledger_account_id, debit | credit,
 * details }`. Each line has exactly one side above 0 and the debits must equal the credits to the
 * cent (added up in integer cents), so an unbalanced journal never reaches Sage.
 */
export const journalLines =
  (label: string) =>
  (value: unknown): JournalLine[] => {
    const expected = "a JSON array of journal lines, each with ledger_account_id and a debit or a credit";
    const parsed = optionalJson(label)(value);
    if (parsed === undefined) throw new InputError(label, `${expected}; this input is required`);
    if (!Array.isArray(parsed)) throw new InputError(label, expected, parsed);
    if (parsed.length < 2) throw new InputError(label, "at least two journal lines (a debit and a credit)", parsed);
    const lines = parsed.map((line, index) =>
      cleanLine(line, (problem) => {
        throw new InvoiceLineError(label, index, problem);
      }),
    );
    const debits = lines.reduce((sum, line) => sum + toCents(line.debit), 0);
    const credits = lines.reduce((sum, line) => sum + toCents(line.credit), 0);
    if (debits !== credits)
      throw new InputError(
        label,
        "",
        undefined,
        `the debits (${(debits / 100).toFixed(2)}) must equal the credits (${(credits / 100).toFixed(2)}); they differ by ${(Math.abs(debits - credits) / 100).toFixed(2)}`,
      );
    return lines;
  };
