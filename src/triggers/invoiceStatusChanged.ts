import { pollingTrigger } from "@prismatic-io/spectral";
import { createSageClient, type HttpClient, segment } from "../client";
import { connection, invoiceType, statusFilter } from "../inputs/triggers";
import { latestVersions, readState, type SageChangeRecord, sortChanges } from "./changes";
import {
  type InvoiceKind,
  OPEN_STATUSES,
  openEntry,
  overdueChange,
  passes,
  readStatusState,
  sortStatusChanges,
  type StatusState,
} from "./invoiceStatuses";
import { readWindow, runStart, startingPoint, withData } from "./poller";

const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Where every open invoice stands now: the first poll's baseline (see invoiceStatuses.ts). */
const openInvoices = async (client: HttpClient, kind: InvoiceKind) => {
  const open: StatusState["open"] = {};
  for (const status of OPEN_STATUSES) {
    const { records } = await readWindow<SageChangeRecord>(client, kind.path, {
      status_id: status,
      attributes: "status,due_date",
    });
    for (const invoice of records) {
      const entry = openEntry(invoice);
      if (entry) open[invoice.id] = entry;
    }
  }
  return open;
};

/**
 * Invoice Status Changed: each sales or purchase invoice whose status moved since the last poll
 * (to PAID, PART_PAID, VOID ...) or that became overdue, with its previous and new status.
 */
export const invoiceStatusChanged = pollingTrigger({
  display: {
    label: "Invoice Status Changed",
    description:
      "Checks Sage on a schedule for sales or purchase invoices whose status changed (e.g. to PAID, PART_PAID or VOID) or that became overdue since the last poll, and delivers them as { changes } with the previous and the new status.",
  },
  inputs: { connection, invoiceType, statusFilter },
  perform: async (context, payload, { connection, invoiceType, statusFilter }) => {
    const client = createSageClient(connection, context.debug.enabled);
    const saved = context.polling.getState();
    const previous = readStatusState(saved, readState(saved));
    if (!previous) {
      // The first poll only notes where every open invoice stands; changes are counted from here.
      const { state } = startingPoint(undefined, undefined, payload);
      const baseline: StatusState = {
        ...state,
        open: await openInvoices(client, invoiceType),
        overdueFrom: utcDay(runStart(payload)),
      };
      context.polling.setState(baseline);
      return { payload: withData(payload, { changes: [] }), polledNoChanges: true };
    }

    const { records, cap, sageNow } = await readWindow<SageChangeRecord>(client, invoiceType.path, {
      updated_or_created_since: previous.mark,
      attributes: "all",
    });
    const { created, updated, state } = sortChanges(records, previous, cap);
    const current = latestVersions(records);
    const sorted = sortStatusChanges({ created, updated, current }, previous, utcDay(sageNow ?? runStart(payload)));
    const byId = new Map(current.map((invoice) => [invoice.id, invoice]));
    const overdue: SageChangeRecord[] = [];
    for (const id of sorted.overdue) {
      overdue.push(
        byId.get(id) ??
          (await client.get<SageChangeRecord>(`${invoiceType.path}/${segment(id)}`, { params: { attributes: "all" } }))
            .data,
      );
    }
    const next: StatusState = { ...state, open: sorted.open, overdueFrom: sorted.overdueFrom };
    context.polling.setState(next);

    const changes = [...sorted.changes, ...overdue.map(overdueChange)].filter((change) => passes(change, statusFilter));
    return { payload: withData(payload, { changes }), polledNoChanges: changes.length === 0 };
  },
});
