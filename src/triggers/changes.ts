/**
 * The bookkeeping of the "New and Updated ..." polling triggers, kept apart from the HTTP calls
 * so every rule can be tested on its own.
 *
 * Saved state (context.polling state, JSON):
 *   { mark: string, seen: { [id]: updated_at } }
 * - `mark` is the next poll's `updated_or_created_since`. After a poll that returned records it
 *   is a Sage timestamp: one of Sage's own `updated_at` values or (see `settleCap`) Sage's own
 *   clock, never this process's. Before that it is where the user asked to start (Start From)
 *   or, without Start From, the start of the very first run (see pollChangesTrigger.ts).
 * - `seen` holds the `updated_at` of every record already handled whose `updated_at` is at or
 *   after `mark`. `updated_or_created_since` is inclusive, so those records come back on the
 *   next poll; a record whose `updated_at` has not moved is skipped, one that changed again is
 *   delivered again. A different record carrying the same timestamp is not in `seen`, so it is
 *   delivered.
 */

/** The fields of a Sage record the trigger reads; the rest is delivered untouched. */
export interface SageChangeRecord {
  id: string;
  created_at?: string | null;
  updated_at?: string | null;
  [field: string]: unknown;
}

/** What each poll delivers in `body.data`. */
export interface ChangesPayload {
  created: SageChangeRecord[];
  updated: SageChangeRecord[];
}

// A type alias, not an interface: polling.setState() takes a Record, which needs the implicit index signature.
// eslint-disable-next-line @typescript-eslint/consistent-type-definitions
export type PollState = {
  mark: string;
  seen: Record<string, string>;
};

export interface Changes<T extends SageChangeRecord> {
  created: T[];
  updated: T[];
  state: PollState;
}

/**
 * How far behind Sage's clock (the `Date` header of the first page) the mark must stay.
 * Paging is by offset and Sage's order is unknown, so a record changed after its page was read
 * is not seen, while a record changed a moment later on a page read afterwards is: taking the
 * largest `updated_at` seen as the mark would then skip the first change for good. Every such
 * change is newer than the first page's snapshot, so a mark no later than Sage's time at that
 * request keeps it in the next poll's window. The margin also covers the request's own duration
 * and writes that Sage commits a little after stamping `updated_at`; records inside it come
 * back once and are skipped through `seen`. Without a usable `Date` header the mark is simply the
 * largest `updated_at` seen.
 */
export const SETTLE_MARGIN_MS = 60_000;

/** A timestamp as milliseconds since the epoch, or undefined when absent or not a date. */
export const instant = (value: unknown): number | undefined => {
  if (typeof value !== "string" || value.trim() === "") return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : time;
};

/** A time we compute ourselves, in Sage's format: whole seconds (rounded down, so never later), UTC. */
export const sageTimestamp = (ms: number): string =>
  new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");

/**
 * The saved state, or undefined when there is none (first poll) or it is not ours. The state of
 * Prismatic's own Sage trigger (`{ lastPolledAt }`, the time of its last poll) is taken as a mark,
 * so a flow moved to this component goes on from where it stopped.
 */
export const readState = (raw: Record<string, unknown> | undefined): PollState | undefined => {
  if (raw && typeof raw.mark !== "string" && typeof raw.lastPolledAt === "string" && instant(raw.lastPolledAt))
    return { mark: raw.lastPolledAt, seen: {} };
  if (!raw || typeof raw.mark !== "string" || instant(raw.mark) === undefined) return undefined;
  const seen: Record<string, string> = {};
  if (raw.seen && typeof raw.seen === "object" && !Array.isArray(raw.seen)) {
    for (const [id, updatedAt] of Object.entries(raw.seen)) {
      if (typeof updatedAt === "string") seen[id] = updatedAt;
    }
  }
  return { mark: raw.mark, seen };
};

/** The latest mark Sage's clock allows for this poll (see SETTLE_MARGIN_MS), from an HTTP `Date` header. */
export const settleCap = (sageDateHeader: unknown): number | undefined => {
  const time = instant(sageDateHeader);
  return time === undefined ? undefined : time - SETTLE_MARGIN_MS;
};

/** One entry per id, its latest version: a record that moved between pages can be read twice. */
export const latestVersions = <T extends SageChangeRecord>(records: T[]): T[] => {
  const byId = new Map<string, T>();
  for (const record of records) {
    const kept = byId.get(record.id);
    if (!kept || (instant(record.updated_at) ?? -Infinity) >= (instant(kept.updated_at) ?? -Infinity))
      byId.set(record.id, record);
  }
  return [...byId.values()];
};

/**
 * Split what Sage returned for `updated_or_created_since = previous.mark` into created and
 * updated records, and compute the next state.
 *
 * Created vs updated: a record is "created" when this trigger has never handled it before and
 * Sage created it inside the polled window: `created_at >= previous.mark` and its id is not in
 * `seen`. Every other record is "updated". Why this holds:
 * - a record created before the mark was visible to an earlier poll (or predates Start From),
 *   so it is an update now, even though it was never delivered;
 * - a record created at or after the mark that an earlier poll already handled has an
 *   `updated_at >= created_at >= mark`, so it is still in `seen`: an update, not a second
 *   creation (this is the boundary case `created_at == mark`);
 * - a record created and then edited between two polls is "created" (`created_at == updated_at`
 *   is the special case with no edit): the flow has never seen it;
 * - a record without `created_at` (not expected with attributes=all) counts as updated.
 * Records whose `updated_at` equals the one in `seen` were already handled and are dropped.
 *
 * The next mark is the largest `updated_at` returned, held back to `cap` (Sage's clock minus
 * SETTLE_MARGIN_MS) when given, and never earlier than the previous mark. Nothing here depends
 * on the order in which Sage listed the records.
 */
export const sortChanges = <T extends SageChangeRecord>(
  records: T[],
  previous: PollState,
  cap?: number,
): Changes<T> => {
  const since = instant(previous.mark) ?? -Infinity;
  const created: T[] = [];
  const updated: T[] = [];
  let newest: { time: number; text: string } | undefined;

  const current = latestVersions(records);
  for (const record of current) {
    const updatedAt = instant(record.updated_at);
    if (updatedAt !== undefined && (!newest || updatedAt > newest.time))
      newest = { time: updatedAt, text: String(record.updated_at) };
    const handledVersion = previous.seen[record.id];
    if (handledVersion !== undefined && handledVersion === record.updated_at) continue;
    const createdAt = instant(record.created_at);
    const isNew = handledVersion === undefined && createdAt !== undefined && createdAt >= since;
    (isNew ? created : updated).push(record);
  }

  let mark = previous.mark;
  if (newest && newest.time > since) {
    if (cap === undefined || newest.time <= cap) mark = newest.text;
    else if (cap > since) mark = sageTimestamp(cap);
  }

  const markTime = instant(mark) ?? since;
  const seen: Record<string, string> = {};
  for (const [id, updatedAt] of Object.entries(previous.seen)) {
    if ((instant(updatedAt) ?? -Infinity) >= markTime) seen[id] = updatedAt;
  }
  for (const record of current) {
    if ((instant(record.updated_at) ?? -Infinity) >= markTime) seen[record.id] = String(record.updated_at);
  }
  return { created, updated, state: { mark, seen } };
};

/** A deleted record as Sage lists it with `deleted_since`: its id and when it was deleted. */
export interface SageDeletion {
  id: string;
  deleted_at?: string | null;
  [field: string]: unknown;
}

export interface Deletions<T extends SageDeletion> {
  deleted: T[];
  state: PollState;
}

/**
 * What Sage returned for `deleted_since = previous.mark`, minus what was already delivered, and
 * the next state. `deleted_since` is exclusive, so a deletion stamped exactly at a mark would
 * never come back if the mark were the newest `deleted_at`: the next mark is one second before
 * it (Sage's timestamps are whole seconds), held back to `cap` like the change mark, and `seen`
 * keeps the `deleted_at` of every delivered record after the mark, so the ones that come back
 * are skipped. A deletion without a readable `deleted_at` is delivered and does not move the mark.
 */
export const sortDeletions = <T extends SageDeletion>(
  records: T[],
  previous: PollState,
  cap?: number,
): Deletions<T> => {
  const since = instant(previous.mark) ?? -Infinity;
  const byId = new Map(records.map((record) => [record.id, record]));
  const deleted = [...byId.values()].filter((record) => previous.seen[record.id] !== record.deleted_at);
  const newest = Math.max(-Infinity, ...[...byId.values()].map((record) => instant(record.deleted_at) ?? -Infinity));
  const top = Math.min(newest, cap ?? Infinity) - 1000;
  const mark = top > since ? sageTimestamp(top) : previous.mark;
  const markTime = instant(mark) ?? since;
  const seen: Record<string, string> = {};
  for (const [id, deletedAt] of [
    ...Object.entries(previous.seen),
    ...[...byId.values()].map((record) => [record.id, String(record.deleted_at)] as const),
  ]) {
    if ((instant(deletedAt) ?? -Infinity) > markTime) seen[id] = deletedAt;
  }
  return { deleted, state: { mark, seen } };
};
