// @ts-check
"use strict";

/**
 * A local Sage Business Cloud Accounting v3.1 sandbox: a real HTTP server on 127.0.0.1 that
 * behaves like Sage for every endpoint the component uses (see README.md). A dev/test tool,
 * never part of the published bundle.
 *
 *   const { startSandbox } = require("./sandbox");
 *   const sandbox = await startSandbox({ faults: { rate: 0.2, kinds: ["503"], seed: 7 } });
 *   process.env.SAGE_API_BASE_URL = sandbox.url;  // http://127.0.0.1:PORT/v3.1
 *   ...
 *   await sandbox.stop();
 */

const crypto = require("crypto");
const fs = require("fs");
const http = require("http");
const path = require("path");
const { SchemaValidator, sageError, isDateTime } = require("./schema");
const { Store } = require("./store");
const { RESOURCES, SandboxError, invalid, notFound, round2 } = require("./resources");
const { planRefusal } = require("./catalogue");
const { pdfOf } = require("./pdf");
const { synthesize } = require("./synthetic");
const { numberFieldTable } = require("./numberFields");
const { presentBody, presentRecord } = require("./present");
const { createIdempotency, splitIdempotencyId } = require("./idempotency");

/** @typedef {import("./schema").SageError} SageError */
/** @typedef {Record<string, any>} SageRecord */
/** @typedef {import("./resources").QueryLookup} QueryLookup */
/** @typedef {"500" | "503" | "429" | "slow" | "drop"} FaultKind */
/** @typedef {"before" | "after"} FaultWhen */
/**
 * @typedef {object} FaultOptions
 * @property {number} [rate]             probability (0–1) that a matching request gets a fault
 * @property {FaultKind[]} [kinds]       drawn uniformly; default ["500", "503", "429", "slow", "drop"]
 * @property {number} [seed]             PRNG seed, so the same requests get the same faults on every run (default 1)
 * @property {FaultWhen | "random"} [when] before processing (nothing happened) or after (the write happened, the answer is lost); default "before". 429 is always before.
 * @property {number} [slowMs]           how long "slow" holds the answer (default 3000)
 * @property {string[]} [methods]        only these methods get faults (default all)
 * @property {(string | RegExp)[]} [paths] only paths starting with one of these strings / matching one of these (relative to /v3.1, e.g. "/contacts")
 * @property {(null | FaultKind | { kind: FaultKind, when?: FaultWhen })[]} [sequence] scripted faults for the next matching requests (null = no fault), used before `rate`
 */
/** @typedef {{ limit: number, windowMs?: number, retryAfter?: boolean }} RateLimitOptions retryAfter: false answers 429 without a Retry-After header (no source shows Sage sending one) */
/**
 * @typedef {object} SandboxOptions
 * @property {number} [port]        default 0: a random free port
 * @property {string} [token]       the one accepted bearer token; default random per start
 * @property {string} [dataFile]    keep the records in this JSON file across runs
 * @property {RateLimitOptions | null} [rateLimit]
 * @property {FaultOptions | null} [faults]
 * @property {number} [latencyMs]   added to every answer
 * @property {() => Date} [now]     the clock for created_at/updated_at, filters and the rate limit window
 * @property {number} [logLimit]    how many requests the log keeps (oldest dropped first); default 10000
 * @property {boolean} [subscriptionActive] false: every authenticated call gets Sage's 401 "No active subscription. (MSE)"; default true
 * @property {boolean} [accountingPlus] false: the business is not on Accounting Plus, so /stock_items is refused (catalogue.js); default true
 */
/**
 * @typedef {object} LogEntry
 * @property {number} seq
 * @property {string} at
 * @property {string} method
 * @property {string} path          relative to /v3.1, e.g. "/contacts/abc"
 * @property {string} target        the request target as sent: path from the origin (percent-encoded) and query string
 * @property {Record<string, string>} query
 * @property {Record<string, string | string[] | undefined>} headers  authorization is "[REDACTED]"
 * @property {unknown} body
 * @property {number | null} status  null when the connection was dropped
 * @property {boolean} processed    the request reached the resource handler (a write may have happened)
 * @property {string} [idempotencyId] the idempotency_id the body carried (taken out of `body`)
 * @property {boolean} [replayed]   answered with the first answer of its idempotency_id (nothing was written)
 * @property {string | null} business
 * @property {{ kind: FaultKind, when: FaultWhen } | null} fault
 * @property {number} durationMs
 */

const BASE_PATH = "/v3.1";
const MAX_BODY_BYTES = 5 * 1024 * 1024;
/** The request log keeps at most this much of each body: 10,000 entries of 5 MB would be 50 GB. */
const MAX_LOGGED_BODY_CHARS = 64 * 1024;

/** A body as the log keeps it: whole when short, else its start and its size. */
const loggable = (/** @type {string} */ raw) =>
  raw.length > MAX_LOGGED_BODY_CHARS
    ? `${raw.slice(0, MAX_LOGGED_BODY_CHARS)}… (${raw.length} characters; the log keeps the first ${MAX_LOGGED_BODY_CHARS})`
    : raw;
const ALL_FAULTS = /** @type {FaultKind[]} */ (["500", "503", "429", "slow", "drop"]);

/** @type {SchemaValidator | undefined} */
let accountingValidator;
/** @type {SchemaValidator | undefined} */
let businessValidator;
/** @type {import("./numberFields").NumberFieldTable | undefined} */
let numberFields;
/** The spec is 1.3 MB: read once per process. Sage's 2023 spec (a superset of the 2022 Swagger). */
const validators = () => {
  const read = (/** @type {string} */ name) =>
    JSON.parse(fs.readFileSync(path.join(__dirname, "openapi", name), "utf8"));
  if (!accountingValidator || !numberFields) {
    const spec = read("accounting-v3.1-2023.openapi.json");
    accountingValidator = new SchemaValidator(spec);
    numberFields = numberFieldTable(spec);
  }
  businessValidator ??= new SchemaValidator(read("user-business.openapi.json"));
  return { accounting: accountingValidator, business: businessValidator, numbers: numberFields };
};

/** Sage's timestamps are whole seconds ("2023-09-22T08:01:12Z"). */
const sageTime = (/** @type {Date} */ date) => date.toISOString().replace(/\.\d{3}Z$/, "Z");

/** mulberry32: a tiny seeded PRNG, so fault runs repeat exactly. */
const prng = (/** @type {number} */ seed) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

/** @param {RateLimitOptions | null | undefined} options */
const normalizeRateLimit = (options) => {
  if (!options) return null;
  if (!Number.isInteger(options.limit) || options.limit < 1)
    throw new Error("rateLimit.limit must be a whole number of at least 1");
  const windowMs = options.windowMs ?? 60_000;
  if (!(windowMs > 0)) throw new Error("rateLimit.windowMs must be positive");
  return { limit: options.limit, windowMs, retryAfter: options.retryAfter ?? true };
};

/** @param {FaultOptions | null | undefined} options */
const normalizeFaults = (options) => {
  if (!options) return null;
  const rate = options.rate ?? 0;
  if (!(rate >= 0 && rate <= 1)) throw new Error("faults.rate must be between 0 and 1");
  const kinds = options.kinds?.length ? options.kinds : ALL_FAULTS;
  for (const kind of kinds)
    if (!ALL_FAULTS.includes(kind)) throw new Error(`Unknown fault kind ${kind}; use ${ALL_FAULTS.join(", ")}`);
  const when = options.when ?? "before";
  if (!["before", "after", "random"].includes(when))
    throw new Error('faults.when must be "before", "after" or "random"');
  const sequence = (options.sequence ?? []).map((step) => {
    if (step === null) return null;
    const fault =
      typeof step === "string"
        ? { kind: step, when: /** @type {FaultWhen} */ ("before") }
        : { kind: step.kind, when: step.when ?? "before" };
    if (!ALL_FAULTS.includes(fault.kind)) throw new Error(`Unknown fault kind ${fault.kind}`);
    return fault;
  });
  return {
    rate,
    kinds,
    when,
    seed: options.seed ?? 1,
    slowMs: options.slowMs ?? 3000,
    methods: options.methods?.map((m) => m.toUpperCase()),
    paths: options.paths,
    sequence,
    random: prng(options.seed ?? 1),
  };
};

const redact = (/** @type {http.IncomingHttpHeaders} */ headers) => {
  /** @type {Record<string, string | string[] | undefined>} */
  const copy = { ...headers };
  for (const key of Object.keys(copy))
    if (/^(authorization|cookie|proxy-authorization)$/i.test(key)) copy[key] = "[REDACTED]";
  return copy;
};

const readBody = (/** @type {http.IncomingMessage} */ req) =>
  new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    // Over the limit: read on without keeping anything, then answer 413 (destroying the socket
    // would reach the client as a reset, not as an answer). The 413 is the sandbox's choice:
    // Sage resets the connection (issue 15), which the fault kind "drop" already plays.
    req.on("data", (/** @type {Buffer} */ chunk) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on("end", () =>
      size > MAX_BODY_BYTES
        ? reject(
            new SandboxError(413, [
              sageError("", `Request body too large: at most ${MAX_BODY_BYTES} bytes`, "PayloadTooLarge"),
            ]),
          )
        : resolve(Buffer.concat(chunks).toString("utf8")),
    );
    req.on("error", reject);
  });

/** Base attributes only, or those plus a comma list of fields, or everything. */
const pickAttributes = (/** @type {SageRecord} */ record, /** @type {string | null} */ attributes) => {
  if (attributes === "all") return record;
  /** @type {SageRecord} */
  const picked = { id: record.id, displayed_as: record.displayed_as, $path: record.$path };
  for (const name of (attributes ?? "").split(",").map((a) => a.trim())) {
    if (name && name in record) picked[name] = record[name];
  }
  return picked;
};

/** A whole number query parameter within bounds, else 422 naming it. */
const intParam = (
  /** @type {URLSearchParams} */ q,
  /** @type {string} */ name,
  /** @type {number} */ fallback,
  /** @type {number} */ min,
  /** @type {number} */ max,
) => {
  const raw = q.get(name);
  if (raw === null || raw === "") return fallback;
  const value = /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
  if (!Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `at least ${min}` : `between ${min} and ${max}`;
    throw invalid(name, `${name} must be a whole number ${range} (got "${raw}")`);
  }
  return value;
};

const dateParam = (/** @type {URLSearchParams} */ q, /** @type {string} */ name) => {
  const raw = q.get(name);
  if (raw === null || raw === "") return undefined;
  if (!isDateTime(raw.trim())) throw invalid(name, `${name} must be an ISO 8601 date or date-time (got "${raw}")`);
  return Date.parse(raw.trim());
};

/**
 * Start a sandbox.
 * @param {SandboxOptions} [options]
 */
async function startSandbox(options = {}) {
  const { accounting, business: businessSchemas, numbers } = validators();
  const store = new Store({ dataFile: options.dataFile });
  let now = options.now ?? (() => new Date());
  const token = options.token ?? `sbx_${crypto.randomBytes(24).toString("hex")}`;
  let rateLimit = normalizeRateLimit(options.rateLimit);
  let faults = normalizeFaults(options.faults);
  let latencyMs = options.latencyMs ?? 0;
  let subscriptionActive = options.subscriptionActive ?? true;
  /**
   * The order of list answers: created order (the sandbox's default) or by updated_at, oldest
   * first. Sage does not document its order; the knob lets tests walk lists whose records move
   * between pages when they change (the sandbox's own choice of what to offer).
   * @type {"created" | "updated_at"}
   */
  let listOrder = "created";
  let accountingPlus = options.accountingPlus ?? true;
  const logLimit = options.logLimit ?? 10_000;
  /** @type {LogEntry[]} */
  const requestLog = [];
  let seq = 0;
  /** @type {Map<string, { start: number, count: number }>} */
  const windows = new Map();
  /** @type {Set<{ timer: NodeJS.Timeout, resolve: () => void }>} */
  const timers = new Set();
  let stopped = false;

  const sleep = (/** @type {number} */ ms) =>
    new Promise((/** @type {(v?: unknown) => void} */ resolve) => {
      if (ms <= 0 || stopped) return resolve();
      const entry = { timer: setTimeout(() => (timers.delete(entry), resolve()), ms), resolve: () => resolve() };
      timers.add(entry);
    });

  const clockMs = () => now().getTime();
  const idempotency = createIdempotency(clockMs);

  /** @param {string} method @param {string} relPath */
  const drawFault = (method, relPath) => {
    if (!faults) return null;
    if (faults.methods && !faults.methods.includes(method)) return null;
    if (faults.paths && !faults.paths.some((p) => (typeof p === "string" ? relPath.startsWith(p) : p.test(relPath))))
      return null;
    if (faults.sequence.length) return faults.sequence.shift() ?? null;
    if (!faults.rate || faults.random() >= faults.rate) return null;
    const kind = faults.kinds[Math.floor(faults.random() * faults.kinds.length)];
    /** @type {FaultWhen} */
    let when = faults.when === "random" ? (faults.random() < 0.5 ? "before" : "after") : faults.when;
    // A 429 says "not processed, try again": it can only come before processing.
    if (kind === "429") when = "before";
    return { kind, when };
  };

  /** Per-business fixed window; returns seconds to wait when over the limit. */
  const overLimit = (/** @type {string} */ key) => {
    if (!rateLimit) return 0;
    const at = clockMs();
    let window = windows.get(key);
    if (!window || at >= window.start + rateLimit.windowMs) {
      window = { start: at, count: 0 };
      windows.set(key, window);
    }
    if (window.count >= rateLimit.limit) return Math.max(1, Math.ceil((window.start + rateLimit.windowMs - at) / 1000));
    window.count++;
    return 0;
  };

  /**
   * The API itself: route, validate, apply. Returns the status and body Sage would send.
   * @param {{ method: string, segments: string[], query: URLSearchParams, body: unknown, businessId: string, accept?: string }} request
   * @returns {{ status: number, body?: unknown, write?: boolean, contentType?: string }}
   */
  const handle = ({ method, segments, query, body, businessId, accept = "" }) => {
    const [collectionName, id, action, ...extra] = segments;
    if (collectionName === "businesses" && !action) {
      if (!(method === "GET" || (method === "PUT" && id))) throw routeNotFound(method, segments);
      // Sage answers the paged envelope (with `$items_per_page`, unlike the other lists), although
      // its user-business spec says a bare array (Sage's Best Practices guide shows the envelope).
      if (!id)
        return {
          status: 200,
          body: {
            $total: store.businesses.length,
            $page: 1,
            $next: null,
            $back: null,
            $items_per_page: store.businesses.length,
            $items: store.businesses,
          },
        };
      const found = store.businesses.find((b) => b.id === id);
      if (!found) throw notFound("Business");
      if (method === "GET") return { status: 200, body: found };
      const errors = businessSchemas.validateBody("putBusinesses", "business", body);
      if (errors.length) throw new SandboxError(422, errors);
      Object.assign(found, /** @type {SageRecord} */ (body).business, { updated_at: sageTime(now()) });
      found.displayed_as = found.name;
      return { status: 200, body: found, write: true };
    }
    const resource = RESOURCES[collectionName];
    // Actions on a record: /release, or one the resource declares (e.g. a journal's /reissue), and a
    // resource's own sub-path of a record (GET /attachments/{id}/file).
    const recordAction = action && action !== "release" ? resource?.actions?.[action] : undefined;
    const subroute = action ? resource?.subroutes?.[action] : undefined;
    if (!resource || extra.length || (action && action !== "release" && !recordAction && !subroute))
      throw routeNotFound(method, segments);
    if (resource.plan === "accountingPlus" && !accountingPlus) throw planRefusal();
    const db = store.business(businessId);
    if (!db) throw notFound("Business");
    const ctx = { db, at: sageTime(now()), errors: /** @type {SageError[]} */ ([]) };
    const collection = db.collection(collectionName);
    const wrapped = (/** @type {string} */ definition) => {
      const errors = accounting.validateBody(definition, resource.wrapper, body);
      if (errors.length) throw new SandboxError(422, errors);
      return /** @type {SageRecord} */ (body)[resource.wrapper];
    };
    if (!id) {
      if (method === "GET") return { status: 200, body: list(ctx, collectionName, resource, query) };
      if (method === "POST" && resource.post) {
        const record = resource.create(ctx, wrapped(resource.post));
        collection.add(record);
        return { status: 201, body: record, write: true };
      }
      throw routeNotFound(method, segments);
    }
    // A derived collection (ledger entries, transactions: ledger.js; unallocated items:
    // allocations.js) finds its records itself.
    const record = resource.find ? resource.find(ctx, id) : collection.get(id);
    if (subroute) {
      if (method !== "GET") throw routeNotFound(method, segments);
      if (!record) throw notFound(resource.label);
      return subroute(record, { accept, query });
    }
    const known =
      method === "GET" ||
      (method === "PUT" && resource.put) ||
      (method === "DELETE" && resource.canDelete) ||
      (method === "POST" && action && (resource.canRelease || recordAction));
    if (!known || (action && method !== "POST")) throw routeNotFound(method, segments);
    if (!record) throw notFound(resource.label);
    if (recordAction) {
      const changed = recordAction(ctx, record);
      collection.replace(changed);
      return { status: 201, body: changed, write: true };
    }
    if (action === "release") {
      const released = resource.release(ctx, record);
      collection.replace(released);
      return { status: 201, body: released, write: true };
    }
    if (method === "GET" && resource.pdf && /application\/pdf/i.test(accept)) {
      // A sales document as a PDF (Sage renders it for the Accept header on the record's URL).
      const lines = [
        `${resource.label} ${record.displayed_as}`,
        `${record.contact_name ?? ""}`,
        `Date: ${record.date}`,
      ];
      lines.push(`Total: ${record.total_amount} ${record.currency?.id ?? ""}`);
      return { status: 200, body: pdfOf(lines), contentType: "application/pdf" };
    }
    if (method === "GET") return { status: 200, body: resource.view ? resource.view(ctx, record, query) : record };
    if (method === "PUT") {
      const updated = resource.update(ctx, record, wrapped(resource.put));
      collection.replace(updated);
      return { status: 200, body: updated, write: true };
    }
    // DELETE: 204 when the record is gone; a voided sales invoice stays and comes back (200), as Sage's spec says.
    const outcome = resource.remove(ctx, record, query);
    if (outcome === "deleted") {
      collection.remove(record.id);
      db.tombstone(collectionName, record, ctx.at);
      return { status: 204, write: true };
    }
    return { status: 200, body: record, write: true };
  };

  /** Write answers expand nested records: the sandbox's own choice, as no recording shows a write's answer. */
  const WRITE_QUERY = new URLSearchParams({
    nested_attributes: "all",
    show_balance: "true",
    show_payments_allocations: "true",
  });

  /**
   * A successful answer as Sage writes it (present.js): nested records, optional fields, decimals.
   * @param {string} method @param {string} collection @param {URLSearchParams} query @param {string} businessId @param {unknown} body
   */
  const present = (method, collection, query, businessId, body) => {
    if (!RESOURCES[collection]) return body;
    return presentBody(numbers, collection, body, method === "GET" ? query : WRITE_QUERY, lookupIn(businessId));
  };

  /** Records of a business by collection and id, for nested_attributes. */
  const lookupIn =
    (/** @type {string | undefined} */ businessId) => (/** @type {string} */ name, /** @type {string} */ id) =>
      RESOURCES[name] ? store.business(businessId)?.collection(name).get(id) : undefined;

  const routeNotFound = (/** @type {string} */ method, /** @type {string[]} */ segments) =>
    new SandboxError(404, [sageError("", `No route matches ${method} /${segments.join("/")}`, "RouteNotFound")]);

  /**
   * The records a list query matches, in order, kept while nothing is written: a walk of 50 pages
   * over 10 000 records would otherwise filter all of them again for every page (the sandbox's
   * cost, not Sage's; for a derived collection, ledger.js or allocations.js computing it again).
   * Forgotten on every request other than a GET and by seed, restore and the knobs that change
   * what a list answers: what a collection holds, derived or not, follows from the stored records
   * alone. One query per collection and business (a walk asks one), so polling with a new
   * `updated_or_created_since` each time replaces it rather than piling up. Tombstones are not kept.
   * @type {WeakMap<object, Map<string, { key: string, items: SageRecord[] }>>}
   */
  let listed = new WeakMap();
  const forgetLists = () => {
    listed = new WeakMap();
  };
  /** What a list query matches, whatever page it asks for. @param {string} name @param {URLSearchParams} query */
  const listKeyOf = (name, query) =>
    `${name}?${[...query].filter(([key]) => key !== "page" && key !== "items_per_page").join("&")}`;

  /**
   * The records of `name` a list query matches (stored, or computed by a derived collection), in
   * the list's order.
   * @param {{ db: import("./store").BusinessData, at: string, errors: SageError[] }} ctx
   * @param {string} name
   * @param {any} resource
   * @param {URLSearchParams} query
   * @param {number | undefined} since  updated_or_created_since, in ms
   * @returns {SageRecord[]}
   */
  const matchingRecords = (ctx, name, resource, query, since) => {
    const queries = /** @type {string[]} */ (resource.queries ?? []);
    const search = queries.includes("search") ? query.get("search")?.trim().toLowerCase() : undefined;
    const cache = new Map();
    // Records share timestamps (whole seconds): each distinct one is parsed once.
    /** @type {Map<string, number>} */
    const parsedTimes = new Map();
    const timeOf = (/** @type {string} */ text) => {
      let ms = parsedTimes.get(text);
      if (ms === undefined) parsedTimes.set(text, (ms = Date.parse(text)));
      return ms;
    };
    const excludeSystem = query.get("exclude_system") === "true";
    // A filter reads the query for each of the collection's records: over 10 000 records
    // URLSearchParams.get (it scans the list and converts the name each time) took a third of the
    // time. The first value of each name, looked up in a Map, answers the same.
    /** @type {Map<string, string>} */
    const firstValues = new Map();
    for (const [key, value] of query) if (!firstValues.has(key)) firstValues.set(key, value);
    /** @type {QueryLookup} */
    const filterQuery = { get: (name) => firstValues.get(name) ?? null };
    // A derived collection (ledger.js, allocations.js) computes its records from the stored ones.
    /** @type {SageRecord[]} */
    const source = resource.items ? resource.items(ctx) : ctx.db.collection(name).items;
    const items = source.filter((record) => {
      if (since !== undefined && !(timeOf(String(record.updated_at ?? record.created_at ?? 0)) >= since)) return false;
      if (
        search &&
        !(resource.searchFields ?? []).some(
          (/** @type {string} */ f) => record[f] != null && String(record[f]).toLowerCase().includes(search),
        )
      )
        return false;
      // Sage's system contacts (HMRC Payments / Reclaimed) are left out on request.
      if (excludeSystem && record.system === true) return false;
      return resource.filter ? resource.filter(record, filterQuery, ctx, cache) : true;
    });
    return listOrder === "updated_at"
      ? items.slice().sort((a, b) => timeOf(a.updated_at) - timeOf(b.updated_at))
      : items;
  };

  /**
   * Sage's list envelope over the filtered records.
   * @param {{ db: import("./store").BusinessData, at: string, errors: SageError[] }} ctx
   * @param {string} name
   * @param {any} resource
   * @param {URLSearchParams} query
   */
  const list = (ctx, name, resource, query) => {
    const itemsPerPage = intParam(query, "items_per_page", 20, 1, 200);
    const askedPage = intParam(query, "page", 1, 1, Number.MAX_SAFE_INTEGER);
    const queries = /** @type {string[]} */ (resource.queries ?? []);
    const has = (/** @type {string} */ q) => queries.includes(q);
    const since = has("updated_or_created_since") ? dateParam(query, "updated_or_created_since") : undefined;
    const deletedSince = has("deleted_since") ? dateParam(query, "deleted_since") : undefined;
    resource.checkQuery?.(query);
    /** @type {SageRecord[]} */
    let items;
    if (deletedSince !== undefined) {
      // Only what was deleted after the given time (exclusive, as Sage documents).
      items = (ctx.db.tombstones[name] ?? []).filter((t) => Date.parse(t.deleted_at) > deletedSince);
    } else {
      const byCollection = listed.get(ctx.db) ?? new Map();
      listed.set(ctx.db, byCollection);
      const key = listKeyOf(name, query);
      const kept = byCollection.get(name);
      // Matched and ordered by an earlier page of this walk when nothing was written since.
      items = kept?.key === key ? kept.items : matchingRecords(ctx, name, resource, query, since);
      byCollection.set(name, { key, items });
    }
    const total = items.length;
    // A page past the end answers the last page (Sage's pagination guide), not an empty one.
    const page = Math.min(askedPage, Math.max(1, Math.ceil(total / itemsPerPage)));
    const start = (page - 1) * itemsPerPage;
    // Tombstones are already just id, displayed_as, $path and deleted_at: the sandbox's own choice
    // (Sage's spec gives every list answer the resource's full schema and says nothing of what a
    // deleted record looks like; ids and deletion times are what a sync needs).
    const pageItems = items
      .slice(start, start + itemsPerPage)
      .map((r) =>
        deletedSince !== undefined
          ? r
          : pickAttributes(resource.view ? resource.view(ctx, r, query) : r, query.get("attributes")),
      );
    const link = (/** @type {number} */ target) => {
      const params = new URLSearchParams({ page: String(target), items_per_page: String(itemsPerPage) });
      for (const [key, value] of query) if (key !== "page" && key !== "items_per_page") params.append(key, value);
      return `/${name}?${params.toString()}`;
    };
    return {
      $total: total,
      $page: page,
      $next: start + itemsPerPage < total ? link(page + 1) : null,
      $back: page > 1 ? link(page - 1) : null,
      $itemsPerPage: itemsPerPage,
      $items: pageItems,
    };
  };

  /** @param {LogEntry} entry */
  const remember = (entry) => {
    requestLog.push(entry);
    if (requestLog.length > logLimit) requestLog.splice(0, requestLog.length - logLimit);
  };

  /** @param {http.IncomingMessage} req @param {http.ServerResponse} res */
  const onRequest = async (req, res) => {
    const started = Date.now();
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const method = (req.method ?? "GET").toUpperCase();
    const relPath = url.pathname.startsWith(`${BASE_PATH}/`) ? url.pathname.slice(BASE_PATH.length) : url.pathname;
    /** @type {LogEntry} */
    const entry = {
      seq: ++seq,
      at: now().toISOString(),
      method,
      path: relPath,
      target: req.url ?? "/",
      query: Object.fromEntries(url.searchParams),
      headers: redact(req.headers),
      body: undefined,
      status: null,
      processed: false,
      business: null,
      fault: null,
      durationMs: 0,
    };
    remember(entry);
    /** @param {number} status @param {unknown} [body] @param {Record<string, string>} [headers] */
    const send = (status, body, headers = {}) => {
      entry.status = status;
      entry.durationMs = Date.now() - started;
      if (res.writableEnded || res.destroyed) return;
      // Sage's clock, as clients (the polling triggers) read it: the injectable one.
      headers = { Date: now().toUTCString(), ...headers };
      if (status === 204 || body === undefined) {
        res.writeHead(status, headers);
        res.end();
        return;
      }
      const isText = typeof body === "string";
      const isBytes = Buffer.isBuffer(body);
      res.writeHead(status, {
        "Content-Type": isText ? "text/html; charset=utf-8" : "application/json; charset=utf-8",
        ...headers,
      });
      res.end(isText || isBytes ? body : JSON.stringify(body));
    };
    const drop = () => {
      entry.status = null;
      entry.durationMs = Date.now() - started;
      req.socket.destroy();
    };
    /** @param {FaultKind} kind */
    const sendFault = (kind) => {
      if (kind === "drop") return drop();
      if (kind === "429")
        return send(
          429,
          [sageError("", "Too many requests: the rate limit was exceeded, retry later", "TooManyRequests")],
          { "Retry-After": "1" },
        );
      if (kind === "503")
        return send(
          503,
          "<html><head><title>503 Service Temporarily Unavailable</title></head><body><h1>Service Temporarily Unavailable</h1></body></html>",
        );
      return send(500, [sageError("", "An unexpected error occurred (injected fault)", "UnexpectedError")]);
    };
    try {
      // Who is asking comes first: a caller without the token gets nothing read, parsed or logged of its body.
      const auth = req.headers.authorization ?? "";
      if (auth !== `Bearer ${token}`) {
        return send(
          401,
          [sageError("", "Unauthorised: the access token is missing, invalid or expired", "AuthenticationFailed")],
          { "WWW-Authenticate": 'Bearer realm="sandbox"' },
        );
      }
      let raw = "";
      try {
        raw = /** @type {string} */ (await readBody(req));
      } catch (error) {
        if (error instanceof SandboxError) return send(error.status, error.errors);
        throw error;
      }
      /** @type {unknown} */
      let body;
      if (raw.trim() !== "") {
        try {
          body = JSON.parse(raw);
        } catch {
          entry.body = loggable(raw);
          return send(400, [sageError("", "The request body is not valid JSON", "InvalidJson")]);
        }
        // Sage's bodies are objects ({"contact": {...}}); null, a number or a string is no request at all.
        // The sandbox's choice of answer: 400 in Sage's error shape, as for a body that is not JSON.
        if (body === null || typeof body !== "object") {
          entry.body = loggable(raw);
          return send(400, [sageError("", "The request body must be a JSON object", "InvalidJson")]);
        }
      }
      // The log shows the resource fields as `body` (cut short when large) and an idempotency_id on its own.
      const logged = splitIdempotencyId(RESOURCES[relPath.split("/")[1]]?.wrapper, body);
      entry.body = raw.length > MAX_LOGGED_BODY_CHARS ? loggable(raw) : logged.body;
      if (typeof logged.id === "string") entry.idempotencyId = logged.id;
      if (!subscriptionActive) {
        // Sage's body for a business whose subscription lapsed (its "Frequently raised errors" guide).
        return send(401, [sageError("", "No active subscription. (MSE)", "AuthorizationFailure")]);
      }
      const businessHeader = req.headers["x-business"];
      const businessId =
        (Array.isArray(businessHeader) ? businessHeader[0] : businessHeader)?.trim() || store.leadBusinessId;
      entry.business = businessId;
      if (!url.pathname.startsWith(`${BASE_PATH}/`)) {
        return send(404, [sageError("", `No route matches ${method} ${url.pathname}`, "RouteNotFound")]);
      }
      // Sage's guide: 200 calls a minute per business, then 429. The window, the body's wording and a
      // Retry-After header are the sandbox's own choices (no source shows Sage sending Retry-After).
      const retryAfter = overLimit(businessId);
      if (retryAfter) {
        return send(
          429,
          [
            sageError(
              "",
              `Too many requests: at most ${rateLimit?.limit} requests per ${(rateLimit?.windowMs ?? 0) / 1000} s per business`,
              "TooManyRequests",
            ),
          ],
          rateLimit?.retryAfter ? { "Retry-After": String(retryAfter) } : {},
        );
      }
      const fault = drawFault(method, relPath);
      entry.fault = fault;
      if (latencyMs > 0) await sleep(latencyMs);
      if (fault && fault.when === "before") {
        if (fault.kind === "slow") await sleep(faults?.slowMs ?? 3000);
        else return sendFault(fault.kind);
      }
      if (stopped) return drop();
      /** @type {string[]} */
      let segments;
      try {
        segments = relPath
          .split("/")
          .filter(Boolean)
          .map((s) => decodeURIComponent(s));
      } catch {
        return send(404, [sageError("", `No route matches ${method} ${url.pathname}`, "RouteNotFound")]);
      }
      /** @type {{ status: number, body?: unknown, write?: boolean, contentType?: string }} */
      let result;
      entry.processed = true;
      // A write (and a refused one may have written part) changes what lists match; see `listed`.
      if (method !== "GET") forgetLists();
      try {
        const claim = idempotency.claim({ method, wrapper: RESOURCES[segments[0]]?.wrapper, body, businessId });
        if (claim?.replay) {
          result = claim.replay;
          entry.replayed = true;
        } else {
          const accept = req.headers.accept ?? "";
          result = handle({
            method,
            segments,
            query: url.searchParams,
            body: claim ? claim.body : body,
            businessId,
            accept,
          });
          claim?.remember(result);
        }
        // Replays too: the first answer is kept as handled and shown as a GET-like answer each time.
        // A PDF is bytes, not a record to present.
        if (result.status < 300 && result.body !== undefined && !result.contentType) {
          result = { ...result, body: present(method, segments[0], url.searchParams, businessId, result.body) };
        }
      } catch (error) {
        if (!(error instanceof SandboxError)) throw error;
        result = { status: error.status, body: error.errors };
      }
      if (result.write) store.save();
      if (fault && fault.when === "after") {
        if (fault.kind === "slow") await sleep(faults?.slowMs ?? 3000);
        else return sendFault(fault.kind);
      }
      if (result.contentType) return send(result.status, result.body, { "Content-Type": result.contentType });
      return send(result.status, result.body);
    } catch (error) {
      // A sandbox bug: say so loudly, in Sage's shape.
      const message = error instanceof Error ? error.message : String(error);
      if (!stopped) console.error("[sage-sandbox]", error);
      return send(500, [sageError("", `Sandbox internal error: ${message}`, "UnexpectedError")]);
    }
  };

  const server = http.createServer((req, res) => {
    onRequest(req, res).catch(() => res.destroy());
  });
  server.keepAliveTimeout = 5_000;
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve(undefined);
    });
  });
  const address = /** @type {import("net").AddressInfo} */ (server.address());
  const origin = `http://127.0.0.1:${address.port}`;

  const ensureBusiness = (/** @type {string | undefined} */ businessId) => {
    const db = store.business(businessId);
    if (!db) throw new Error(`No sandbox business ${businessId}`);
    return db;
  };

  const sandbox = {
    /** http://127.0.0.1:PORT/v3.1: what SAGE_API_BASE_URL should be. */
    url: `${origin}${BASE_PATH}`,
    origin,
    port: address.port,
    token,
    requestLog,
    /** The two businesses' ids: the lead (used without X-Business) and the other. */
    businesses: { lead: store.businesses[0]?.id, second: store.businesses[1]?.id },
    /** Read access to the records (copies: changing them changes nothing). */
    store: {
      get leadBusinessId() {
        return store.leadBusinessId;
      },
      businesses: () => structuredClone(store.businesses),
      /** Records of a collection in created order. */
      list: (/** @type {string} */ collection, /** @type {string | undefined} */ businessId = undefined) =>
        structuredClone(ensureBusiness(businessId).collection(collection).items),
      get: (
        /** @type {string} */ collection,
        /** @type {string} */ id,
        /** @type {string | undefined} */ businessId = undefined,
      ) => {
        const record = ensureBusiness(businessId).collection(collection).get(id);
        return record ? structuredClone(record) : undefined;
      },
      count: (/** @type {string} */ collection, /** @type {string | undefined} */ businessId = undefined) =>
        ensureBusiness(businessId).collection(collection).items.length,
      /**
       * A record as GET /{collection}/{id} answers it with this query (links for nested records unless
       * nested_attributes, no balance unless show_balance ...), its decimals kept as numbers: what the
       * component returns for that request.
       */
      answer: (
        /** @type {string} */ collection,
        /** @type {string} */ id,
        /** @type {Record<string, string>} */ query = {},
        /** @type {string | undefined} */ businessId = undefined,
      ) => {
        const record = ensureBusiness(businessId).collection(collection).get(id);
        const params = new URLSearchParams(query);
        return record ? structuredClone(presentRecord(collection, record, params, lookupIn(businessId))) : undefined;
      },
      /** The sandbox's collection names. */
      collections: () => Object.keys(RESOURCES),
    },
    /**
     * Insert n synthetic records fast (no HTTP, no schema check), e.g. for benchmarks.
     * Supported: contacts, ledger_accounts, sales_invoices, purchase_invoices, products, services, contact_persons.
     * @param {string} collection
     * @param {number} n
     * @param {{ businessId?: string, contactId?: string }} [seedOptions]
     */
    seed(collection, n, seedOptions = {}) {
      const db = ensureBusiness(seedOptions.businessId);
      forgetLists();
      const created = synthesize(db, collection, n, { at: sageTime(now()), contactId: seedOptions.contactId });
      store.save();
      return created.map((r) => r.id);
    },
    setFaults(/** @type {FaultOptions | null} */ next) {
      faults = normalizeFaults(next);
    },
    setRateLimit(/** @type {RateLimitOptions | null} */ next) {
      rateLimit = normalizeRateLimit(next);
      windows.clear();
    },
    setLatency(/** @type {number} */ ms) {
      latencyMs = Math.max(0, ms);
    },
    /** false: every authenticated call gets Sage's 401 AuthorizationFailure "No active subscription. (MSE)". */
    setSubscriptionActive(/** @type {boolean} */ active) {
      subscriptionActive = active;
    },
    /** "updated_at": lists answer by updated_at, oldest first (ties in created order); "created": created order. */
    setListOrder(/** @type {"created" | "updated_at"} */ order) {
      listOrder = order;
      forgetLists();
    },
    /** false: the business is not on Accounting Plus; /stock_items calls get the refusal of catalogue.js. */
    setAccountingPlus(/** @type {boolean} */ onPlus) {
      accountingPlus = onPlus;
    },
    setNow(/** @type {() => Date} */ clock) {
      now = clock;
    },
    clearLog() {
      requestLog.length = 0;
    },
    /** The records of every business as they are now (text), for restore(). */
    snapshot: () => store.snapshot(),
    /**
     * Go back to a snapshot(): records made, changed or deleted since are as they were then. For
     * tests that run many actions from one starting state (the property suites).
     * @param {string} snapshot
     */
    restore(snapshot) {
      store.restore(snapshot);
      forgetLists();
    },
    /** Write the data file now (changes are otherwise written together, within 200 ms, and at stop()). */
    save() {
      store.flush();
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      for (const entry of timers) {
        clearTimeout(entry.timer);
        entry.resolve();
      }
      timers.clear();
      await new Promise((resolve) => {
        server.close(() => resolve(undefined));
        server.closeAllConnections();
      });
      // After the last request: its change is written too.
      store.close();
    },
  };
  return sandbox;
}

module.exports = { startSandbox, round2, prng };
