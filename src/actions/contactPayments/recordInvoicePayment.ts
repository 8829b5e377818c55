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
import { compact } from "../../util/body";
import { type PayableInvoice, paymentAmountFor, paymentContactFor } from "../../util/payments";
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
  /** What the action returns for this kind of invoice, shown to flow builders. */
  examplePayload: { data: Record<string, unknown> };
}

/**
 * Record a payment against one invoice. Sales and purchase payments differ only in the invoice
 * path, the transaction type and the wording, so both actions come from here.
 *
 * Always one GET of the invoice, then one POST: the GET supplies the contact and the amount for
 * "pay in full", and the outstanding amount that every payment is checked against before
 * anything is written.
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
      idempotencyKey,
    },
    perform: async (context, params) => {
      const client = createSageClient(params.connection, context.debug.enabled);
      const { data: invoice } = await client.get<PayableInvoice>(`${kind.path}/${segment(params.invoiceId)}`, {
        params: { attributes: "all" },
      });
      const totalAmount = paymentAmountFor(invoice, params.amount, kind.noun);
      const body = {
        contact_payment: compact({
          transaction_type_id: kind.transactionTypeId,
          contact_id: paymentContactFor(invoice, params.contactId, kind.noun),
          bank_account_id: params.bankAccountId,
          // Sage wants a plain date; formatISO gives the runner's local day (toISOString would give UTC's)
          // without the locale tables date-fns's `format` brings into the bundle.
          date: params.date ?? formatISO(new Date(), { representation: "date" }),
          total_amount: totalAmount,
          payment_method_id: params.paymentMethodId,
          reference: params.reference,
          allocated_artefacts: [{ artefact_id: params.invoiceId, amount: totalAmount }],
        }),
      };
      // Retried with the same idempotency_id (util/idempotency.ts): Sage never records the payment twice.
      const { data } = await client.post("/contact_payments", body, withIdempotencyKey(params.idempotencyKey));
      return { data };
    },
    examplePayload: kind.examplePayload,
    outputSchema: outputSchemaFor("ContactPayment", "record"),
    // A payment is allocated to the invoice: it writes to the books.
    performSafety: performSafetyFor("allocate"),
  });
