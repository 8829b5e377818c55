import type { Sandbox } from "../../sandbox";
import { harness, TEST_TOKEN, testConnection } from "../helpers";
import { api } from "../sandbox/client";
import { sandboxForFile } from "../sandboxForFile";

/** Sage prints second-precision UTC timestamps. */
export const sageTime = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

/** Where every test's clock starts. */
const START = Date.parse("2026-02-01T09:00:00Z");

/** The sandbox's wrapper of each collection these suites change records of. */
const WRAPPERS: Record<string, string> = {
  "/contacts": "contact",
  "/sales_invoices": "sales_invoice",
  "/purchase_invoices": "purchase_invoice",
};

/**
 * The sandbox for the trigger suites: started in-process for the file, the component pointed at
 * it, every test from the same fresh records at 2026-02-01 09:00 on the sandbox's clock (Sage's
 * `updated_at`, its `updated_or_created_since` filter and its `Date` header all follow it).
 * `list(path)` gives a test one Sage list to change between and during polls.
 */
export const triggerSandbox = () => {
  let fresh = "";
  const clock = { now: START };
  const current = sandboxForFile({ token: TEST_TOKEN, now: () => new Date(clock.now) }, "triggerSandbox()");

  beforeAll(() => {
    fresh = current().snapshot();
  });
  beforeEach(() => {
    clock.now = START;
    current().restore(fresh);
    current().setFaults(null);
    current().setListOrder("created");
    current().clearLog();
  });

  return { list: (path: string) => new SageList(current, clock, path), sandbox: current, clock };
};

/**
 * One Sage list of the sandbox as a test drives it: records named by the test ("A", "R010"),
 * created, updated and deleted at the sandbox's clock, each change a new version (A@1, A@2).
 */
export class SageList {
  private readonly idOf = new Map<string, string>();
  private readonly nameOf = new Map<string, string>();
  /** Each record's updated_at per version, oldest first. */
  private readonly stamps = new Map<string, string[]>();

  constructor(
    private readonly sandbox: () => Sandbox,
    private readonly clock: { now: number },
    readonly path: string,
  ) {}

  private get collection() {
    return this.path.slice(1);
  }

  /** Sage's clock, in ms. */
  get now() {
    return this.clock.now;
  }

  advance(seconds: number) {
    this.clock.now += seconds * 1000;
    return this;
  }

  /** Run `change` with Sage's clock at `at`, then go back to the time it was. */
  private async at<T>(at: string | undefined, change: () => Promise<T> | T): Promise<T> {
    if (at === undefined) return change();
    const resume = this.clock.now;
    this.clock.now = Date.parse(at);
    try {
      return await change();
    } finally {
      this.clock.now = resume;
    }
  }

  /** New records, one second apart (or all at `at`), in created order. */
  async create(names: string | string[], { at }: { at?: string } = {}) {
    for (const name of typeof names === "string" ? [names] : names) {
      if (at === undefined) this.clock.now += 1000;
      const [id] = await this.at(at, () => this.sandbox().seed(this.collection, 1));
      this.idOf.set(name, id);
      this.nameOf.set(id, name);
      this.stamps.set(id, [this.get(name).updated_at]);
    }
    return this.get(typeof names === "string" ? names : names[0]);
  }

  /** A change through Sage's API: a second later, or at exactly `at`. */
  async update(name: string, { at }: { at?: string } = {}) {
    if (at === undefined) this.clock.now += 1000;
    const id = this.idOf.get(name)!;
    const response = await this.at(at, () =>
      api(this.sandbox()).put(`${this.path}/${id}`, {
        [WRAPPERS[this.path]]: { notes: `version ${this.stamps.get(id)!.length + 1}` },
      }),
    );
    if (response.status !== 200) throw new Error(`update of ${name}: ${JSON.stringify(response.data)}`);
    const record = this.get(name);
    this.stamps.get(id)!.push(record.updated_at);
    return record;
  }

  async remove(name: string) {
    const response = await api(this.sandbox()).delete(`${this.path}/${this.idOf.get(name)}`);
    if (response.status !== 204) throw new Error(`delete of ${name}: ${JSON.stringify(response.data)}`);
  }

  /** The record as the sandbox holds it. */
  get(name: string) {
    const record = this.sandbox().store.get(this.collection, this.idOf.get(name)!);
    if (!record) throw new Error(`no record ${name}`);
    return record as { id: string; updated_at: string; created_at: string };
  }

  /** "A@2": the record's name and which of its versions was delivered. */
  label(record: { id: string; updated_at?: string }) {
    const versions = this.stamps.get(record.id) ?? [];
    return `${this.nameOf.get(record.id) ?? record.id}@${versions.lastIndexOf(record.updated_at ?? "") + 1}`;
  }

  /** The query of each GET of this list, in order. */
  get requests(): Record<string, string>[] {
    return this.sandbox()
      .requestLog.filter((entry) => entry.method === "GET" && entry.path === this.path)
      .map((entry) => entry.query);
  }

  /** Lists answer by updated_at, oldest first: a record moves to the end when it changes. */
  orderByUpdatedAt() {
    this.sandbox().setListOrder("updated_at");
    return this;
  }

  /**
   * Run `poll` with `change` made in the middle of it: every page after the first is held (the
   * sandbox's "slow" fault) until `change` is done, so page 1 is read before it and the rest after.
   */
  async during<T>(poll: () => Promise<T>, change: () => Promise<void>, { laterPages = 2 } = {}): Promise<T> {
    const sandbox = this.sandbox();
    sandbox.setFaults({
      methods: ["GET"],
      paths: [this.path],
      sequence: [null, ...Array.from({ length: laterPages }, () => "slow" as const)],
      slowMs: 1500,
    });
    try {
      const polling = poll();
      while (!sandbox.requestLog.some((entry) => entry.path === this.path && entry.query.page === "2"))
        await new Promise((resolve) => setTimeout(resolve, 2));
      await change();
      return await polling;
    } finally {
      sandbox.setFaults(null);
    }
  }

  /** Every read of this list fails with Sage's 500 (after the client's retries) until `heal`. */
  failReads() {
    this.sandbox().setFaults({ methods: ["GET"], paths: [this.path], rate: 1, kinds: ["500"] });
    return { heal: () => this.sandbox().setFaults(null) };
  }
}

interface Delivered {
  id: string;
  updated_at?: string;
}

/** A flow using one trigger: polls share the instance state, as consecutive runs of a deployed instance do. */
export const flowWith = (key: string, inputs: Record<string, unknown> = {}, savedState?: Record<string, unknown>) => {
  // Where Spectral's harness keeps context.polling's state; `savedState` stands for a state an earlier run saved.
  const instanceState: Record<string, unknown> = savedState ? { __prismaticInternal: { polling: savedState } } : {};
  const poll = async (sage?: SageList, extra: Record<string, unknown> = {}) => {
    // The platform stamps each run; Sage's clock stands in for it.
    const startedAt = new Date(sage?.now ?? START).toISOString();
    const result = (await harness.trigger(
      key,
      { startedAt },
      { connection: testConnection(), ...inputs, ...extra },
      { instanceState },
    )) as unknown as {
      payload: { body: { data: { created: Delivered[]; updated: Delivered[] } }; startedAt: string };
      resultType: string;
    };
    const label = (records: Delivered[]) => records.map((record) => (sage ? sage.label(record) : record.id)).sort();
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
