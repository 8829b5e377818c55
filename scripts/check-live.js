#!/usr/bin/env node
// @ts-check
"use strict";

/**
 * `npm run check:live`: hold the built component's answers from a real Sage business against the
 * local sandbox's answers to the same requests, and write a report that carries keys and types
 * only (no token, no names, no amounts).
 *
 *   SAGE_ACCESS_TOKEN=<token> [SAGE_BUSINESS_ID=<id>] npm run check:live [-- --write] [--report f.json]
 *
 * Read-only by default: every read action of the component (derived from component.actions, so
 * a new resource is covered without editing this file), every data source and one poll of every
 * trigger, plus each get action with an id that cannot exist (the error shape). `--write` then
 * creates, reads back, updates and removes clearly named test records (see WRITE_STEPS) and checks
 * that Sage kept what the component sent.
 *
 * The core, `runLiveCheck(options)`, is what test/scripts/checkLive.test.ts drives with nock in
 * Sage's place; it never runs in `npm test` or CI against the real API.
 */

const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");
const { startSandbox } = require("../sandbox");
const { classifyDifferences, compareShapes } = require("../sandbox/wireShape");
const { realConnection, sageConnection } = require("./start");
const { runScenario } = require("./example-payloads");

const ROOT = path.join(__dirname, "..");
const DIST = path.join(ROOT, "dist", "index.js");
const DEFAULT_REPORT = "live-check-report.json";
/** An id no Sage record has: the get actions' "not found" answer is compared with it. */
const MISSING_ID = "0".repeat(32);
/** The sandbox's trigger polls start before every record it holds. */
const SANDBOX_SINCE = "2000-01-01T00:00:00Z";
/** Sage allows 200 calls a minute per business; a pause between steps keeps a run well below. */
const DEFAULT_DELAY_MS = 350;
const DEFAULT_SINCE_DAYS = 30;

const GUIDANCE = `npm run check:live needs an access token for the Sage business to check.

  SAGE_ACCESS_TOKEN=<token> [SAGE_BUSINESS_ID=<id>] npm run check:live
  npx prism components:dev:run -i <integration id> -c "<Sage connection name>" -- npm run check:live
      (prism sets PRISMATIC_CONNECTION_VALUE from the integration's Sage connection)

How to get a token (a few minutes):
  1. A Sage business: a free trial of Sage Business Cloud Accounting is enough, and the only kind
     --write will touch without --i-understand-this-writes.
  2. A Sage app at the Sage Developer Self Service portal (https://developerselfservice.sageone.com):
     note its Client ID and Client Secret and add a callback URL, e.g. http://localhost:8080/callback.
  3. Open in a browser, sign in to the business and allow access:
     https://www.sageone.com/oauth2/auth/central?filter=apiv3.1&response_type=code&client_id=<Client ID>&redirect_uri=<callback URL>&scope=readonly
     (scope=full_access for --write). Copy the code= parameter of the page it redirects to.
  4. Exchange it (within a minute) for a token:
     curl -s https://oauth.accounting.sage.com/token -d grant_type=authorization_code -d code=<code> \\
       -d client_id=<Client ID> -d client_secret=<Client Secret> -d redirect_uri=<callback URL>
     and run the check with its access_token right away: Sage's access tokens last 5 minutes.
`;

const USAGE = `Usage: npm run check:live [-- <options>]

Compares the built component's answers from your Sage business with the local sandbox's answers
to the same requests (keys, value types, list envelope, error shape) and writes a JSON report
that holds keys and types only.

Options:
  --report <file>               where to write the report (default ${DEFAULT_REPORT})
  --since <date>                start of the triggers' poll (default ${DEFAULT_SINCE_DAYS} days ago)
  --delay <ms>                  pause between calls to Sage (default ${DEFAULT_DELAY_MS})
  --write                       also create, update and remove test records (asks first)
  --yes                         do not ask before writing
  --i-understand-this-writes    write even to a business that is not a trial or demo business
  --help                        this text

${GUIDANCE}`;

class UsageError extends Error {}

/** Sage answered 401 or 403: nothing after it can work, so the check stops with Sage's reason. */
class StopError extends Error {}

/**
 * @typedef {object} Args
 * @property {boolean} help
 * @property {boolean} write
 * @property {boolean} yes
 * @property {boolean} anyBusiness
 * @property {string} [report]
 * @property {string} [since]
 * @property {number} [delayMs]
 */

/** @param {string[]} argv @returns {Args} */
const parseArgs = (argv) => {
  /** @type {Args} */
  const args = { help: false, write: false, yes: false, anyBusiness: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].startsWith("--") ? argv[i].split(/=(.*)/s) : [argv[i]];
    const value = () => {
      const next = inline ?? argv[++i];
      if (next === undefined) throw new UsageError(`${flag} needs a value`);
      return next;
    };
    if (flag === "--") continue;
    else if (flag === "--help" || flag === "-h") args.help = true;
    else if (flag === "--write") args.write = true;
    else if (flag === "--yes" || flag === "-y") args.yes = true;
    else if (flag === "--i-understand-this-writes") args.anyBusiness = true;
    else if (flag === "--report") args.report = value();
    else if (flag === "--since") {
      const since = value();
      if (Number.isNaN(Date.parse(since))) throw new UsageError(`--since must be a date, got "${since}"`);
      args.since = new Date(since).toISOString();
    } else if (flag === "--delay") {
      const delay = value();
      if (!/^\d+$/.test(delay)) throw new UsageError(`--delay must be a number of milliseconds, got "${delay}"`);
      args.delayMs = Number(delay);
    } else throw new UsageError(`Unknown option ${argv[i]}`);
  }
  return args;
};

// ------------------------------------------------------------------------------------------------
// The built component

/** Newest modification time of the files the bundle is built from. */
const newestSource = () => {
  let newest = fs.statSync(path.join(ROOT, "package.json")).mtimeMs;
  const walk = (/** @type {string} */ dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  };
  walk(path.join(ROOT, "src"));
  return newest;
};

/** dist/index.js, built first when it is missing or older than src/. */
/** The built bundle: the component and the resource declarations it was built from. */
const loadBuilt = (/** @type {(line: string) => void} */ print) => {
  if (!fs.existsSync(DIST) || fs.statSync(DIST).mtimeMs < newestSource()) {
    print(`Building dist/index.js (${fs.existsSync(DIST) ? "older than src/" : "missing"})…`);
    const build = spawnSync("npm", ["run", "build", "--silent"], { cwd: ROOT, stdio: "inherit" });
    if (build.status !== 0) throw new UsageError("npm run build failed; fix the build and run the check again.");
  }
  const loaded = require(DIST);
  return { component: loaded.default ?? loaded, resources: loaded.RESOURCES };
};

// ------------------------------------------------------------------------------------------------
// Failures, without values

/** Record ids in a path or message become `{id}`: the report names endpoints, not records. */
const scrubIds = (/** @type {string} */ text) => text.replace(/[0-9a-f]{32}/gi, "{id}");

/**
 * What went wrong, as the report may carry it: HTTP status, method, path without ids, and Sage's
 * error codes and field names, never its messages (they may quote what was sent).
 * @param {unknown} error
 */
const failureOf = (error) => {
  const message = error instanceof Error ? error.message : String(error);
  const sage = /Sage API error (\d{3}) on ([A-Z]+) (\S+?):/.exec(message);
  if (!sage) {
    const name = error instanceof Error && error.name ? error.name : "Error";
    // Not an answer from Sage: a bad input of this script, or a network failure (no values of records).
    return { error: name, message: scrubIds(message.split("\n")[0]) };
  }
  const items = /** @type {{ $dataCode?: string, $source?: string }[]} */ (/** @type {any} */ (error).sageErrors ?? []);
  return {
    status: Number(sage[1]),
    request: `${sage[2]} ${scrubIds(sage[3])}`,
    dataCodes: items.map((item) => item.$dataCode ?? ""),
    sources: items.map((item) => item.$source ?? ""),
  };
};

/**
 * Sage's words for a 401/403 (they are about the token or subscription, not about records). A
 * 403 the component reads as a plan without one resource (stock items need Accounting Plus,
 * src/util/errors.ts) is about that resource only: the check goes on and reports it.
 */
const authFailure = (/** @type {unknown} */ error) => {
  const message = error instanceof Error ? error.message : String(error);
  if (/subscription may not include them/.test(message)) return undefined;
  return /Sage API error (401|403) on /.test(message) ? scrubIds(message) : undefined;
};

// ------------------------------------------------------------------------------------------------
// Running a step on one side

/** @typedef {"sage" | "sandbox"} Side */
/** @typedef {{ value: any, error?: undefined } | { value?: undefined, error: unknown }} Outcome */

/**
 * Runs steps of the component against Sage or against the sandbox, one at a time, pausing
 * between steps against Sage; the first 401/403 from Sage becomes a StopError.
 * @param {object} setup
 * @param {any} setup.component
 * @param {Record<Side, unknown>} setup.connections
 * @param {Record<Side, string | undefined>} setup.baseUrls  undefined: Sage's own API
 * @param {number} setup.delayMs
 */
const sides = ({ component, connections, baseUrls, delayMs }) => {
  const { createHarness } = require("@prismatic-io/spectral/dist/testing");
  const harness = createHarness(component);
  let lastSageCall = 0;
  let sageCalls = 0;
  /**
   * Run one step of the component on one side. The client reads SAGE_API_BASE_URL whenever it is
   * created and keys its cache by base URL, so switching the variable per step switches the side.
   * @param {Side} side
   * @param {(harness: any, connection: unknown) => Promise<any>} step
   * @returns {Promise<Outcome>}
   */
  const run = async (side, step) => {
    if (side === "sage") {
      const wait = lastSageCall + delayMs - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      sageCalls++;
    }
    const previous = process.env.SAGE_API_BASE_URL;
    const baseUrl = baseUrls[side];
    if (baseUrl) process.env.SAGE_API_BASE_URL = baseUrl;
    else delete process.env.SAGE_API_BASE_URL;
    try {
      return { value: await step(harness, connections[side]) };
    } catch (error) {
      const reason = side === "sage" ? authFailure(error) : undefined;
      if (reason) throw new StopError(reason);
      return { error };
    } finally {
      if (previous === undefined) delete process.env.SAGE_API_BASE_URL;
      else process.env.SAGE_API_BASE_URL = previous;
      if (side === "sage") lastSageCall = Date.now();
    }
  };
  return { run, harness, sageSteps: () => sageCalls };
};

// ------------------------------------------------------------------------------------------------
// Read checks

/** Inputs a flow builder must fill in (the connection aside). */
const requiredInputs = (/** @type {any} */ definition) =>
  (definition.inputs ?? []).filter((/** @type {any} */ input) => input.required && input.type !== "connection");

/**
 * Read actions: Spectral's performSafety when the component declares it, else the key's verb.
 * Find or Create (and any other "…Or…" action) writes.
 */
const isReadAction = (/** @type {string} */ key, /** @type {any} */ action) =>
  // Spectral's built component carries it in upper case ("SAFE"); its action() takes "safe".
  action.performSafety
    ? String(action.performSafety).toLowerCase() === "safe"
    : /^(list|get|find)[A-Z]/.test(key) && !/Or[A-Z]/.test(key);

/** The records of a list answer (the paged envelope, or a plain array as /businesses may be). */
const itemsOf = (/** @type {any} */ data) =>
  Array.isArray(data) ? data : Array.isArray(data?.$items) ? data.$items : [];

/** Remember the ids of a list's records by collection (from their `$path`), for the get actions. */
const collectIds = (/** @type {Map<string, string[]>} */ pool, /** @type {any} */ data) => {
  for (const item of itemsOf(data)) {
    const [, collection, id] = typeof item?.$path === "string" ? item.$path.split("/") : [];
    if (collection && id && item.id === id) pool.set(collection, [...(pool.get(collection) ?? []), id]);
  }
};

/**
 * @typedef {object} Check
 * @property {string} name
 * @property {"action" | "dataSource" | "trigger" | "notFound" | "write"} kind
 * @property {string} key
 * @property {"same" | "differs" | "skipped" | "failed"} status
 * @property {import("../sandbox/wireShape").ShapeDifference[] | object[]} [differences]
 * @property {import("../sandbox/wireShape").ShapeDifference[]} [newerInSage]
 * @property {import("../sandbox/wireShape").ShapeDifference[]} [notComparable]
 * @property {string} [note]
 * @property {object} [sage]      failure on Sage's side
 * @property {object} [sandbox]   failure on the sandbox's side
 */
/** @typedef {Omit<Check, "name" | "kind" | "key">} Verdict  what a comparison says, before it is named */

/** Hold Sage's answer against the sandbox's. @returns {Verdict} */
const compareAnswers = (/** @type {unknown} */ sandboxAnswer, /** @type {unknown} */ sageAnswer) => {
  const { differences, newer, unseen } = classifyDifferences(sandboxAnswer, sageAnswer);
  return {
    status: differences.length ? "differs" : "same",
    differences,
    newerInSage: newer,
    notComparable: unseen,
  };
};

/** Both sides ran the step: compare, or say which side failed. @returns {Verdict} */
const judge = (
  /** @type {Outcome} */ sandbox,
  /** @type {Outcome} */ sage,
  /** @type {(v: any) => unknown} */ pick,
) => {
  if (sandbox.error && sage.error)
    return { status: "failed", sage: failureOf(sage.error), sandbox: failureOf(sandbox.error) };
  if (sage.error) return { status: "failed", sage: failureOf(sage.error) };
  if (sandbox.error) return { status: "failed", sandbox: failureOf(sandbox.error) };
  return compareAnswers(pick(sandbox.value), pick(sage.value));
};

/**
 * The not-found answers of both sides: same status, same Sage error codes, same error shape.
 * @param {Outcome} sandbox @param {Outcome} sage @returns {Verdict}
 */
const compareNotFound = (sandbox, sage) => {
  if (!sandbox.error || !sage.error)
    return {
      status: "failed",
      note: `an id that cannot exist was found by ${sage.error ? "the sandbox" : "Sage"}`,
    };
  const want = failureOf(sandbox.error);
  const got = failureOf(sage.error);
  /** @type {object[]} */
  const differences = compareShapes(
    /** @type {any} */ (sandbox.error).sageErrors ?? [],
    /** @type {any} */ (sage.error).sageErrors ?? [],
  );
  for (const field of ["status", "dataCodes"]) {
    const [a, b] = [JSON.stringify(/** @type {any} */ (want)[field]), JSON.stringify(/** @type {any} */ (got)[field])];
    if (a !== b) differences.push({ path: field, kind: "value", expected: a, actual: b });
  }
  return {
    status: differences.length ? "differs" : "same",
    differences,
    sandbox: want,
    sage: got,
  };
};

/** Required inputs of a report over a period, filled in with the check's window. */
const PERIOD_INPUTS = ["fromDate", "toDate"];

/**
 * @param {ReturnType<typeof sides>} on
 * @param {any} component
 * @param {import("../sandbox").Sandbox} sandbox
 * @param {string} since
 * @param {(check: Check) => void} record
 */
const runReadChecks = async (on, component, sandbox, since, record) => {
  const actions = Object.entries(/** @type {Record<string, any>} */ (component.actions)).filter(([key, action]) =>
    isReadAction(key, action),
  );
  const label = (/** @type {any} */ definition, /** @type {string} */ key) => definition.display?.label ?? key;
  /** @type {Record<Side, Map<string, string[]>>} */
  const ids = { sage: new Map(), sandbox: new Map() };

  // Lists and finds first: their records give the get actions their ids.
  for (const [key, action] of actions.filter(([, action]) => requiredInputs(action).length === 0)) {
    const run = (/** @type {any} */ harness, /** @type {unknown} */ connection) => harness.action(key, { connection });
    const sandboxOutcome = await on.run("sandbox", run);
    // A find that needs one of several optional inputs (Find Product: Item Code or Description) has nothing to look for.
    if (/** @type {any} */ (sandboxOutcome.error)?.name === "InputError") {
      record({ name: label(action, key), kind: "action", key, status: "skipped", note: "needs an input to look for" });
      continue;
    }
    const sageOutcome = await on.run("sage", run);
    collectIds(ids.sandbox, sandboxOutcome.value?.data);
    collectIds(ids.sage, sageOutcome.value?.data);
    record({ name: label(action, key), kind: "action", key, ...judge(sandboxOutcome, sageOutcome, (v) => v) });
  }

  for (const [key, action] of actions.filter(([, action]) => requiredInputs(action).length > 0)) {
    const inputs = requiredInputs(action);
    // A file (Get Sales Document PDF) has bytes, not keys and types to compare.
    if (action.examplePayload?.contentType) {
      record({ name: label(action, key), kind: "action", key, status: "skipped", note: "answers a file, not JSON" });
      continue;
    }
    // A report over a period (Get Trial Balance) runs over the check's window, --since to today.
    if (inputs.every((/** @type {{ key: string }} */ input) => PERIOD_INPUTS.includes(input.key))) {
      const period = { fromDate: since.slice(0, 10), toDate: new Date().toISOString().slice(0, 10) };
      const run = (/** @type {any} */ harness, /** @type {unknown} */ connection) =>
        harness.action(key, { connection, ...period });
      record({
        name: label(action, key),
        kind: "action",
        key,
        ...judge(await on.run("sandbox", run), await on.run("sage", run), (v) => v),
      });
      continue;
    }
    if (inputs.length > 1) {
      record({ name: label(action, key), kind: "action", key, status: "skipped", note: "needs more than one input" });
      continue;
    }
    // A find by number or reference (Find Sales Invoice) takes a text, not an id of a listed record.
    if (!/Id$/.test(inputs[0].key)) {
      record({
        name: label(action, key),
        kind: "action",
        key,
        status: "skipped",
        note: "looks records up by a text, not by an id",
      });
      continue;
    }
    const idInput = inputs[0].key;
    const get = (/** @type {string} */ id) => (/** @type {any} */ harness, /** @type {unknown} */ connection) =>
      harness.action(key, { connection, [idInput]: id });
    // The id that cannot exist: the error shape, and (from the sandbox's log) which collection the action reads.
    sandbox.clearLog();
    const sandboxMissing = await on.run("sandbox", get(MISSING_ID));
    const sageMissing = await on.run("sage", get(MISSING_ID));
    record({
      name: `${label(action, key)} (an id that does not exist)`,
      kind: "notFound",
      key,
      ...compareNotFound(sandboxMissing, sageMissing),
    });
    const collection = sandbox.requestLog.at(-1)?.path.split("/")[1] ?? "";
    const sageId = ids.sage.get(collection)?.[0];
    const sandboxId = ids.sandbox.get(collection)?.[0];
    if (!sageId || !sandboxId) {
      const where = sageId ? "the sandbox" : "your business";
      record({
        name: label(action, key),
        kind: "action",
        key,
        status: "skipped",
        note: `no ${collection || "record"} in ${where} to read`,
      });
      continue;
    }
    record({
      name: label(action, key),
      kind: "action",
      key,
      ...judge(await on.run("sandbox", get(sandboxId)), await on.run("sage", get(sageId)), (v) => v),
    });
  }

  for (const [key, dataSource] of Object.entries(/** @type {Record<string, any>} */ (component.dataSources))) {
    const name = `${label(dataSource, key)} (dropdown)`;
    if (requiredInputs(dataSource).length) {
      record({ name, kind: "dataSource", key, status: "skipped", note: "needs inputs besides the connection" });
      continue;
    }
    const run = (/** @type {any} */ harness, /** @type {unknown} */ connection) =>
      harness.dataSource(key, { connection });
    record({
      name,
      kind: "dataSource",
      key,
      ...judge(await on.run("sandbox", run), await on.run("sage", run), (v) => v),
    });
  }

  for (const [key, trigger] of Object.entries(/** @type {Record<string, any>} */ (component.triggers))) {
    const takesStart = (trigger.inputs ?? []).some((/** @type {any} */ input) => input.key === "startFrom");
    // A trigger that must be told what to watch (New and Updated Records' Resource Type, Invoice
    // Status Changed's Invoice Type) polls once for each choice, so every resource is checked.
    const choice = (trigger.inputs ?? []).find(
      (/** @type {any} */ input) => input.required && Array.isArray(input.model) && input.model.length,
    );
    const variants = choice
      ? choice.model.map((/** @type {{ value: string }} */ option) => ({ [choice.key]: option.value }))
      : [{}];
    for (const chosen of variants) {
      const poll =
        (/** @type {string} */ startFrom) => (/** @type {any} */ harness, /** @type {unknown} */ connection) =>
          harness.trigger(
            key,
            { startedAt: new Date().toISOString() },
            { connection, ...chosen, ...(takesStart ? { startFrom } : {}) },
            { instanceState: {} },
          );
      // Only what the trigger delivers is Sage's; the rest of its result is the platform's test payload.
      const delivered = (/** @type {any} */ result) => result?.payload?.body?.data ?? result;
      const which = Object.values(chosen).join("");
      record({
        name: `${label(trigger, key)}${which ? ` (${which})` : ""} (one poll)`,
        kind: "trigger",
        key,
        ...judge(await on.run("sandbox", poll(SANDBOX_SINCE)), await on.run("sage", poll(since)), delivered),
      });
    }
  }
};

// ------------------------------------------------------------------------------------------------
// Write checks

/** A value at "a.b[0].c" of an answer. */
const valueAt = (/** @type {unknown} */ answer, /** @type {string} */ at) =>
  at
    .split(/\.|(?=\[)/)
    .reduce(
      (/** @type {any} */ value, part) =>
        value == null ? undefined : value[part.startsWith("[") ? Number(part.slice(1, -1)) : part],
      answer,
    );

/**
 * Which of the fields the component sent Sage did not keep: absent from its answer, or another
 * value (a number is the same whether Sage writes it as 30, 30.0 or "30.0"). Names only, no values.
 * @param {Record<string, string | number | boolean>} sent  wire path → value the component sent
 * @param {unknown} answer
 */
const fieldsNotKept = (sent, answer) =>
  Object.entries(sent).flatMap(([at, value]) => {
    const kept = valueAt(answer, at);
    if (kept === undefined) return [{ path: at, kind: "notReturned" }];
    const same = typeof value === "number" ? Number(kept) === value : kept === value;
    return same ? [] : [{ path: at, kind: "changed" }];
  });

/** A trial or demo business: Sage's `is_demo`, or a subscription whose status says trial. */
const isTrialBusiness = (/** @type {any} */ business) =>
  business?.is_demo === true ||
  (Array.isArray(business?.subscriptions) &&
    business.subscriptions.some((/** @type {any} */ s) =>
      /trial/i.test(`${s?.status ?? ""} ${s?.displayed_as ?? ""}`),
    ));

/**
 * The business the connection writes to, and whether it is a trial or demo business.
 * @param {ReturnType<typeof sides>} on
 * @param {string | undefined} businessId
 * @returns {Promise<{ trial: boolean, reason?: string }>}
 */
const writeTarget = async (on, businessId) => {
  const raw = (/** @type {string} */ url) => (/** @type {any} */ harness, /** @type {unknown} */ connection) =>
    harness.action("rawRequest", { connection, url, method: "GET" });
  const listed = await on.run("sage", raw("/businesses"));
  if (listed.error)
    return { trial: false, reason: `your businesses could not be read (${JSON.stringify(failureOf(listed.error))})` };
  const businesses = itemsOf(listed.value.data);
  const chosen = businessId
    ? businesses.find((/** @type {any} */ b) => b.id === businessId)
    : businesses.length === 1
      ? businesses[0]
      : undefined;
  if (!chosen)
    return {
      trial: false,
      reason: businessId
        ? "SAGE_BUSINESS_ID is not one of this connection's businesses"
        : "the connection reaches several businesses: set SAGE_BUSINESS_ID to the trial one",
    };
  // GET /businesses may list base fields only; the business itself carries is_demo and subscriptions.
  const full =
    "is_demo" in chosen ? { value: { data: chosen } } : await on.run("sage", raw(`/businesses/${chosen.id}`));
  const trial = isTrialBusiness(full.value?.data ?? chosen);
  return trial ? { trial } : { trial, reason: "the business is not marked as a trial or demo business" };
};

class WriteStepFailed extends Error {}

/**
 * Create, read back, update and remove one test record of each kind in the business. Every
 * record goes on a stack as soon as Sage has it; the stack is undone in reverse order whatever
 * happens (a payment before its invoice is voided, the invoice before its contact).
 * @param {ReturnType<typeof sides>} on
 * @param {(check: Check) => void} record
 * @param {object[]} cleanup  filled with what was cleaned up and what could not be (with ids), also when the check stops
 */
const runWriteChecks = async (on, record, cleanup) => {
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const name = `Prismatic live check ${stamp}`;
  const note = "Created by npm run check:live (Prismatic Sage component); safe to delete.";
  const today = new Date().toISOString().slice(0, 10);
  /** @type {{ what: string, id: string, undo: () => Promise<Outcome>, done: string }[]} */
  const undo = [];
  const action = (/** @type {string} */ key, /** @type {Record<string, unknown>} */ params) =>
    on.run("sage", (harness, connection) => harness.action(key, { connection, ...params }));
  /**
   * One write or read-back step; `sent` is what Sage should have kept. A failure ends the round trip.
   * @param {string} title @param {string} key @param {Promise<Outcome>} pending
   * @param {Record<string, string | number | boolean>} [sent]
   */
  const step = async (title, key, pending, sent) => {
    const outcome = await pending;
    if (outcome.error) {
      record({ name: title, kind: "write", key, status: "failed", sage: failureOf(outcome.error) });
      throw new WriteStepFailed(title);
    }
    const differences = sent ? fieldsNotKept(sent, outcome.value.data) : [];
    record({ name: title, kind: "write", key, status: differences.length ? "differs" : "same", differences });
    return outcome.value.data;
  };
  /** What the round trip needs from the business: a tax rate, a bank account, a free nominal code. */
  const lookup = async (/** @type {string} */ key, /** @type {Record<string, unknown>} */ params) =>
    itemsOf(await step(`Read ${key} for the test records`, key, action(key, params)));

  try {
    const taxRates = await lookup("listTaxRates", { fetchAll: "true", attributes: "" });
    const taxRateId = (taxRates.find((/** @type {any} */ t) => /_STANDARD$/.test(t.id)) ?? taxRates[0])?.id;
    const bankAccountId = (await lookup("listBankAccounts", { attributes: "" }))[0]?.id;
    const used = new Set(
      (await lookup("listLedgerAccounts", { fetchAll: "true", attributes: "nominal_code" })).map(
        (/** @type {any} */ a) => a.nominal_code,
      ),
    );
    let nominalCode = 4150;
    while (used.has(nominalCode)) nominalCode++;
    if (!taxRateId || !bankAccountId) {
      record({
        name: "Write round trip",
        kind: "write",
        key: "",
        status: "skipped",
        note: "the business has no tax rate or no bank account",
      });
      return;
    }

    const reference = `PLC${stamp.slice(2)}`;
    const contact = await step(
      "Create Contact",
      "createContact",
      action("createContact", { name, contactTypeIds: "CUSTOMER", reference, creditDays: "30", notes: note }),
      { name, reference, credit_days: 30, "contact_types[0].id": "CUSTOMER" },
    );
    undo.push({
      what: "contact",
      id: contact.id,
      done: "removed",
      undo: () => action("deleteContact", { contactId: contact.id }),
    });
    await step("Get Contact (read back)", "getContact", action("getContact", { contactId: contact.id }), {
      name,
      reference,
      credit_days: 30,
    });
    await step(
      "Update Contact",
      "updateContact",
      action("updateContact", { contactId: contact.id, creditDays: "14" }),
      { name, credit_days: 14 },
    );

    const ledger = await step(
      "Create Ledger Account",
      "createLedgerAccount",
      action("createLedgerAccount", {
        ledgerAccountTypeId: "SALES",
        includedInChart: "true",
        name,
        displayName: name,
        nominalCode: String(nominalCode),
        taxRateId,
      }),
      { name, nominal_code: nominalCode, "ledger_account_type.id": "SALES", "tax_rate.id": taxRateId },
    );
    // Sage has no DELETE for ledger accounts: the cleanup takes it out of the chart of accounts.
    undo.push({
      what: "ledger account",
      id: ledger.id,
      done: "hidden from the chart (Sage cannot delete ledger accounts)",
      undo: () => action("updateLedgerAccount", { accountId: ledger.id, includedInChart: "false" }),
    });
    await step(
      "Get Ledger Account (read back)",
      "getLedgerAccount",
      action("getLedgerAccount", { ledgerAccountId: ledger.id }),
      { name, nominal_code: nominalCode },
    );
    await step(
      "Update Ledger Account",
      "updateLedgerAccount",
      action("updateLedgerAccount", { accountId: ledger.id, displayName: `${name} (updated)` }),
      { display_name: `${name} (updated)` },
    );

    const line = {
      description: name,
      ledger_account_id: ledger.id,
      quantity: 1,
      unit_price: 10,
      tax_rate_id: taxRateId,
    };
    const invoice = await step(
      "Create Sales Invoice",
      "createSalesInvoice",
      action("createSalesInvoice", { contactId: contact.id, date: today, invoiceLines: JSON.stringify([line]) }),
      {
        "contact.id": contact.id,
        date: today,
        "invoice_lines[0].description": name,
        "invoice_lines[0].quantity": 1,
        "invoice_lines[0].unit_price": 10,
        "invoice_lines[0].ledger_account.id": ledger.id,
        net_amount: 10,
      },
    );
    undo.push({
      what: "sales invoice",
      id: invoice.id,
      done: "voided",
      undo: () => action("deleteSalesInvoice", { salesInvoiceId: invoice.id, voidReason: name }),
    });
    await step(
      "Get Sales Invoice (read back)",
      "getSalesInvoice",
      action("getSalesInvoice", { salesInvoiceId: invoice.id }),
      { "contact.id": contact.id, net_amount: 10 },
    );
    await step(
      "Update Sales Invoice",
      "updateSalesInvoice",
      action("updateSalesInvoice", { salesInvoiceId: invoice.id, notes: note }),
      { notes: note },
    );

    const creditNote = await step(
      "Create Sales Credit Note",
      "createSalesCreditNote",
      action("createSalesCreditNote", {
        contactId: contact.id,
        date: today,
        creditNoteLines: JSON.stringify([{ ...line, unit_price: 1 }]),
      }),
      { "contact.id": contact.id, "credit_note_lines[0].unit_price": 1, net_amount: 1 },
    );
    undo.push({
      what: "sales credit note",
      id: creditNote.id,
      done: "voided",
      undo: () => action("voidSalesCreditNote", { salesCreditNoteId: creditNote.id, voidReason: name }),
    });
    await step(
      "Get Sales Credit Note (read back)",
      "getSalesCreditNote",
      action("getSalesCreditNote", { salesCreditNoteId: creditNote.id }),
      { "contact.id": contact.id, net_amount: 1 },
    );
    await step(
      "Update Sales Credit Note",
      "updateSalesCreditNote",
      action("updateSalesCreditNote", { salesCreditNoteId: creditNote.id, notes: note }),
      { notes: note },
    );

    const payment = await step(
      "Record Sales Invoice Payment",
      "recordSalesInvoicePayment",
      action("recordSalesInvoicePayment", {
        invoiceId: invoice.id,
        bankAccountId,
        amount: "1",
        date: today,
        reference,
      }),
      {
        total_amount: 1,
        "contact.id": contact.id,
        "bank_account.id": bankAccountId,
        "allocated_artefacts[0].artefact.id": invoice.id,
      },
    );
    undo.push({
      what: "contact payment",
      id: payment.id,
      done: "removed",
      undo: () => action("deleteContactPayment", { contactPaymentId: payment.id }),
    });
    await step(
      "Get Contact Payment (read back)",
      "getContactPayment",
      action("getContactPayment", { contactPaymentId: payment.id }),
      { total_amount: 1 },
    );
  } catch (error) {
    if (!(error instanceof WriteStepFailed)) throw error;
  } finally {
    for (const { what, id, done, undo: run } of undo.reverse()) {
      let outcome;
      try {
        outcome = await run();
      } catch (error) {
        outcome = { error };
      }
      cleanup.push(
        outcome.error
          ? { what, id, status: "left in the business", failure: failureOf(outcome.error) }
          : { what, id, status: done },
      );
    }
  }
};

// ------------------------------------------------------------------------------------------------
// The whole check

/**
 * Give the sandbox records of every kind, so each get action has one to read: the example-payload
 * scenario (made through the component, as a flow would), then one synthetic record of each kind
 * the scenario ended without (it deletes its contact person). The component must point at the
 * sandbox (SAGE_API_BASE_URL) while this runs.
 * @param {any} harness
 * @param {unknown} connection   holding the sandbox's token
 * @param {import("../sandbox").Sandbox} sandbox
 * @param {import("../src/resources/resource").SageResource[]} resources  the declarations the component was built from
 */
const fillSandbox = async (harness, connection, sandbox, resources) => {
  await runScenario(harness, connection, sandbox, resources);
  for (const collection of sandbox.store.collections()) {
    if (sandbox.store.count(collection) > 0) continue;
    try {
      sandbox.seed(collection, 1);
    } catch {
      // Not a kind the sandbox can make up (lookups it holds already, payments need invoices).
    }
  }
  sandbox.setNow(() => new Date());
};

/** One readable line per check. */
const describeCheck = (/** @type {Check} */ check) => {
  const newer = check.newerInSage?.length ? ` (${check.newerInSage.length} newer field(s) in Sage)` : "";
  const unseen = check.notComparable?.length ? `, ${check.notComparable.length} key(s) seen on one side only` : "";
  if (check.status === "same")
    return `✔ ${check.name}: ${check.kind === "write" ? "Sage kept what was sent" : `same keys and types${newer}${unseen}`}`;
  if (check.status === "skipped") return `– ${check.name}: skipped, ${check.note}`;
  if (check.status === "failed")
    return `✘ ${check.name}: failed ${check.sage ? `in Sage ${JSON.stringify(check.sage)}` : ""}${check.sandbox ? ` in the sandbox ${JSON.stringify(check.sandbox)}` : ""}${check.note ? check.note : ""}`;
  const list = /** @type {any[]} */ (check.differences ?? []).map((d) =>
    d.kind === "type"
      ? `${d.path} is ${d.actual} in Sage, ${d.expected} in the sandbox`
      : d.kind === "missing"
        ? `${d.path} missing in Sage`
        : `${d.path} ${d.kind}`,
  );
  const shown = list.length > 5 ? [...list.slice(0, 5), `… ${list.length - 5} more in the report`] : list;
  return `✘ ${check.name}: ${list.length} difference(s): ${shown.join("; ")}${newer}`;
};

/**
 * @param {object} options
 * @param {unknown} options.connection        Sage connection (the CLI takes it from the environment)
 * @param {string} [options.businessId]       SAGE_BUSINESS_ID, for --write's trial check
 * @param {any} [options.component]           default: dist/index.js (built first if stale)
 * @param {any[]} [options.resources]         the component's resource declarations (RESOURCES); default: dist/index.js's
 * @param {boolean} [options.reads]           run the read checks (default true)
 * @param {boolean} [options.write]           run the write round trip
 * @param {boolean} [options.anyBusiness]     write even to a business that is not a trial
 * @param {() => Promise<boolean>} [options.confirm]  asked before writing (default: yes)
 * @param {string} [options.reportPath]
 * @param {string} [options.since]            start of the triggers' poll on Sage
 * @param {number} [options.delayMs]          pause between calls to Sage
 * @param {(line: string) => void} [options.print]
 */
const runLiveCheck = async (options) => {
  const print = options.print ?? ((/** @type {string} */ line) => console.log(line));
  const built = options.component && options.resources ? undefined : loadBuilt(print);
  const component = options.component ?? built?.component;
  const resources = options.resources ?? built?.resources;
  const reportPath = path.resolve(options.reportPath ?? DEFAULT_REPORT);
  const since = options.since ?? new Date(Date.now() - DEFAULT_SINCE_DAYS * 86400000).toISOString();
  // A loopback SAGE_API_BASE_URL in the environment stands in for Sage (a sandbox from `npm start -- --serve`).
  const sageBaseUrl = process.env.SAGE_API_BASE_URL || undefined;
  const sandbox = await startSandbox();
  const on = sides({
    component,
    connections: { sage: options.connection, sandbox: sageConnection(sandbox.token, undefined) },
    baseUrls: { sage: sageBaseUrl, sandbox: sandbox.url },
    delayMs: options.delayMs ?? DEFAULT_DELAY_MS,
  });
  const report = {
    tool: "npm run check:live",
    startedAt: new Date().toISOString(),
    against: sageBaseUrl ? "a local stand-in given by SAGE_API_BASE_URL" : "api.accounting.sage.com/v3.1",
    mode: options.write ? "read and write" : "read-only",
    howToRead:
      "differences: the sandbox (expected) and Sage (actual) disagree on a key or its JSON type; newerInSage: keys only Sage sends; notComparable: keys below a null or an empty list on one side. Keys and types only: no values.",
    summary: /** @type {Record<string, number>} */ ({}),
    /** @type {Check[]} */
    checks: [],
    /** @type {object[]} */
    cleanup: [],
    /** @type {string | undefined} */
    stopped: undefined,
  };
  const record = (/** @type {Check} */ check) => {
    report.checks.push(check);
    print(describeCheck(check));
  };
  let refused = false;
  try {
    const filled = await on.run("sandbox", (harness, connection) =>
      fillSandbox(harness, connection, sandbox, resources),
    );
    if (filled.error) throw filled.error;
    print(`Comparing ${report.against} with the local sandbox (${report.mode}).`);
    if (options.reads ?? true) await runReadChecks(on, component, sandbox, since, record);
    if (options.write) {
      const target = await writeTarget(on, options.businessId);
      if (!target.trial && !options.anyBusiness) {
        refused = true;
        report.stopped = `--write refused: ${target.reason}. Use a trial business, or add --i-understand-this-writes.`;
      } else if (options.confirm && !(await options.confirm())) {
        refused = true;
        report.stopped = "--write not confirmed";
      } else await runWriteChecks(on, record, report.cleanup);
      if (report.stopped) print(`✘ ${report.stopped}`);
    }
  } catch (error) {
    if (!(error instanceof StopError)) throw error;
    report.stopped = `Sage refused the token or business, so the check stopped: ${error.message}`;
    print(`✘ ${report.stopped}`);
  } finally {
    await sandbox.stop();
  }
  const count = (/** @type {string} */ status) => report.checks.filter((check) => check.status === status).length;
  report.summary = {
    checks: report.checks.length,
    same: count("same"),
    differs: count("differs"),
    failed: count("failed"),
    skipped: count("skipped"),
    newerFieldsInSage: report.checks.reduce((n, check) => n + (check.newerInSage?.length ?? 0), 0),
    stepsAgainstSage: on.sageSteps(),
  };
  const left = report.cleanup.filter((/** @type {any} */ entry) => entry.status === "left in the business");
  fs.writeFileSync(reportPath, `${JSON.stringify(report, null, 2)}\n`);
  const s = report.summary;
  print(
    `${s.checks} checks: ${s.same} same, ${s.differs} differ, ${s.failed} failed, ${s.skipped} skipped; ${s.newerFieldsInSage} newer field(s) in Sage.` +
      (left.length ? ` Not cleaned up: ${left.map((/** @type {any} */ l) => `${l.what} ${l.id}`).join(", ")}.` : ""),
  );
  print(`Report (keys and types only, safe to share): ${reportPath}`);
  const exitCode = report.stopped || refused ? 2 : s.differs || s.failed || left.length ? 1 : 0;
  return { exitCode, report, reportPath };
};

/** Ask on the terminal before writing. */
const askToWrite = async () => {
  const readline = require("readline");
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
  const answer = await new Promise((resolve) =>
    rl.question(
      '--write creates, updates and removes test records named "Prismatic live check …" in this Sage business. Continue? [y/N] ',
      resolve,
    ),
  );
  rl.close();
  return /^y(es)?$/i.test(String(answer).trim());
};

const main = async () => {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const real = realConnection();
  if (!real) {
    process.stderr.write(GUIDANCE);
    return 2;
  }
  const { exitCode } = await runLiveCheck({
    connection: real.connection,
    businessId: process.env.SAGE_BUSINESS_ID?.trim() || undefined,
    write: args.write,
    anyBusiness: args.anyBusiness,
    confirm: args.yes ? undefined : askToWrite,
    reportPath: args.report,
    since: args.since,
    delayMs: args.delayMs,
  });
  return exitCode;
};

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(`✘ ${error instanceof Error ? error.message : String(error)}`);
      if (error instanceof UsageError) console.error("Run `npm run check:live -- --help` for usage.");
      process.exit(2);
    },
  );
}

module.exports = { parseArgs, runLiveCheck, fillSandbox, GUIDANCE, isReadAction, fieldsNotKept, isTrialBusiness };
