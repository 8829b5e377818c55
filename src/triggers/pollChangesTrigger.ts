import { pollingTrigger, type TriggerPayload } from "@prismatic-io/spectral";
import { createSageClient, type HttpClient } from "../client";
import { connection, showNewRecords, showUpdatedRecords, startFrom } from "../inputs/triggers";
import type { AxiosResponse } from "axios";
import { pagesOf, type QueryParams } from "../util/pagination";
import { EXAMPLE_TRIGGER_PAYLOAD } from "./examplePayloads";
import {
  type ChangesPayload,
  type PollState,
  readState,
  type SageChangeRecord,
  sageTimestamp,
  settleCap,
  sortChanges,
} from "./changes";

/** A walk is read again at most this often when records shift between its pages. */
const MAX_WALKS = 3;

/**
 * Every record of `path` changed since `since` (inclusive), full records, all pages.
 *
 * Sage pages by offset. If records enter, leave or move in the result while we page through it,
 * the rest shifts by one: a record can then be read twice and, worse, another one skipped even
 * though it did not change. Such a walk shows itself by a `$total` that changed between the
 * first and last page or by an id on two pages; it is then read again and the walks are merged
 * (a change that happens without moving anything is covered by the mark; see changes.ts).
 */
const fetchChanges = async (
  client: HttpClient,
  path: string,
  since: string,
  onResponse: (response: AxiosResponse) => void,
  query: QueryParams = {},
): Promise<SageChangeRecord[]> => {
  const records: SageChangeRecord[] = [];
  for (let walk = 1; ; walk++) {
    const pageOfId = new Map<string, number>();
    const totals = new Set<number>();
    let pageNumber = 0;
    let shifted = false;
    for await (const page of pagesOf<SageChangeRecord>(
      client,
      path,
      { ...query, updated_or_created_since: since, attributes: "all" },
      onResponse,
    )) {
      pageNumber++;
      totals.add(page.$total);
      for (const record of page.$items ?? []) {
        const earlierPage = pageOfId.get(record.id);
        if (earlierPage !== undefined && earlierPage !== pageNumber) shifted = true;
        pageOfId.set(record.id, pageNumber);
        records.push(record);
      }
    }
    if ((!shifted && totals.size <= 1) || walk === MAX_WALKS) return records;
  }
};

/**
 * When the trigger runs for the first time without Start From there is no Sage record to take a
 * mark from yet, so the mark is the time the platform started this run (the trigger payload's
 * `startedAt`), once. Every later mark comes from Sage.
 */
const firstPollMark = (payload: TriggerPayload): string => {
  const started = typeof payload.startedAt === "string" ? Date.parse(payload.startedAt) : NaN;
  return sageTimestamp(Number.isNaN(started) ? Date.now() : started);
};

interface PollChangesSpec {
  label: string;
  description: string;
  /** Sage list path, e.g. "/contacts". */
  path: string;
  /** Query parameters every poll sends besides the window, e.g. `nested_attributes: "all"`. */
  query?: QueryParams;
  examplePayload: ChangesPayload;
}

const withData = (payload: TriggerPayload, data: ChangesPayload): TriggerPayload => ({ ...payload, body: { data } });

/** A polling trigger delivering the records of `path` created and updated since the previous poll. */
export const pollChangesTrigger = ({ label, description, path, query, examplePayload }: PollChangesSpec) =>
  pollingTrigger({
    display: { label, description },
    inputs: { connection, startFrom, showNewRecords, showUpdatedRecords },
    perform: async (context, payload, params) => {
      const previous = readState(context.polling.getState());
      if (!previous && !params.startFrom) {
        const state: PollState = { mark: firstPollMark(payload), seen: {} };
        context.polling.setState(state);
        return { payload: withData(payload, { created: [], updated: [] }), polledNoChanges: true };
      }

      const start: PollState = previous ?? { mark: String(params.startFrom), seen: {} };
      const client = createSageClient(params.connection, context.debug.enabled);
      // The first page's Date header is Sage's clock; see settleCap in changes.ts.
      let firstResponseDate: unknown;
      const records = await fetchChanges(
        client,
        path,
        start.mark,
        (response) => {
          firstResponseDate ??= response.headers?.date;
        },
        query,
      );
      const { created, updated, state } = sortChanges(records, start, settleCap(firstResponseDate));
      context.polling.setState(state);

      const data: ChangesPayload = {
        created: params.showNewRecords ? created : [],
        updated: params.showUpdatedRecords ? updated : [],
      };
      return { payload: withData(payload, data), polledNoChanges: data.created.length + data.updated.length === 0 };
    },
    examplePayload: { payload: withData(EXAMPLE_TRIGGER_PAYLOAD, examplePayload), polledNoChanges: false },
  });
