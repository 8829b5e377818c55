import { action } from "@prismatic-io/spectral";
import { formatISO } from "date-fns";
import { createSageClient, segment } from "../client";
import { connection, idempotencyKey } from "../inputs/common";
import {
  allocationDate,
  creditId,
  creditType,
  CREDIT_TYPES,
  type CreditType,
  invoiceAllocations,
  type RefundLine,
  refundBankAccountId,
  refundLines,
  refundReference,
} from "../inputs/allocations";
import { paymentMethodId } from "../inputs/contactPayments";
import { documentId } from "../inputs/documents";
import { SageApiError } from "../util/errors";
import { withIdempotencyKey } from "../util/idempotency";
import { cents, sumOf } from "../util/money";
import { actionOutput, objectSchema, outputSchemaFor, performSafetyFor, recordSchema } from "../util/outputSchema";
import { allocationAmountsFor, type InvoiceAllocation, type PayableInvoice } from "../util/payments";
import { InputError } from "../util/validation";
import { contactAllocations, unallocatedArtefacts } from "./contactAllocations";
import { invoiceLineOf, type LineRecord } from "./documentActions";
import { actionsOf } from "./resource";

type SageClient = ReturnType<typeof createSageClient>;

/** Sage's two sides of the books: the invoices a credit of that side settles and how the allocation is typed. */
const SIDES = {
  sales: { invoices: "/sales_invoices", noun: "sales invoice", allocationType: "CUSTOMER_ALLOCATION" },
  purchase: { invoices: "/purchase_invoices", noun: "purchase invoice", allocationType: "VENDOR_ALLOCATION" },
} as const;
type Side = keyof typeof SIDES;

const today = () => formatISO(new Date(), { representation: "date" });
const READ_ALL = { params: { attributes: "all" } };

/** What can be allocated: the artefact Sage allocates, its contact, side and the amount left on it. */
interface Credit {
  artefactId: string;
  contactId: string;
  side: Side;
  available: number;
}

interface ContactPaymentRecord {
  id: string;
  displayed_as?: string;
  contact?: { id?: string } | null;
  transaction_type?: { id?: string } | null;
  total_amount?: number | string;
  payment_on_account?: (PayableInvoice & { total_amount?: number | string }) | null;
}

/**
 * Read the credit note, or the payment and its payment on account, refusing one that is void, a
 * draft, or has nothing left, before anything is written.
 */
const readCredit = async (client: SageClient, type: CreditType, id: string): Promise<Credit> => {
  const { path, side, label } = CREDIT_TYPES[type];
  if (type === "paymentOnAccount") {
    const { data: payment } = await client.get<ContactPaymentRecord>(`${path}/${segment(id)}`, READ_ALL);
    const onAccount = payment.payment_on_account;
    const paymentSide: Side | undefined =
      payment.transaction_type?.id === "CUSTOMER_RECEIPT"
        ? "sales"
        : payment.transaction_type?.id === "VENDOR_PAYMENT"
          ? "purchase"
          : undefined;
    if (!onAccount?.id || !paymentSide)
      throw new InputError("Credit Id", `a customer receipt or supplier payment with money on account`, id);
    const available = Number(onAccount.outstanding_amount ?? onAccount.total_amount);
    return creditOf(
      id,
      onAccount.id,
      payment.contact?.id,
      paymentSide,
      available,
      `payment on account ${payment.displayed_as ?? id}`,
    );
  }
  const { data: note } = await client.get<PayableInvoice>(`${path}/${segment(id)}`, READ_ALL);
  const name = `${label.toLowerCase()} ${note.displayed_as ?? id}`;
  if (note.status?.id === "VOID" || note.status?.id === "DRAFT")
    throw new InputError(
      "Credit Id",
      `a credit note that is neither void nor a draft; ${name} is ${note.status.id.toLowerCase()}`,
    );
  return creditOf(id, id, note.contact?.id, side!, Number(note.outstanding_amount), name);
};

const creditOf = (
  id: string,
  artefactId: string,
  contactId: string | undefined,
  side: Side,
  available: number,
  name: string,
): Credit => {
  if (!contactId) throw new InputError("Credit Id", `a credit with a contact; ${name} has none`, id);
  if (!Number.isFinite(available))
    throw new InputError("Credit Id", `a credit whose outstanding amount Sage returns; ${name} has none`, id);
  if (cents(available) <= 0)
    throw new InputError("Credit Id", `a credit with something left to allocate; ${name} is fully allocated`, id);
  return { artefactId, contactId, side, available };
};

/** Read every invoice, then the amounts for each (checked against what each owes and what the credit has left). */
const plannedAllocation = async (client: SageClient, credit: Credit, wanted: InvoiceAllocation[], label: string) => {
  const side = SIDES[credit.side];
  const invoices: PayableInvoice[] = [];
  for (const { invoiceId } of wanted) {
    const { data } = await client.get<PayableInvoice>(`${side.invoices}/${segment(invoiceId)}`, READ_ALL);
    invoices.push({ ...data, id: data.id ?? invoiceId });
  }
  const amounts = allocationAmountsFor(invoices, wanted, {
    contactId: credit.contactId,
    label,
    noun: side.noun,
    available: credit.available,
  });
  return wanted.map(({ invoiceId }, index) => ({ artefact_id: invoiceId, amount: amounts[index] }));
};

/**
 * Sage's contact allocation body: the invoices positive, the credit negative by their sum (the
 * sign convention of Sage's allocation guide: the amounts of one allocation add up to zero).
 */
const allocationBody = (
  credit: Pick<Credit, "artefactId" | "contactId" | "side">,
  invoices: { artefact_id: string; amount: number }[],
  date: string,
) => ({
  contact_allocation: {
    transaction_type_id: SIDES[credit.side].allocationType,
    contact_id: credit.contactId,
    date,
    allocated_artefacts: [
      ...invoices,
      { artefact_id: credit.artefactId, amount: -sumOf(invoices.map((invoice) => invoice.amount)) },
    ],
  },
});

export const applyCreditToInvoices = action({
  display: {
    label: "Apply Credit Note or Payment on Account to Invoices",
    description:
      "Apply a credit note or a payment on account to one or more invoices of its contact (a Sage contact allocation), after checking every amount against what is outstanding.",
  },
  inputs: { connection, creditType, creditId, invoiceAllocations, date: allocationDate, idempotencyKey },
  perform: async (context, params) => {
    const client = createSageClient(params.connection, context.debug.enabled);
    const source = await readCredit(client, params.creditType, params.creditId);
    const invoices = await plannedAllocation(client, source, params.invoiceAllocations!, "Invoice Allocations");
    const { data } = await client.post(
      contactAllocations.path,
      allocationBody(source, invoices, params.date ?? today()),
      withIdempotencyKey(params.idempotencyKey),
    );
    return { data };
  },
  outputSchema: outputSchemaFor("ContactAllocation", "record"),
  performSafety: performSafetyFor("allocate"),
});

// ------------------------------------------------------------------------------------------------
// Refund a Sales Invoice

interface SalesInvoiceRecord extends PayableInvoice {
  date?: string;
  invoice_lines?: (LineRecord & { id?: string; quantity?: number | string; discount_amount?: number | string })[];
}

/** The credit note lines of a refund: the chosen invoice lines, whole or for part of their quantity. */
const creditLinesOf = (invoice: SalesInvoiceRecord, chosen: RefundLine[] | undefined) => {
  const lines = invoice.invoice_lines ?? [];
  const picks: RefundLine[] = chosen ?? lines.map((_, index) => ({ line: index + 1 }));
  if (!picks.length) throw new InputError("Lines to Refund", "at least one line");
  return picks.map(({ line, quantity }) => {
    const found = typeof line === "number" ? lines[line - 1] : lines.find((candidate) => candidate.id === line);
    if (!found)
      throw new InputError("Lines to Refund", `a line of ${invoice.displayed_as} (it has ${lines.length} lines)`, line);
    const credited = invoiceLineOf(found);
    const full = Number(found.quantity ?? 1);
    if (quantity === undefined || quantity === full) return credited;
    if (quantity > full)
      throw new InputError("Lines to Refund", `at most the line's quantity, ${full}`, { line, quantity });
    // Part of a line: Sage works out its net, tax and total from the quantity; a discount is shared out.
    const { tax_amount, net_amount, total_amount, discount_amount, ...rest } = credited;
    const discount = Number(discount_amount ?? 0);
    return {
      ...rest,
      quantity,
      ...(discount ? { discount_amount: Math.round((discount * quantity * 100) / full) / 100 } : {}),
    };
  });
};

/** Idempotency Keys of the refund's steps, derived from the action's key, so a retried run writes nothing twice. */
const stepKey = (key: string | undefined, step: string) => (key ? `${key} refund ${step}` : undefined);

/** A failure after earlier steps wrote records: the error names them, so nothing is lost. */
const withWritten = (error: unknown, written: string[]): unknown => {
  if (!written.length) return error;
  const note = ` Already written: ${written.join("; ")}. Running the step again with the same Idempotency Key finishes the refund without writing them again.`;
  if (error instanceof SageApiError)
    return new SageApiError(
      `${error.message}${note}`,
      error.status,
      error.method,
      error.path,
      error.sageErrors,
      error.earlierTryMayHaveBeenProcessed,
    );
  return new Error(`${error instanceof Error ? error.message : String(error)}${note}`, { cause: error });
};

interface Created {
  id: string;
  displayed_as?: string;
  total_amount?: number | string;
  outstanding_amount?: number | string;
}

export const refundSalesInvoice = action({
  display: {
    label: "Refund a Sales Invoice",
    description:
      "Refund all or some lines of a sales invoice in one step: create a sales credit note, apply it to the invoice as far as the invoice is still owed, and optionally record the customer refund out of a bank account.",
  },
  inputs: {
    connection,
    salesInvoiceId: documentId("Sales Invoice", "selectSalesInvoice"),
    lines: refundLines,
    date: allocationDate,
    reference: refundReference,
    bankAccountId: refundBankAccountId,
    paymentMethodId,
    idempotencyKey,
  },
  perform: async (context, params) => {
    const client = createSageClient(params.connection, context.debug.enabled);
    const { data: invoice } = await client.get<SalesInvoiceRecord>(
      `${SIDES.sales.invoices}/${segment(params.salesInvoiceId)}`,
      READ_ALL,
    );
    const name = `sales invoice ${invoice.displayed_as ?? params.salesInvoiceId}`;
    if (invoice.status?.id === "VOID" || invoice.status?.id === "DRAFT")
      throw new InputError(
        "Sales Invoice Id",
        `an invoice that is neither void nor a draft; ${name} is ${invoice.status.id.toLowerCase()}`,
      );
    const contactId = invoice.contact?.id;
    if (!contactId) throw new InputError("Sales Invoice Id", `an invoice with a contact; ${name} has none`);
    const date = params.date ?? today();
    const reference = params.reference ?? `Refund of ${invoice.displayed_as ?? params.salesInvoiceId}`;
    const creditLines = creditLinesOf(invoice, params.lines);

    const written: string[] = [];
    let creditNote: Created | undefined;
    let allocation: Created | null = null;
    let refund: Created | null = null;
    try {
      ({ data: creditNote } = await client.post<Created>(
        "/sales_credit_notes",
        { sales_credit_note: { contact_id: contactId, date, reference, credit_note_lines: creditLines } },
        withIdempotencyKey(stepKey(params.idempotencyKey, "credit note")),
      ));
      written.push(`sales credit note ${creditNote.displayed_as ?? ""} (id ${creditNote.id})`);
      // A retried run gets the first answer for the credit note; what is left on it now says
      // whether the earlier run already applied it (the allocation comes before any refund).
      const { data: current } = await client.get<Created>(`/sales_credit_notes/${segment(creditNote.id)}`, READ_ALL);
      const total = Number(current.total_amount ?? creditNote.total_amount);
      const left = Number(current.outstanding_amount ?? total);
      if (!Number.isFinite(total) || !Number.isFinite(left))
        throw new Error(
          `Sage did not return the amounts of sales credit note ${creditNote.displayed_as ?? creditNote.id}.`,
        );
      const alreadyApplied = cents(left) < cents(total);
      const owed = Number(invoice.outstanding_amount ?? 0);
      const applied = alreadyApplied ? sumOf([total, -left]) : Math.min(owed, total);
      if (cents(applied) > 0) {
        ({ data: allocation } = await client.post<Created>(
          contactAllocations.path,
          allocationBody(
            { artefactId: creditNote.id, contactId, side: "sales" },
            [{ artefact_id: params.salesInvoiceId, amount: applied }],
            date,
          ),
          withIdempotencyKey(stepKey(params.idempotencyKey, "allocation")),
        ));
        written.push(`contact allocation (id ${allocation.id})`);
      }
      const toRefund = alreadyApplied ? left : sumOf([total, -applied]);
      if (params.bankAccountId && cents(toRefund) > 0) {
        ({ data: refund } = await client.post<Created>(
          "/contact_payments",
          {
            contact_payment: {
              transaction_type_id: "CUSTOMER_REFUND",
              contact_id: contactId,
              bank_account_id: params.bankAccountId,
              date,
              total_amount: toRefund,
              reference,
              ...(params.paymentMethodId ? { payment_method_id: params.paymentMethodId } : {}),
              allocated_artefacts: [{ artefact_id: creditNote.id, amount: toRefund }],
            },
          },
          withIdempotencyKey(stepKey(params.idempotencyKey, "payment")),
        ));
      }
    } catch (error) {
      throw withWritten(error, written);
    }
    // Only the steps that ran: no allocation on an invoice with nothing owed, no refund without a bank account.
    return {
      data: {
        salesCreditNote: creditNote,
        ...(allocation ? { contactAllocation: allocation } : {}),
        ...(refund ? { refundPayment: refund } : {}),
      },
    };
  },
  outputSchema: actionOutput(() =>
    objectSchema(
      { salesCreditNote: recordSchema("SalesCreditNote") },
      { contactAllocation: recordSchema("ContactAllocation"), refundPayment: recordSchema("ContactPayment") },
    ),
  ),
  performSafety: performSafetyFor("create"),
});

/** Every allocation action, keyed by its public key: the composite ones and the declared resources' get, list, delete. */
export const allocationActions = {
  applyCreditToInvoices,
  refundSalesInvoice,
  ...actionsOf(contactAllocations),
  ...actionsOf(unallocatedArtefacts),
};
