import { action } from "@prismatic-io/spectral";
import { formatISO } from "date-fns";
import { createSageClient, segment } from "../../client";
import { connection, idempotencyKey } from "../../inputs/common";
import { withIdempotencyKey } from "../../util/idempotency";
import {
  amount,
  bankAccountId,
  date,
  paymentContactId,
  paymentMethodId,
  reference,
  type salesInvoiceId,
} from "../../inputs/contactPayments";
import { additionalInvoiceAllocations } from "../../inputs/allocations";
import { compact } from "../../util/body";
import { allocationAmountsFor, type PayableInvoice, paymentAmountFor, paymentContactFor } from "../../util/payments";
import { sumOf } from "../../util/money";
import { InputError } from "../../util/validation";
import { outputSchemaFor, performSafetyFor } from "../../util/outputSchema";

export interface InvoicePaymentSpec {
  label: string;
  description: string;
  /** Sage collection of the invoice, e.g. "/sales_invoices". */
  path: string;
  /** Contact payment transaction type that settles this kind of invoice. */
  transactionTypeId: "CUSTOMER_RECEIPT" | "VENDOR_PAYMENT";
  invoiceId: typeof salesInvoiceId;
  /** How error messages name the invoice, e.g. "sales invoice". */
  noun: string;
}

/**
 * Record a payment against one invoice. Sales and purchase payments differ only in the invoice
 * path, the transaction type and the wording, so both actions come from here.
 *
 * Always one GET of the invoice, then one POST: the GET supplies the contact and the amount for
 * "pay in full", and the outstanding amount that every payment is checked against before
 * anything is written. Additional Invoice Allocations adds one GET per further invoice, each
 * checked the same way and against the payment's contact; the payment's total is then the sum.
 */
export const recordInvoicePayment = (kind: InvoicePaymentSpec) =>
  action({
    display: { label: kind.label, description: kind.description },
    inputs: {
      connection,
      invoiceId: kind.invoiceId,
      bankAccountId,
      amount,
      date,
      paymentMethodId,
      reference,
      contactId: paymentContactId,
      additionalInvoiceAllocations,
      idempotencyKey,
    },
    perform: async (context, params) => {
      // Checked from the inputs alone, before any request.
      const additional = params.additionalInvoiceAllocations ?? [];
      const label = "Additional Invoice Allocations";
      if (additional.some((allocation) => allocation.invoiceId === params.invoiceId))
        throw new InputError(label, "invoices other than the Invoice Id above", params.invoiceId);
      const client = createSageClient(params.connection, context.debug.enabled);
      const { data: invoice } = await client.get<PayableInvoice>(`${kind.path}/${segment(params.invoiceId)}`, {
        params: { attributes: "all" },
      });
      const invoiceAmount = paymentAmountFor(invoice, params.amount, kind.noun);
      const contactId = paymentContactFor(invoice, params.contactId, kind.noun);
      const others: PayableInvoice[] = [];
      for (const { invoiceId } of additional) {
        const { data } = await client.get<PayableInvoice>(`${kind.path}/${segment(invoiceId)}`, {
          params: { attributes: "all" },
        });
        others.push(data);
      }
      const otherAmounts = allocationAmountsFor(others, additional, { contactId, label, noun: kind.noun });
      const totalAmount = sumOf([invoiceAmount, ...otherAmounts]);
      const body = {
        contact_payment: compact({
          transaction_type_id: kind.transactionTypeId,
          contact_id: contactId,
          bank_account_id: params.bankAccountId,
          // Sage wants a plain date; formatISO gives the runner's local day (toISOString would give UTC's)
          // without the locale tables date-fns's `format` brings into the bundle.
          date: params.date ?? formatISO(new Date(), { representation: "date" }),
          total_amount: totalAmount,
          payment_method_id: params.paymentMethodId,
          reference: params.reference,
          allocated_artefacts: [
            { artefact_id: params.invoiceId, amount: invoiceAmount },
            ...additional.map(({ invoiceId }, index) => ({ artefact_id: invoiceId, amount: otherAmounts[index] })),
          ],
        }),
      };
      // Retried with the same idempotency_id (util/idempotency.ts): Sage never records the payment twice.
      const { data } = await client.post("/contact_payments", body, withIdempotencyKey(params.idempotencyKey));
      return { data };
    },
    outputSchema: outputSchemaFor("ContactPayment", "record"),
    // A payment is allocated to the invoice: it writes to the books.
    performSafety: performSafetyFor("allocate"),
  });
