import { pollingTrigger } from "@prismatic-io/spectral";
import { createSageClient } from "../client";
import { connection, deletedResourceType, startFrom } from "../inputs/triggers";
import { readState, type SageDeletion, sortDeletions } from "./changes";
import { readWindow, startingPoint, withData } from "./poller";

/**
 * Deleted Records: what Sage lists with `deleted_since` (the deleted records' ids and deletion
 * times, as Sage gives them) since the previous poll, each once. Sage voids a sales invoice that
 * is not a draft instead of deleting it: a voided invoice is an update (status VOID), delivered
 * by New and Updated Records, not here.
 */
export const recordsDeleted = pollingTrigger({
  display: {
    label: "Deleted Records",
    description:
      "Checks Sage on a schedule for records of the chosen resource deleted since the last poll and delivers them as { deleted } (id and deleted_at). Voided invoices are updates, not deletions.",
  },
  inputs: { connection, resourceType: deletedResourceType, startFrom },
  perform: async (context, payload, { connection, resourceType, startFrom }) => {
    const start = startingPoint(readState(context.polling.getState()), startFrom, payload);
    if (start.first) {
      context.polling.setState(start.state);
      return { payload: withData(payload, { deleted: [] }), polledNoChanges: true };
    }
    const client = createSageClient(connection, context.debug.enabled);
    const { records, cap } = await readWindow<SageDeletion>(client, resourceType.path, {
      deleted_since: start.state.mark,
    });
    const { deleted, state } = sortDeletions(records, start.state, cap);
    context.polling.setState(state);
    return { payload: withData(payload, { deleted }), polledNoChanges: deleted.length === 0 };
  },
});
