/**
 * The bookkeeping of Invoice Status Changed, apart from HTTP so each rule is tested on its own.
 *
 * Saved state (JSON): { mark, seen, open: { [id]: [status, due_date] }, overdueFrom: "YYYY-MM-DD" }
 * - `mark` and `seen` are the New and Updated Records window (changes.ts): every invoice whose
 *   status moved was updated in Sage, so it is in the window.
 * - `open` holds the status and due date of the invoices whose status can still move by itself
 *   (every status but PAID and VOID), and nothing else: that is the bound of the state, one entry
 *   per open invoice of the business, never the whole ledger. Paid and void invoices leave it.
 * - An updated invoice that is not in `open` was PAID or VOID when last seen (the first poll reads
 *   every open invoice, and later ones track each change); a void invoice never changes again, so
 *   it was PAID. Its previous status is therefore PAID.
 * - A new invoice (created in the window and not tracked) starts as DRAFT or UNPAID: that is not
 *   a change. One that already moved before this trigger first saw it (paid or voided between two
 *   polls) is delivered with `previous_status: null`. A tracked invoice is compared with its entry.
 * - Overdue: an open invoice becomes overdue the day after its due date (UTC days by Sage's clock;
 *   Sage does not stamp the moment, and nothing about the invoice changes). Each poll on a later
 *   day than `overdueFrom` delivers the open UNPAID/PART_PAID invoices due on a day from
 *   `overdueFrom` to yesterday, once.
 */
import type { PollState, SageChangeRecord } from "./changes";

export interface InvoiceKind {
  value: "salesInvoices" | "purchaseInvoices";
  label: string;
  path: string;
}

export const INVOICE_KINDS: readonly InvoiceKind[] = [
  { value: "salesInvoices", label: "Sales Invoices", path: "/sales_invoices" },
  { value: "purchaseInvoices", label: "Purchase Invoices", path: "/purchase_invoices" },
];

/** Statuses an invoice does not leave by itself (PAID only through a deleted payment). */
const CLOSED_STATUSES = ["PAID", "VOID"];
/** Statuses a new invoice is created with. */
const INITIAL_STATUSES = ["DRAFT", "UNPAID"];
/** Open statuses with money outstanding: these become overdue. */
const DUE_STATUSES = ["UNPAID", "PART_PAID"];
/** Open statuses the first poll reads, to know where each open invoice stands. */
export const OPEN_STATUSES = ["DRAFT", "UNPAID", "PART_PAID"];
/** What Only These Statuses accepts: Sage's artefact statuses, and OVERDUE for "became overdue". */
export const STATUS_CHANGE_VALUES = ["DRAFT", "UNPAID", "PART_PAID", "PAID", "VOID", "OVERDUE"];

// A type alias, not an interface: polling.setState() takes a Record, which needs the implicit index signature.
export type StatusState = PollState & {
  open: Record<string, [string, string | null]>;
  overdueFrom: string;
};

/** One delivered event: an invoice whose status moved, or that became overdue. */
export interface StatusChange {
  id: string;
  displayed_as: unknown;
  previous_status: string | null;
  status: string;
  became_overdue: boolean;
  invoice: SageChangeRecord;
}

export const statusOf = (invoice: SageChangeRecord): string =>
  String((invoice.status as { id?: unknown } | null | undefined)?.id ?? "");

const dueDateOf = (invoice: SageChangeRecord): string | null =>
  typeof invoice.due_date === "string" ? invoice.due_date : null;

/** The open-invoice entry of an invoice, or undefined when it is paid or void. */
export const openEntry = (invoice: SageChangeRecord): [string, string | null] | undefined =>
  CLOSED_STATUSES.includes(statusOf(invoice)) ? undefined : [statusOf(invoice), dueDateOf(invoice)];

export const readStatusState = (raw: Record<string, unknown> | undefined, window: PollState | undefined) => {
  if (!window || !raw || typeof raw.overdueFrom !== "string" || !raw.open || typeof raw.open !== "object")
    return undefined;
  const open: StatusState["open"] = {};
  for (const [id, entry] of Object.entries(raw.open as Record<string, unknown>)) {
    if (Array.isArray(entry) && typeof entry[0] === "string") open[id] = [entry[0], entry[1] ?? null];
  }
  return { ...window, open, overdueFrom: raw.overdueFrom };
};

/**
 * The status changes among a window's created and updated invoices, the open invoices that
 * became overdue by `today`, and the next `open` map and `overdueFrom`.
 * `current` is every invoice the window returned (latest versions), delivered or not.
 */
export const sortStatusChanges = (
  window: { created: SageChangeRecord[]; updated: SageChangeRecord[]; current: SageChangeRecord[] },
  previous: StatusState,
  today: string,
) => {
  const changes: StatusChange[] = [];
  const change = (invoice: SageChangeRecord, previousStatus: string | null) =>
    changes.push({
      id: invoice.id,
      displayed_as: invoice.displayed_as,
      previous_status: previousStatus,
      status: statusOf(invoice),
      became_overdue: false,
      invoice,
    });
  const isNew = new Set(window.created.map(({ id }) => id));
  for (const invoice of [...window.created, ...window.updated]) {
    const tracked = previous.open[invoice.id]?.[0];
    if (tracked === undefined && isNew.has(invoice.id)) {
      if (!INITIAL_STATUSES.includes(statusOf(invoice))) change(invoice, null);
    } else {
      const before = tracked ?? "PAID";
      if (before !== statusOf(invoice)) change(invoice, before);
    }
  }

  const open = { ...previous.open };
  for (const invoice of window.current) {
    const entry = openEntry(invoice);
    if (entry) open[invoice.id] = entry;
    else delete open[invoice.id];
  }

  const overdue: string[] = [];
  if (today > previous.overdueFrom) {
    for (const [id, [status, dueDate]] of Object.entries(open)) {
      if (DUE_STATUSES.includes(status) && dueDate && dueDate >= previous.overdueFrom && dueDate < today)
        overdue.push(id);
    }
  }
  return { changes, overdue, open, overdueFrom: today > previous.overdueFrom ? today : previous.overdueFrom };
};

/** The event of an invoice that became overdue. */
export const overdueChange = (invoice: SageChangeRecord): StatusChange => ({
  id: invoice.id,
  displayed_as: invoice.displayed_as,
  previous_status: statusOf(invoice),
  status: statusOf(invoice),
  became_overdue: true,
  invoice,
});

/** Whether Only These Statuses lets a change through. */
export const passes = (change: StatusChange, only: string[] | undefined): boolean =>
  !only || only.includes(change.became_overdue ? "OVERDUE" : change.status);
