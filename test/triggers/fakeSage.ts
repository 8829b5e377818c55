import { BASE_PATH, harness, sageApi, testConnection } from "../helpers";

export interface FakeRecord {
  id: string;
  name: string;
  displayed_as: string;
  created_at: string;
  updated_at: string;
  version: number;
}

/** Sage prints second-precision UTC timestamps. */
export const sageTime = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

type Order = "name" | "updated_at asc" | "updated_at desc";

/**
 * A tiny in-memory Sage list endpoint: filters by `updated_or_created_since` (inclusive), pages
 * by offset with `items_per_page`/`page`, and answers with the envelope and a `Date` header from
 * its own clock. `beforePage` runs before a page is served, to change data between page fetches.
 */
export class FakeSage {
  records: FakeRecord[] = [];
  /** Sage's clock, in ms. */
  now = Date.parse("2026-02-01T09:00:00Z");
  order: Order = "name";
  requests: Record<string, string>[] = [];
  beforePage?: (page: number) => void;
  /** Answer the next request with this HTTP status and a Sage error. */
  failNextWith?: number;

  constructor(readonly path: string) {}

  advance(seconds: number) {
    this.now += seconds * 1000;
    return this;
  }

  create(id: string, name = id) {
    this.now += 1000;
    const at = sageTime(this.now);
    this.records.push({ id, name, displayed_as: name, created_at: at, updated_at: at, version: 1 });
    return this.get(id);
  }

  update(id: string, at = sageTime((this.now += 1000))) {
    const record = this.get(id);
    record.updated_at = at;
    record.version++;
    return record;
  }

  remove(id: string) {
    this.records = this.records.filter((record) => record.id !== id);
  }

  get(id: string) {
    const record = this.records.find((candidate) => candidate.id === id);
    if (!record) throw new Error(`no record ${id}`);
    return record;
  }

  /** Answer every GET on the path until nock is cleaned. */
  serve() {
    sageApi()
      .persist()
      .get(`${BASE_PATH}${this.path}`)
      .query(true)
      .reply((uri) => {
        const query = Object.fromEntries(new URL(uri, "https://x").searchParams);
        this.requests.push(query);
        if (this.failNextWith) {
          const status = this.failNextWith;
          this.failNextWith = undefined;
          return [status, [{ $severity: "error", $dataCode: "RecordInvalid", $message: "Something broke" }]];
        }
        const page = Number(query.page ?? 1);
        const size = Number(query.items_per_page ?? 20);
        this.beforePage?.(page);
        const since = query.updated_or_created_since ? Date.parse(query.updated_or_created_since) : -Infinity;
        const matching = this.records
          .filter((record) => Date.parse(record.updated_at) >= since)
          .sort((a, b) =>
            this.order === "name"
              ? a.name.localeCompare(b.name)
              : (Date.parse(a.updated_at) - Date.parse(b.updated_at)) * (this.order === "updated_at asc" ? 1 : -1) ||
                a.name.localeCompare(b.name),
          );
        const items = matching
          .slice((page - 1) * size, page * size)
          .map((record) => ({ ...record, $path: `${this.path}/${record.id}` }));
        const body = {
          $total: matching.length,
          $page: page,
          $next: page * size < matching.length ? `${this.path}?page=${page + 1}` : null,
          $back: page > 1 ? `${this.path}?page=${page - 1}` : null,
          $itemsPerPage: size,
          $items: items,
        };
        return [200, body, { Date: new Date(this.now).toUTCString() }];
      });
    return this;
  }
}

interface Delivered {
  id: string;
  version: number;
}

/** A flow using one trigger: polls share the instance state, as consecutive runs of a deployed instance do. */
export const flowWith = (key: string, inputs: Record<string, unknown> = {}, savedState?: Record<string, unknown>) => {
  // Where Spectral's harness keeps context.polling's state; `savedState` stands for a state an earlier run saved.
  const instanceState: Record<string, unknown> = savedState ? { __prismaticInternal: { polling: savedState } } : {};
  const poll = async (sage?: FakeSage, extra: Record<string, unknown> = {}) => {
    // The platform stamps each run; Sage's clock stands in for it.
    const startedAt = new Date(sage?.now ?? Date.parse("2026-02-01T09:00:00Z")).toISOString();
    const result = (await harness.trigger(
      key,
      { startedAt },
      { connection: testConnection(), ...inputs, ...extra },
      { instanceState },
    )) as unknown as {
      payload: { body: { data: { created: Delivered[]; updated: Delivered[] } }; startedAt: string };
      resultType: string;
    };
    const label = (records: Delivered[]) => records.map(({ id, version }) => `${id}@${version}`).sort();
    const { created, updated } = result.payload.body.data;
    return {
      created: label(created),
      updated: label(updated),
      noChanges: result.resultType === "polled_no_changes",
      result,
    };
  };
  const state = () =>
    (instanceState.__prismaticInternal as { polling?: { mark: string; seen: Record<string, string> } } | undefined)
      ?.polling;
  return { poll, state };
};
