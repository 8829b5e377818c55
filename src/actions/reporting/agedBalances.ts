import { action, input } from "@prismatic-io/spectral";
import { differenceInCalendarDays, formatISO, parseISO } from "date-fns";
import { createSageClient } from "../../client";
import { connection } from "../../inputs/common";
import { actionOutput, NUMBER, objectSchema, performSafetyFor, STRING } from "../../util/outputSchema";
import { cents } from "../../util/money";
import { fetchAllPages } from "../../util/pagination";
import { optionalDate } from "../../util/validation";

/**
 * Aged Debtors / Aged Creditors: Sage's API has no aged report, so it is built from the
 * outstanding invoices and credit notes (every page, through the one pagination helper), aged by
 * whole calendar days past the due date (a credit note, which has none, by its date) as of a day.
 * Credit notes count negative. Amounts are added up in integer cents.
 */

export interface OutstandingDocument {
  id: string;
  displayed_as?: string;
  date?: string;
  due_date?: string | null;
  outstanding_amount?: number | null;
  status?: { id?: string } | null;
  contact?: { id: string; displayed_as?: string } | null;
}

export const BUCKETS = ["current", "days1To30", "days31To60", "days61To90", "over90"] as const;
type Bucket = (typeof BUCKETS)[number];
type Amounts = Record<Bucket | "total", number>;

/** The bucket of a document `days` calendar days past due: not yet due (or due today) is current. */
export const bucketOf = (days: number): Bucket =>
  days <= 0 ? "current" : days <= 30 ? "days1To30" : days <= 60 ? "days31To60" : days <= 90 ? "days61To90" : "over90";

const zero = (): Amounts => ({ current: 0, days1To30: 0, days31To60: 0, days61To90: 0, over90: 0, total: 0 });
const inMoney = (amounts: Amounts): Amounts =>
  Object.fromEntries(Object.entries(amounts).map(([key, value]) => [key, value / 100])) as Amounts;

/** The fields of an invoice or credit note that aging reads. */
const OUTSTANDING_ATTRIBUTES = "date,due_date,outstanding_amount,status,contact";

const outstandingCents = (doc: OutstandingDocument) => cents(Number(doc.outstanding_amount) || 0);

/** Whether a document still counts: released, not void, something outstanding, dated by the as-of day. */
const isOpen = (doc: OutstandingDocument, asOf: string) =>
  !["DRAFT", "VOID", "PAID"].includes(doc.status?.id ?? "") &&
  outstandingCents(doc) !== 0 &&
  (!doc.date || doc.date <= asOf);

/**
 * The aged balances of invoices (positive) and credit notes (negative) as of a date (YYYY-MM-DD):
 * per contact (by name) and overall. Days are counted between calendar dates parsed from their
 * ISO text, so the result does not depend on the machine's time zone.
 */
export const agedBalancesOf = (invoices: OutstandingDocument[], creditNotes: OutstandingDocument[], asOf: string) => {
  const asOfDay = parseISO(asOf);
  const contacts = new Map<
    string,
    { contact: { id: string; displayedAs: string | null }; cents: Amounts; documents: unknown[] }
  >();
  const overall = zero();
  const add = (doc: OutstandingDocument, sign: 1 | -1, kind: "invoice" | "creditNote") => {
    if (!isOpen(doc, asOf)) return;
    const ageFrom = (kind === "invoice" && doc.due_date) || doc.date || asOf;
    const daysOverdue = differenceInCalendarDays(asOfDay, parseISO(ageFrom));
    const bucket = bucketOf(daysOverdue);
    const amount = sign * outstandingCents(doc);
    const key = doc.contact?.id ?? "";
    let entry = contacts.get(key);
    if (!entry) {
      entry = { contact: { id: key, displayedAs: doc.contact?.displayed_as ?? null }, cents: zero(), documents: [] };
      contacts.set(key, entry);
    }
    for (const totals of [entry.cents, overall]) {
      totals[bucket] += amount;
      totals.total += amount;
    }
    entry.documents.push({
      id: doc.id,
      kind,
      displayedAs: doc.displayed_as ?? null,
      date: doc.date ?? null,
      dueDate: doc.due_date ?? null,
      daysOverdue,
      bucket,
      outstanding: amount / 100,
    });
  };
  for (const doc of invoices) add(doc, 1, "invoice");
  for (const doc of creditNotes) add(doc, -1, "creditNote");
  return {
    asOf,
    contacts: [...contacts.values()]
      .map(({ cents, ...entry }) => ({ ...entry, ...inMoney(cents) }))
      .sort(
        (a, b) =>
          (a.contact.displayedAs ?? "").localeCompare(b.contact.displayedAs ?? "") ||
          a.contact.id.localeCompare(b.contact.id),
      ),
    totals: inMoney(overall),
  };
};

/** Each bucket and the total (built with the output schema, when it is first read). */
const amountsSchema = () => Object.fromEntries([...BUCKETS, "total"].map((key) => [key, NUMBER]));

const agedAction = (side: { label: string; description: string; invoices: string; creditNotes: string }) =>
  action({
    display: { label: side.label, description: side.description },
    inputs: {
      connection,
      asOfDate: input({
        label: "As Of Date",
        type: "string",
        required: false,
        comments:
          "The day to age the balances at (YYYY-MM-DD); blank for today. Documents dated after it are left out; amounts are what is outstanding now.",
        example: "2026-01-31",
        placeholder: "YYYY-MM-DD",
        clean: optionalDate("As Of Date"),
      }),
    },
    perform: async (context, { connection, asOfDate }) => {
      const asOf = asOfDate ?? formatISO(new Date(), { representation: "date" });
      const client = createSageClient(connection, context.debug.enabled);
      // Only what the answer uses (id, displayed_as and $path come with every record): a business's
      // whole history of documents, line items included, would otherwise come down to be thrown away.
      const query = { to_date: asOf, attributes: OUTSTANDING_ATTRIBUTES };
      const [invoices, creditNotes] = await Promise.all([
        fetchAllPages<OutstandingDocument>(client, side.invoices, query),
        fetchAllPages<OutstandingDocument>(client, side.creditNotes, query),
      ]);
      return { data: agedBalancesOf(invoices.$items, creditNotes.$items, asOf) };
    },
    outputSchema: actionOutput(() =>
      objectSchema({
        asOf: STRING,
        contacts: {
          type: "array",
          items: objectSchema({
            contact: objectSchema({ id: STRING }, { displayedAs: { type: ["string", "null"] } }),
            ...amountsSchema(),
            documents: { type: "array", items: { type: "object" } },
          }),
        },
        totals: objectSchema(amountsSchema()),
      }),
    ),
    performSafety: performSafetyFor("get"),
  });

export const getAgedDebtors = agedAction({
  label: "Get Aged Debtors",
  description:
    "Get what each customer owes as of a date, from outstanding sales invoices less credit notes, in buckets of days overdue (current, 1–30, 31–60, 61–90, over 90).",
  invoices: "/sales_invoices",
  creditNotes: "/sales_credit_notes",
});

export const getAgedCreditors = agedAction({
  label: "Get Aged Creditors",
  description:
    "Get what is owed to each supplier as of a date, from outstanding purchase invoices less credit notes, in buckets of days overdue (current, 1–30, 31–60, 61–90, over 90).",
  invoices: "/purchase_invoices",
  creditNotes: "/purchase_credit_notes",
});
