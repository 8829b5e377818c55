import { cents } from "./money";
import { InputError } from "./validation";

/** The parts of a sales or purchase invoice that a payment depends on. */
export interface PayableInvoice {
  id?: string;
  displayed_as?: string;
  contact?: { id?: string } | null;
  status?: { id?: string } | null;
  currency?: { id?: string } | null;
  outstanding_amount?: number | string | null;
}

/** Sage documents amounts as numbers; accept numeric strings too, and treat anything else as unknown. */
const amountOf = (value: unknown): number | undefined => {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
  return undefined;
};

const nameOf = (invoice: PayableInvoice, noun: string): string =>
  `${noun} ${invoice.displayed_as ?? invoice.id ?? ""}`.trim();

const money = (value: number, invoice: PayableInvoice): string =>
  `${value.toFixed(2)}${invoice.currency?.id ? ` ${invoice.currency.id}` : ""}`;

/**
 * The amount to record against an invoice: the requested amount, or the outstanding amount when
 * none is given. Refuses, before anything is written, a void or settled invoice and an amount
 * above what is still owed, naming the input and the outstanding amount.
 */
export const paymentAmountFor = (
  invoice: PayableInvoice,
  requested: number | undefined,
  noun: string,
  labels: { invoice: string; amount: string } = { invoice: "Invoice Id", amount: "Amount" },
): number => {
  const name = nameOf(invoice, noun);
  if (invoice.status?.id === "VOID") {
    throw new InputError(labels.invoice, `an invoice that can be paid; ${name} is void`);
  }
  const outstanding = amountOf(invoice.outstanding_amount);
  if (outstanding !== undefined && cents(outstanding) <= 0) {
    throw new InputError(
      labels.invoice,
      `an invoice with an amount outstanding; ${name} has an outstanding amount of ${money(0, invoice)}`,
    );
  }
  if (requested === undefined) {
    if (outstanding === undefined) {
      throw new InputError(labels.amount, `a value: Sage did not return the outstanding amount of ${name}`);
    }
    return outstanding;
  }
  if (outstanding !== undefined && cents(requested) > cents(outstanding)) {
    throw new InputError(
      labels.amount,
      `at most the outstanding amount of ${name}, ${money(outstanding, invoice)}`,
      requested,
    );
  }
  return requested;
};

/** One invoice of a list input such as Invoice Allocations: its id and, optionally, the amount for it. */
export interface InvoiceAllocation {
  invoiceId: string;
  amount?: number;
}

/**
 * The amounts to allocate to several invoices of one contact, each read from Sage first. Refuses,
 * naming `label`, an invoice of another contact, a void, draft or settled one, an amount above an
 * invoice's outstanding amount, and (given `available`, a credit note's or payment on account's
 * outstanding amount) a total above it. Without an amount an invoice gets what it still owes, or,
 * with `available`, what is left of it.
 */
export const allocationAmountsFor = (
  invoices: PayableInvoice[],
  requested: InvoiceAllocation[],
  { contactId, label, noun, available }: { contactId: string; label: string; noun: string; available?: number },
): number[] => {
  let left = available;
  return invoices.map((invoice, index) => {
    if (invoice.contact?.id !== contactId) {
      throw new InputError(label, `invoices of one contact; ${nameOf(invoice, noun)} belongs to another contact`);
    }
    let wanted = requested[index].amount;
    const outstanding = amountOf(invoice.outstanding_amount);
    // Nothing owed or void: paymentAmountFor below says so; otherwise what is owed, as far as the credit goes.
    if (wanted === undefined && left !== undefined && outstanding !== undefined && cents(outstanding) > 0) {
      wanted = Math.min(outstanding, left);
      if (cents(wanted) <= 0)
        throw new InputError(label, `no more invoices than the credit covers, ${money(available!, invoice)}`);
    }
    const amount = paymentAmountFor(invoice, wanted, noun, { invoice: label, amount: label });
    if (left !== undefined) {
      if (cents(amount) > cents(left)) {
        throw new InputError(label, `amounts adding up to at most the credit available, ${money(available!, invoice)}`);
      }
      left = (cents(left) - cents(amount)) / 100;
    }
    return amount;
  });
};

/** The contact a payment is recorded for: the one given, else the invoice's own. */
export const paymentContactFor = (invoice: PayableInvoice, given: string | undefined, noun: string): string => {
  const contactId = given ?? invoice.contact?.id;
  if (!contactId) {
    throw new InputError("Contact Id", `a value: ${nameOf(invoice, noun)} has no contact`);
  }
  return contactId;
};
