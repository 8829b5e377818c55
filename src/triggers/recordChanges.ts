import { type Connection, type PollingContext, pollingTrigger, type TriggerPayload } from "@prismatic-io/spectral";
import { createSageClient } from "../client";
import { connection, includeSystemContacts, showNewRecords, showUpdatedRecords, startFrom } from "../inputs/triggers";
import { type ChangesPayload, readState, type SageChangeRecord, sortChanges } from "./changes";
import { type PollableResource, pollableResource, readQuery } from "./pollableResources";
import { readWindow, startingPoint, withData } from "./poller";

export interface RecordChangesParams {
  connection: Connection;
  startFrom?: string;
  showNewRecords: boolean;
  showUpdatedRecords: boolean;
  includeSystemContacts?: boolean;
}

/**
 * One poll of New and Updated Records on `resource`: the records created and updated since the
 * previous poll (`updated_or_created_since`, full records, every page), split into created and
 * updated; see changes.ts for the rules.
 */
export const pollRecordChanges = async (
  context: PollingContext,
  payload: TriggerPayload,
  params: RecordChangesParams,
  resource: PollableResource,
) => {
  const start = startingPoint(readState(context.polling.getState()), params.startFrom, payload);
  if (start.first) {
    context.polling.setState(start.state);
    return { payload: withData(payload, { created: [], updated: [] }), polledNoChanges: true };
  }
  const client = createSageClient(params.connection, context.debug.enabled);
  const { records, cap } = await readWindow<SageChangeRecord>(client, resource.path, {
    updated_or_created_since: start.state.mark,
    ...readQuery(resource, params.includeSystemContacts ?? false),
  });
  const { created, updated, state } = sortChanges(records, start.state, cap);
  context.polling.setState(state);

  const data: ChangesPayload = {
    created: params.showNewRecords ? created : [],
    updated: params.showUpdatedRecords ? updated : [],
  };
  return { payload: withData(payload, data), polledNoChanges: data.created.length + data.updated.length === 0 };
};

interface RecordChangesSpec {
  label: string;
  description: string;
  /** A value of POLLABLE_RESOURCES. */
  resource: string;
}

/** A "New and Updated <resource>" trigger on one fixed resource (contacts, sales or purchase invoices). */
export const recordChangesTrigger = ({ label, description, resource }: RecordChangesSpec) => {
  const polled = pollableResource(resource);
  if (!polled) throw new Error(`${resource} is not in POLLABLE_RESOURCES`);
  const inputs = { connection, startFrom, showNewRecords, showUpdatedRecords };
  return pollingTrigger({
    display: { label, description },
    // System records are contacts only; the other resources have nothing to include.
    inputs: polled.excludeSystem ? { ...inputs, includeSystemContacts } : inputs,
    perform: (context, payload, params) => pollRecordChanges(context, payload, params, polled),
  });
};
