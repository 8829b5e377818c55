import type { TriggerPayload } from "@prismatic-io/spectral";
import type { HttpClient } from "../client";
import { pagesOf, type QueryParams } from "../util/pagination";
import { InputError } from "../util/validation";
import { instant, type PollState, sageTimestamp, settleCap } from "./changes";

/**
 * The generic poller behind every trigger: read one window of a Sage list (every page, read again
 * if it shifted), note Sage's clock, and decide where a poll starts. What a window's records mean
 * (created/updated, deleted, status moved) is each trigger's; the bookkeeping is in changes.ts.
 */

/** A walk is read again at most this often when records shift between its pages. */
const MAX_WALKS = 3;

export interface Window<T> {
  records: T[];
  /** The latest mark Sage's clock allows for this poll (settleCap of the first page's Date header). */
  cap?: number;
  /** Sage's clock at the first page (its Date header), in ms. */
  sageNow?: number;
}

/**
 * Every record of `path` matching `query` (a window: `updated_or_created_since` or
 * `deleted_since`), all pages.
 *
 * Sage pages by offset. If records enter, leave or move in the result while we page through it,
 * the rest shifts by one: a record can then be read twice and, worse, another one skipped even
 * though it did not change. Such a walk shows itself by a `$total` that changed between the
 * first and last page or by an id on two pages; it is then read again and the walks are merged
 * (a change that happens without moving anything is covered by the mark; see changes.ts).
 */
export const readWindow = async <T extends { id: string }>(
  client: HttpClient,
  path: string,
  query: QueryParams,
): Promise<Window<T>> => {
  const records: T[] = [];
  // The first page's Date header is Sage's clock; see settleCap in changes.ts.
  let firstResponseDate: unknown;
  for (let walk = 1; ; walk++) {
    const pageOfId = new Map<string, number>();
    const totals = new Set<number>();
    let pageNumber = 0;
    let shifted = false;
    for await (const page of pagesOf<T>(client, path, query, (response) => {
      firstResponseDate ??= response.headers?.date;
    })) {
      pageNumber++;
      totals.add(page.$total);
      for (const record of page.$items ?? []) {
        const earlierPage = pageOfId.get(record.id);
        if (earlierPage !== undefined && earlierPage !== pageNumber) shifted = true;
        pageOfId.set(record.id, pageNumber);
        records.push(record);
      }
    }
    if ((!shifted && totals.size <= 1) || walk === MAX_WALKS)
      return { records, cap: settleCap(firstResponseDate), sageNow: instant(firstResponseDate) };
  }
};

/** When the platform started this run (the trigger payload's `startedAt`), in ms. */
export const runStart = (payload: TriggerPayload): number => {
  const started = typeof payload.startedAt === "string" ? Date.parse(payload.startedAt) : NaN;
  return Number.isNaN(started) ? Date.now() : started;
};

/**
 * Where a poll starts. With a saved state, from there. Otherwise from Start From, which may not
 * lie in the future (every poll would then find nothing, for ever, without saying why). Without
 * either, this first run only marks its own start (`first`): there is no Sage record to take a
 * mark from yet, so the mark is the time the platform started this run, once; every later mark
 * comes from Sage.
 */
export const startingPoint = (
  saved: PollState | undefined,
  startFrom: string | undefined,
  payload: TriggerPayload,
): { state: PollState; first: boolean } => {
  if (saved) return { state: saved, first: false };
  const started = runStart(payload);
  if (startFrom === undefined) return { state: { mark: sageTimestamp(started), seen: {} }, first: true };
  if (Date.parse(startFrom) > started)
    throw new InputError(
      "Start From",
      `a date-time that is not in the future (this run started at ${sageTimestamp(started)})`,
      startFrom,
    );
  return { state: { mark: startFrom, seen: {} }, first: false };
};

/** The trigger payload with what a poll delivers in `body.data`. */
export const withData = <T>(payload: TriggerPayload, data: T): TriggerPayload => ({ ...payload, body: { data } });
