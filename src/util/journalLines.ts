import { type Fail, linesCleaner } from "./invoiceLines";
import { cents } from "./money";
import { InputError, isBlank, isSageId, MAX_NUMBER, MONEY_DECIMALS, quoted, withDecimals } from "./validation";

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

const sideOf = (name: string, value: unknown, fail: Fail): number => {
  if (isBlank(value)) return 0;
  const exact = typeof value === "number" && Number.isFinite(value) ? withDecimals(value, MONEY_DECIMALS) : undefined;
  if (exact === undefined || exact < 0 || exact > MAX_NUMBER)
    fail(`"${name}" must be a number of 0 or more with at most ${MONEY_DECIMALS} decimal places, got ${quoted(value)}`);
  return exact;
};

/** One line: Sage's fields only, a ledger account, exactly one side above 0 (a side may not be negative). */
const cleanJournalLine = (line: unknown, fail: Fail): JournalLine => {
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
 * details }`, each line checked as the other lines inputs are (linesCleaner: by line and field).
 * A journal has at least two lines and its debits equal its credits to the cent (added up in
 * integer cents), so an unbalanced journal never reaches Sage.
 */
export const journalLines = (label: string) => {
  const cleanLines = linesCleaner(
    label,
    { required: true, template: JOURNAL_LINES_TEMPLATE, noun: "journal line" },
    cleanJournalLine,
  );
  return (value: unknown): JournalLine[] => {
    // Required: linesCleaner refuses a blank value, so there is always a list here.
    const lines = cleanLines(value)!;
    if (lines.length < 2) throw new InputError(label, "at least two journal lines (a debit and a credit)", lines);
    const debits = lines.reduce((sum, line) => sum + cents(line.debit), 0);
    const credits = lines.reduce((sum, line) => sum + cents(line.credit), 0);
    if (debits !== credits)
      throw new InputError(
        label,
        "",
        undefined,
        `the debits (${(debits / 100).toFixed(2)}) must equal the credits (${(credits / 100).toFixed(2)}); they differ by ${(Math.abs(debits - credits) / 100).toFixed(2)}`,
      );
    return lines;
  };
};
