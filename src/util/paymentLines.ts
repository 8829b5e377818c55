import { cleanLine, type InvoiceLine, type LineField, linesCleaner } from "./invoiceLines";
import { cents, sumOf } from "./money";

/**
 * The fields of a line of an Other Payment or Other Receipt, named and typed as the payment_lines
 * items of Sage's postOtherPayments / putOtherPayments. Sage requires ledger_account_id and
 * total_amount; a line may give its net (and tax) instead of the total, which is then filled in.
 */
const PAYMENT_LINE_FIELDS: Record<string, LineField<"payment">> = {
  ledger_account_id: { type: "id", requiredFor: ["payment"] },
  tax_rate_id: { type: "id" },
  net_amount: { type: "number" },
  tax_amount: { type: "number" },
  total_amount: { type: "number" },
  details: { type: "text" },
};

/** The Payment Lines default: one line with every field, its "string" values placeholders. */
export const PAYMENT_LINES_TEMPLATE = JSON.stringify(
  [{ ledger_account_id: "string", tax_rate_id: "string", net_amount: 0, tax_amount: 0, total_amount: 0, details: "" }],
  null,
  2,
);

/**
 * One payment line: Sage's fields, an amount (total, or net with optional tax), and when net,
 * tax and total are all given they must add up to the cent, as Sage posts each of them.
 */
const cleanPaymentLine = (line: unknown, fail: (problem: string) => never): InvoiceLine => {
  const cleaned = cleanLine("payment", PAYMENT_LINE_FIELDS, line, fail);
  const { net_amount: net, tax_amount: tax, total_amount: total } = cleaned as Record<string, number | undefined>;
  if (total === undefined) {
    if (net === undefined) fail(`needs an amount: "total_amount", or "net_amount" (with "tax_amount" if any)`);
    return { ...cleaned, total_amount: sumOf([net, tax ?? 0]) };
  }
  if (net !== undefined && tax !== undefined && cents(net) + cents(tax) !== cents(total))
    fail(`"net_amount" ${net} plus "tax_amount" ${tax} must equal "total_amount" ${total}`);
  return cleaned;
};

/** Cleaner of a Payment Lines input (create: required; update: blank or the template leaves the lines alone). */
export const paymentLines = (label: string, { required }: { required: boolean }) =>
  linesCleaner(label, { required, template: PAYMENT_LINES_TEMPLATE, noun: "payment line" }, cleanPaymentLine);

/**
 * The header amounts of a payment made of these lines: the total is their sum (Sage requires it);
 * net and tax are sums too when every line gives them.
 */
export const paymentHeaderAmounts = (lines: InvoiceLine[]): Record<string, number> => {
  const sum = (field: string) =>
    lines.every((line) => typeof line[field] === "number")
      ? sumOf(lines.map((line) => line[field] as number))
      : undefined;
  const header: Record<string, number> = {};
  for (const field of ["net_amount", "tax_amount", "total_amount"]) {
    const value = sum(field);
    if (value !== undefined) header[field] = value;
  }
  return header;
};
