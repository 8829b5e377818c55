// @ts-check
"use strict";

/**
 * The component side of the benchmark, in its own process so that its memory figures are not
 * mixed with the sandbox's (which holds every seeded record) and every fetch-all size starts
 * from the same fresh heap.
 *
 * Started by bench/run.js with child_process.fork and SAGE_API_BASE_URL / BENCH_SAGE_TOKEN in
 * its environment. It receives one message `{ scenario, args }`, runs it through the BUILT
 * bundle (dist/index.js) and Spectral's harness, answers with one message `{ ok, result }` or
 * `{ ok: false, error }`, and exits.
 */

const path = require("path");

const DIST = path.join(__dirname, "..", "dist", "index.js");

/** @typedef {{ action: (key: string, params?: Record<string, unknown>, context?: Record<string, unknown>) => Promise<any>, trigger: (key: string, payload?: Record<string, unknown>, params?: Record<string, unknown>, context?: Record<string, unknown>) => Promise<any> }} Harness */

/** The built component and a harness over it; SAGE_API_BASE_URL is already set by the parent. */
const load = () => {
  const loaded = require(DIST);
  const component = loaded.default ?? loaded;
  const { createHarness } = require("@prismatic-io/spectral/dist/testing");
  /** @type {Harness} */
  const harness = /** @type {any} */ (createHarness(component));
  return harness;
};

const token = () => {
  const value = process.env.BENCH_SAGE_TOKEN;
  if (!value) throw new Error("BENCH_SAGE_TOKEN is not set (bench/worker.js is started by bench/run.js)");
  return value;
};

/** The connection Prismatic hands an action: only the key and the access token matter to the component. */
const connection = () => ({ key: "oauth", configVarKey: "", fields: {}, token: { access_token: token() } });

/**
 * Heap figures around `run`: heap after a full GC before it, the peak heapUsed sampled every 5 ms
 * while it runs, and the heap after a full GC with its result still held (the records' own size).
 * The worker runs with --expose-gc.
 * @template T @param {() => Promise<T>} run
 */
const heapAround = async (run) => {
  const gc = /** @type {() => void} */ (global.gc);
  gc();
  const beforeKb = kb(process.memoryUsage().heapUsed);
  let peak = 0;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  };
  const sampler = setInterval(sample, 5);
  const result = await run();
  clearInterval(sampler);
  sample();
  gc();
  const heldKb = kb(process.memoryUsage().heapUsed) - beforeKb;
  return { result, heap: { beforeKb, peakKb: kb(peak) - beforeKb, heldKb } };
};

/** Peak RSS of this process so far, in KB (Linux reports maxRSS in KB). */
const maxRssKb = () => process.resourceUsage().maxRSS;

const kb = (/** @type {number} */ bytes) => Math.round(bytes / 1024);

/** @type {Record<string, (harness: Harness, args: any) => Promise<Record<string, unknown>>>} */
const SCENARIOS = {
  /** List Contacts with Fetch All over everything the sandbox holds. */
  async fetchAll(harness) {
    // The baseline is taken with the component and harness loaded, so the delta is what the fetch costs.
    const rssBeforeKb = kb(process.memoryUsage().rss);
    const started = performance.now();
    const { result, heap } = await heapAround(() =>
      harness.action("listContacts", { connection: connection(), fetchAll: "true" }),
    );
    const wallMs = performance.now() - started;
    const items = result?.data?.$items;
    return {
      wallMs,
      heap,
      records: Array.isArray(items) ? items.length : null,
      total: result?.data?.$total ?? null,
      // attributes defaults to "all": full records, not just ids.
      fullRecords: Array.isArray(items) && items.length > 0 ? typeof items[0].created_at === "string" : null,
      rssBeforeKb,
      maxRssKb: maxRssKb(),
      rssAfterKb: kb(process.memoryUsage().rss),
    };
  },

  /**
   * Fetch All the way it worked before pages were read concurrently: page after page, each
   * request waiting for the previous answer (bare axios, the component's query), as the
   * sequential reference for the concurrent figure.
   */
  async fetchAllSequential() {
    const axios = require("axios");
    const bare = axios.create({
      baseURL: process.env.SAGE_API_BASE_URL,
      headers: { Authorization: `Bearer ${token()}`, Accept: "application/json" },
    });
    const started = performance.now();
    /** @type {unknown[]} */
    const items = [];
    let total = null;
    for (let page = 1; ; page++) {
      const { data } = await bare.get("/contacts", { params: { attributes: "all", page, items_per_page: 200 } });
      total = data.$total;
      for (const item of data.$items) items.push(item);
      if (!data.$next || data.$items.length === 0) break;
    }
    return {
      wallMs: performance.now() - started,
      records: items.length,
      total,
      fullRecords: true,
      maxRssKb: maxRssKb(),
    };
  },

  /**
   * The same GET through the component (harness: input cleaning, a fresh Sage client with retries
   * and error mapping) and through a bare axios client, interleaved in batches so that load
   * changes on a shared machine hit both sides alike.
   */
  async overhead(harness, { ids, calls, batch, warmup }) {
    const axios = require("axios");
    const bare = axios.create({
      baseURL: process.env.SAGE_API_BASE_URL,
      headers: { Authorization: `Bearer ${token()}`, Accept: "application/json" },
    });
    const conn = connection();
    let n = 0;
    const nextId = () => ids[n++ % ids.length];
    const viaComponent = async () => {
      const id = nextId();
      const { data } = await harness.action("getContact", { connection: conn, contactId: id });
      if (data?.id !== id) throw new Error(`Get Contact returned ${data?.id} for ${id}`);
    };
    const viaAxios = async () => {
      const id = nextId();
      // The query Get Contact sends (full nested records); run.js checks both sides sent the same one.
      const params = { attributes: "all", nested_attributes: "all" };
      const { data } = await bare.get(`/contacts/${encodeURIComponent(id)}`, { params });
      if (data?.id !== id) throw new Error(`bare GET returned ${data?.id} for ${id}`);
    };
    const timeBatch = async (/** @type {() => Promise<void>} */ call, /** @type {number} */ count) => {
      const started = performance.now();
      for (let i = 0; i < count; i++) await call();
      return performance.now() - started;
    };

    await timeBatch(viaAxios, warmup);
    await timeBatch(viaComponent, warmup);

    let componentMs = 0;
    let axiosMs = 0;
    let componentCalls = 0;
    let axiosCalls = 0;
    for (let round = 0; componentCalls < calls; round++) {
      const size = Math.min(batch, calls - componentCalls);
      // Alternate which side goes first, so neither always runs on a just-warmed connection.
      if (round % 2 === 0) {
        componentMs += await timeBatch(viaComponent, size);
        axiosMs += await timeBatch(viaAxios, size);
      } else {
        axiosMs += await timeBatch(viaAxios, size);
        componentMs += await timeBatch(viaComponent, size);
      }
      componentCalls += size;
      axiosCalls += size;
    }
    return { componentMs, axiosMs, componentCalls, axiosCalls, maxRssKb: maxRssKb() };
  },

  /** Create Contact calls with a few in flight at once, against the sandbox's rate limiter. */
  async throughput(harness, { calls, concurrency, namePrefix }) {
    const conn = connection();
    let next = 0;
    let completed = 0;
    /** @type {string[]} */
    const failures = [];
    const worker = async () => {
      for (let i = next++; i < calls; i = next++) {
        try {
          await harness.action("createContact", {
            connection: conn,
            name: `${namePrefix}${String(i).padStart(4, "0")}`,
            contactTypeIds: ["CUSTOMER"],
          });
          completed++;
        } catch (error) {
          failures.push(`#${i}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: concurrency }, worker));
    const wallMs = performance.now() - started;
    return { wallMs, completed, failures: failures.length, failureSamples: failures.slice(0, 5), maxRssKb: maxRssKb() };
  },

  /** One poll of New and Updated Contacts whose Start From lies before every seeded record. */
  async polling(harness, { startFrom }) {
    /** @type {Record<string, any>} */
    const instanceState = {};
    const rssBeforeKb = kb(process.memoryUsage().rss);
    const started = performance.now();
    const result = await harness.trigger(
      "contactsChanged",
      { startedAt: new Date().toISOString() },
      { connection: connection(), startFrom },
      { instanceState },
    );
    const wallMs = performance.now() - started;
    const data = result?.payload?.body?.data ?? {};
    const state = instanceState.__prismaticInternal?.polling;
    return {
      wallMs,
      created: Array.isArray(data.created) ? data.created.length : null,
      updated: Array.isArray(data.updated) ? data.updated.length : null,
      distinct: new Set([...(data.created ?? []), ...(data.updated ?? [])].map((r) => r.id)).size,
      stateMark: state?.mark ?? null,
      stateSeen: state?.seen ? Object.keys(state.seen).length : null,
      stateBytes: state ? Buffer.byteLength(JSON.stringify(state)) : null,
      rssBeforeKb,
      maxRssKb: maxRssKb(),
    };
  },
};

process.once("message", (/** @type {any} */ message) => {
  const run = async () => {
    const scenario = SCENARIOS[message?.scenario];
    if (!scenario) throw new Error(`Unknown scenario ${message?.scenario}`);
    return scenario(load(), message.args ?? {});
  };
  run().then(
    (result) => process.send?.({ ok: true, result }, () => process.exit(0)),
    (error) =>
      process.send?.(
        { ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) },
        () => process.exit(0),
      ),
  );
});
