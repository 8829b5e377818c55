import { input } from "@prismatic-io/spectral";
import type { InvoiceAllocation } from "../util/payments";
import {
  accepting,
  InputError,
  isBlank,
  isSageId,
  optionalDate,
  optionalId,
  optionalJson,
  optionalJsonObjectArray,
  optionalNumber,
  optionalString,
  quoted,
  requiredId,
} from "../util/validation";

const ALLOCATIONS_EXAMPLE = JSON.stringify([
  { invoice_id: "5b6a0e21a6f04f1d9c1e0f3a2b4c6d8e", amount: 40 },
  { invoice_id: "6c7b1f32b7a15e2eac2f1a4b3c5d7e9f" },
]);

/** A JSON list of { "invoice_id", "amount"? }: each invoice once, amounts positive with at most 2 decimals. */
const invoiceAllocationList = (label: string, required: boolean) =>
  accepting(
    'a JSON list of { "invoice_id": "…", "amount": 12.50 } (amount optional)',
    (value: unknown): InvoiceAllocation[] | undefined => {
      const items = optionalJsonObjectArray(label)(value);
      if (!items?.length) {
        if (required) throw new InputError(label, "at least one invoice; this input is required");
        return undefined;
      }
      const seen = new Set<string>();
      return items.map((item, index) => {
        if (typeof item.invoice_id !== "string")
          throw new InputError(label, `an "invoice_id" in item ${index + 1}`, item);
        const invoiceId = requiredId(label)(item.invoice_id);
        if (seen.has(invoiceId)) throw new InputError(label, `each invoice once; ${quoted(invoiceId)} is listed twice`);
        seen.add(invoiceId);
        const amount = optionalNumber(label, { positive: true })(item.amount);
        return amount === undefined ? { invoiceId } : { invoiceId, amount };
      });
    },
  );

/** Record Sales/Purchase Invoice Payment: more invoices of the same contact paid by the same payment. */
export const additionalInvoiceAllocations = input({
  label: "Additional Invoice Allocations",
  type: "code",
  language: "json",
  required: false,
  comments:
    'Optional. Other invoices of the same contact that this one payment also pays, as a JSON list of { "invoice_id": "…", "amount": 12.50 }; an invoice without an amount is paid in full. Each amount may not exceed what the invoice still owes; the payment\'s total is the Amount above plus these.',
  example: ALLOCATIONS_EXAMPLE,
  clean: invoiceAllocationList("Additional Invoice Allocations", false),
});

/** What a credit can be: Sage's credit notes, or a payment that left money on account. */
export const CREDIT_TYPES = {
  salesCreditNote: { label: "Sales Credit Note", path: "/sales_credit_notes", side: "sales" },
  purchaseCreditNote: { label: "Purchase Credit Note", path: "/purchase_credit_notes", side: "purchase" },
  paymentOnAccount: { label: "Payment on Account", path: "/contact_payments", side: undefined },
} as const;
export type CreditType = keyof typeof CREDIT_TYPES;

export const creditType = input({
  label: "Credit Type",
  type: "string",
  required: true,
  default: "salesCreditNote",
  comments:
    "What is applied: a sales credit note (to sales invoices), a purchase credit note (to purchase invoices), or a payment on account (to the invoices of the payment's contact).",
  model: Object.entries(CREDIT_TYPES).map(([value, { label }]) => ({ label, value })),
  clean: (value: unknown): CreditType => {
    const text = typeof value === "string" ? value.trim() : "";
    if (!(text in CREDIT_TYPES))
      throw new InputError("Credit Type", `one of ${Object.keys(CREDIT_TYPES).join(", ")}`, value);
    return text as CreditType;
  },
});

export const creditId = input({
  label: "Credit Id",
  type: "string",
  required: true,
  comments:
    "Provide the unique identifier of the credit note, or, for a payment on account, of the contact payment that left the money on account.",
  example: "a5fe7e0e2d3a4c1d9f6d6c2f0e4b8a11",
  clean: requiredId("Credit Id"),
});

export const invoiceAllocations = input({
  label: "Invoice Allocations",
  type: "code",
  language: "json",
  required: true,
  comments:
    'The invoices to apply the credit to, as a JSON list of { "invoice_id": "…", "amount": 12.50 }. An invoice without an amount gets what it still owes, as far as the credit goes. All must be invoices of the credit\'s contact; amounts may not exceed what each invoice owes, nor together what is left of the credit.',
  example: ALLOCATIONS_EXAMPLE,
  clean: invoiceAllocationList("Invoice Allocations", true),
});

export const allocationDate = input({
  label: "Date",
  type: "string",
  required: false,
  comments: "The date of the allocation (YYYY-MM-DD). Leave blank for today.",
  example: "2026-01-31",
  placeholder: "Today",
  clean: optionalDate("Date"),
});

/** Which lines of an invoice a refund credits: numbers (1 = first line), line ids, or objects with a quantity. */
export interface RefundLine {
  line: number | string;
  quantity?: number;
}

export const refundLines = input({
  label: "Lines to Refund",
  type: "code",
  language: "json",
  required: false,
  comments:
    'Optional. Which invoice lines to credit: a comma list or JSON list of line numbers (1 is the first line) or line ids, or objects { "line": 2, "quantity": 1 } to credit part of a line\'s quantity. Blank credits every line in full.',
  example: '[1, { "line": 2, "quantity": 1 }]',
  clean: accepting("line numbers, line ids or { line, quantity } objects", (value: unknown) => {
    if (isBlank(value)) return undefined;
    // JSON when it looks like JSON (a list, or one { line, quantity } object), else a comma list.
    const parsed =
      typeof value === "string" && !/^\s*[[{]/.test(value) ? value.split(",") : optionalJson("Lines to Refund")(value);
    const items = (Array.isArray(parsed) ? parsed : [parsed]).filter((item) => !isBlank(item));
    // Blank credits every line; a list with none in it says something else, so it is refused.
    if (!items.length) throw new InputError("Lines to Refund", "at least one line, or blank for every line", value);
    return items.map((item): RefundLine => {
      const entry: Record<string, unknown> =
        typeof item === "object" && item !== null ? (item as Record<string, unknown>) : { line: item };
      const line = typeof entry.line === "string" ? entry.line.trim() : entry.line;
      const number = typeof line === "number" ? line : /^\d+$/.test(String(line)) ? Number(line) : undefined;
      if (number !== undefined && (!Number.isInteger(number) || number < 1))
        throw new InputError("Lines to Refund", "line numbers from 1", item);
      if (number === undefined && (typeof line !== "string" || !isSageId(line)))
        throw new InputError("Lines to Refund", "a line number or a line's Sage id", item);
      const quantity = optionalNumber("Lines to Refund", { positive: true })(entry.quantity);
      return { line: number ?? (line as string), ...(quantity === undefined ? {} : { quantity }) };
    });
  }),
});

export const refundBankAccountId = input({
  label: "Refund From Bank Account Id",
  type: "string",
  required: false,
  comments:
    "Optional. The bank account the money is paid back from: a customer refund is then recorded for what the invoice does not absorb (on a paid invoice, the whole credit). Blank: the credit stays on the customer's account, listed by List Unallocated Items.",
  example: "9a8b7c6d5e4f40312a1b2c3d4e5f6a7b",
  placeholder: "Select a bank account",
  dataSource: "selectBankAccount",
  clean: optionalId("Refund From Bank Account Id"),
});

export const refundReference = input({
  label: "Reference",
  type: "string",
  required: false,
  comments:
    "The credit note's and refund's reference, e.g. the shop's refund id. Blank: \"Refund of\" the invoice number.",
  example: "re_3PqR2sT4uV5w",
  clean: optionalString("Reference"),
});
