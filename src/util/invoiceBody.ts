import { compact } from "./body";
import type { InvoiceKind, InvoiceLine } from "./invoiceLines";

/** Sage's path and body wrapper for each invoice kind. */
export const INVOICE_RESOURCES = {
  sales: { path: "/sales_invoices", wrapper: "sales_invoice" },
  purchase: { path: "/purchase_invoices", wrapper: "purchase_invoice" },
} as const satisfies Record<InvoiceKind, { path: string; wrapper: string }>;

/** The invoice inputs after cleaning, keyed as the actions' input keys; what was not filled in is undefined. */
export interface InvoiceFields {
  contactId?: string;
  date?: string;
  dueDate?: string;
  contactName?: string;
  notes?: string;
  totalQuantity?: number;
  netAmount?: number;
  taxAmount?: number;
  currencyId?: string;
  totalAmount?: number;
  invoiceLines?: InvoiceLine[];
}

/**
 * The one body mapper for sales and purchase invoices, create and update alike:
 * `{ "<kind>_invoice": {...} }` with only the fields that were filled in.
 */
export const invoiceBody = (kind: InvoiceKind, fields: InvoiceFields) => ({
  [INVOICE_RESOURCES[kind].wrapper]: compact({
    contact_id: fields.contactId,
    date: fields.date,
    due_date: fields.dueDate,
    contact_name: fields.contactName,
    notes: fields.notes,
    total_quantity: fields.totalQuantity,
    net_amount: fields.netAmount,
    tax_amount: fields.taxAmount,
    currency_id: fields.currencyId,
    total_amount: fields.totalAmount,
    invoice_lines: fields.invoiceLines,
  }),
});
