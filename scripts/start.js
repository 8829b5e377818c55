#!/usr/bin/env node
// @ts-check
"use strict";

/**
 * `npm start`: try the built component against the local Sage sandbox (or, with a token, Sage).
 *
 *   npm start                                           a short realistic flow against a fresh sandbox
 *   npm start --silent -- "List Contacts" itemsPerPage=5  one action (by label or key); prints its JSON result
 *   npm start --silent -- --serve [--data f.json] [--port N]  keep a sandbox up for curl and other clients
 *   npm start -- --help [<action>]
 *
 * stdout carries only the result (an action's JSON, the flow's lines, --serve's variables); build
 * output, progress and logs go to stderr. `--silent` keeps npm's own banner off stdout.
 *
 * The sandbox is reached only through the SAGE_API_BASE_URL environment variable of this
 * process (loopback only, see src/client.ts): nothing a flow builder controls can aim the
 * component at it.
 */

const childProcess = require("child_process");
const fs = require("fs");
const path = require("path");
const { startSandbox } = require("../sandbox");

const ROOT = path.join(__dirname, "..");
const DIST = path.join(ROOT, "dist", "index.js");
/** What the bundle is built from: when one of these is newer than dist/index.js, build first. */
const BUILD_INPUTS = ["src", "webpack.config.js", "tsconfig.json", "tsconfig.build.json", "package-lock.json"];

const USAGE = `Usage: npm start --silent [-- <options>]

  (--silent keeps npm's "> sage-accounting-component start" banner off stdout, so the output can be
  piped; dist/ is rebuilt first, on stderr, only when src/ is newer.)

  npm start
      Start a local Sage Accounting sandbox and run a short flow through the built component:
      list contact types, create a customer, a ledger account and a sales invoice, list, get and
      update the invoice, record and remove a payment, void the invoice.

  npm start --silent -- "<action label or key>" [inputKey=value ...]
      Run one action and print its JSON result ({ data, ... }) on stdout, e.g.
        npm start --silent -- "List Contacts" itemsPerPage=5
        npm start --silent -- "List Contacts" fetchAll=true | jq '.data["$items"] | length'
        npm start --silent -- getContact contactId=<an id from List Contacts>
      Inputs are given by key (see --help <action>); an unknown key or a bad value is an error.
      List inputs: a comma list, JSON, or the key repeated (contactTypeIds=CUSTOMER contactTypeIds=VENDOR).
      Key-value inputs: name:value, repeated, or a JSON object
        (headers=Accept:application/json queryParams=search:acme queryParams='{"page":"2"}').
      Runs against a fresh sandbox (or the one in --data), unless one of these is set:
        SAGE_SANDBOX_URL=<url> SAGE_SANDBOX_TOKEN=<token>    a sandbox running in another shell (--serve)
        SAGE_ACCESS_TOKEN=<token> [SAGE_BUSINESS_ID=<id>]   a Sage OAuth access token (the real API)
        PRISMATIC_CONNECTION_VALUE=<json>                    as set by prism components:dev:run

  npm start --silent -- --serve [--data <file.json>] [--port <n>]
      Keep a sandbox running until Ctrl-C and print, on stdout, the two variables that point
      another shell (npm start, curl) at it; SAGE_SANDBOX_TOKEN, if already set, is the token it takes:
        export SAGE_SANDBOX_URL=http://127.0.0.1:4010/v3.1
        export SAGE_SANDBOX_TOKEN=sbx_...
      curl -H "Authorization: Bearer $SAGE_SANDBOX_TOKEN" $SAGE_SANDBOX_URL/contacts

  npm start -- --help [<action>]
      This text, or one action's inputs: key, type, required, default and accepted values.

Options (any sandbox mode):
  --data <file.json>   keep the sandbox's records in this file across runs (default: in memory);
                       one sandbox at a time per file (the others are refused); .sandbox-data*.json
                       and the lock and temp files next to a data file are git-ignored
  --port <n>           listen on this port (default: a random free port)
`;

/** @typedef {{ action?: string, inputs: Record<string, string | string[]>, serve: boolean, help: boolean, dataFile?: string, port?: number }} Args */

/** @param {string[]} argv @returns {Args} */
const parseArgs = (argv) => {
  /** @type {Args} */
  const args = { inputs: {}, serve: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new UsageError(`${arg} needs a value`);
      return next;
    };
    // `node scripts/start.js -- ...` (npm itself strips the `--`)
    if (arg === "--") continue;
    if (arg === "--help" || arg === "-h") args.help = true;
    else if (arg === "--serve") args.serve = true;
    else if (arg === "--data") args.dataFile = value();
    else if (arg.startsWith("--data=")) args.dataFile = arg.slice(7);
    else if (arg === "--port" || arg.startsWith("--port=")) {
      const text = arg === "--port" ? value() : arg.slice(7);
      if (!/^\d+$/.test(text) || Number(text) > 65535)
        throw new UsageError(`--port must be a port number, got "${text}"`);
      args.port = Number(text);
    } else if (arg.startsWith("--")) throw new UsageError(`Unknown option ${arg}`);
    else if (args.action === undefined && !/^[A-Za-z_][\w]*=/.test(arg)) args.action = arg;
    else {
      const at = arg.indexOf("=");
      if (at < 1) throw new UsageError(`Expected inputKey=value, got "${arg}"`);
      const key = arg.slice(0, at);
      const given = arg.slice(at + 1);
      // A key given twice is a list (contactTypeIds=CUSTOMER contactTypeIds=VENDOR, headers=a:1 headers=b:2).
      const before = args.inputs[key];
      args.inputs[key] = before === undefined ? given : [...(Array.isArray(before) ? before : [before]), given];
    }
  }
  return args;
};

class UsageError extends Error {}

/** The newest modification time under a file or folder (0 when it does not exist). */
const newestMtime = (/** @type {string} */ target) => {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
};

/** Build dist/index.js when it is missing or older than what it is built from; webpack's output goes to stderr. */
const ensureBuilt = () => {
  const built = fs.existsSync(DIST) ? fs.statSync(DIST).mtimeMs : 0;
  const changed = BUILD_INPUTS.find((input) => newestMtime(path.join(ROOT, input)) > built);
  if (!changed) return;
  console.error(built ? `Building dist/ (${changed} changed since the last build)…` : "Building dist/ (first run)…");
  const result = childProcess.spawnSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js")], {
    cwd: ROOT,
    stdio: ["ignore", process.stderr, process.stderr],
  });
  if (result.status !== 0) throw new UsageError("The build failed (see above): fix it, or run `npm run build`.");
};

/** The built component. Loaded only after SAGE_API_BASE_URL is settled. */
const loadComponent = () => {
  ensureBuilt();
  const loaded = require(DIST);
  return loaded.default ?? loaded;
};

/**
 * The converted input definitions of an action, as spectral's component() lists them.
 * @typedef {{ key: string, label: string, type: string, collection?: string, required?: boolean, default?: unknown,
 *   comments?: string, placeholder?: string, example?: string, shown?: boolean, model?: { label: string, value: string }[],
 *   clean?: { accepts?: string } }} InputDefinition
 */

const comparable = (/** @type {string} */ text) => text.toLowerCase().replace(/[\s_-]+/g, "");

/**
 * A key-value list input from the command line: `name:value` (or `name=value`) pairs, a JSON object,
 * or a JSON list of { key, value }, as Prismatic's key-value inputs pass them to the action.
 * @param {string} key @param {string[]} given
 */
const keyValueList = (key, given) =>
  given.flatMap((text) => {
    const trimmed = text.trim();
    if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
      let parsed;
      try {
        parsed = JSON.parse(trimmed);
      } catch (error) {
        throw new UsageError(`${key}: not valid JSON (${/** @type {Error} */ (error).message})`);
      }
      return Array.isArray(parsed) ? parsed : Object.entries(parsed).map(([name, value]) => ({ key: name, value }));
    }
    const at = trimmed.search(/[:=]/);
    if (at < 1)
      throw new UsageError(`${key}: expected name:value (e.g. ${key}=Accept:application/json), got "${text}"`);
    return [{ key: trimmed.slice(0, at).trim(), value: trimmed.slice(at + 1).trim() }];
  });

/**
 * The inputs for the harness: every key must be one of the action's, so a typo (credit_days for
 * creditDays) is an error instead of an input silently left out. The values go through the
 * action's own cleaners in the harness, which refuse what the action would refuse.
 * @param {any} action @param {Record<string, string | string[]>} given
 */
const inputsFor = (action, given) => {
  /** @type {InputDefinition[]} */
  const definitions = (action.inputs ?? []).filter(
    (/** @type {InputDefinition} */ input) => input.type !== "connection",
  );
  /** @type {Record<string, unknown>} */
  const inputs = {};
  for (const [key, value] of Object.entries(given)) {
    const definition = definitions.find((input) => input.key === key);
    if (!definition) {
      const close = definitions.filter(
        (input) => comparable(input.key) === comparable(key) || comparable(input.label) === comparable(key),
      );
      const hint = close.length
        ? `Did you mean ${close.map((input) => `${input.key} ("${input.label}")`).join(" or ")}?`
        : `Its inputs: ${definitions.map((input) => input.key).join(", ")}.`;
      throw new UsageError(
        `${action.display.label} has no input "${key}". ${hint} See npm start -- --help "${action.display.label}".`,
      );
    }
    const values = Array.isArray(value) ? value : [value];
    if (definition.collection === "keyvaluelist") inputs[key] = keyValueList(key, values);
    else if (definition.collection === "valuelist" || values.length > 1)
      inputs[key] = values.length > 1 ? values : value;
    else inputs[key] = value;
  }
  return inputs;
};

/** One action's inputs as a table: key, type, required, default and what the input accepts. @param {any} action */
const actionHelp = (action) => {
  /** @type {InputDefinition[]} */
  const inputs = (action.inputs ?? []).filter(
    (/** @type {InputDefinition} */ input) => input.type !== "connection" && input.shown !== false,
  );
  const rows = inputs.map((input) => {
    const type =
      input.collection === "keyvaluelist"
        ? "key-value list"
        : input.collection === "valuelist"
          ? `list of ${input.type}`
          : input.type;
    const defaultValue = input.default === undefined || input.default === "" ? "" : JSON.stringify(input.default);
    const accepts =
      input.clean?.accepts ??
      (input.model?.length ? `one of ${input.model.map((option) => JSON.stringify(option.value)).join(", ")}` : "");
    return [
      input.key,
      input.label,
      type,
      input.required ? "yes" : "",
      defaultValue.length > 40 ? "(template)" : defaultValue,
      accepts,
    ];
  });
  const header = ["key", "label", "type", "required", "default", "accepts"];
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i].length)));
  const line = (/** @type {string[]} */ cells) =>
    cells
      .map((text, i) => text.padEnd(widths[i]))
      .join("  ")
      .trimEnd();
  return [
    `${action.display.label} (${action.key}): ${action.display.description}`,
    "",
    `  npm start --silent -- ${action.key}${inputs
      .filter((input) => input.required)
      .map((input) => ` ${input.key}=…`)
      .join("")}`,
    "",
    ...[header, ...rows].map((row) => `  ${line(row)}`),
    "",
  ].join("\n");
};

/** Write to stdout and wait until it is handed to the OS: exiting earlier cuts a piped result short. */
const writeOut = (/** @type {string} */ text) =>
  new Promise((resolve, reject) => process.stdout.write(text, (error) => (error ? reject(error) : resolve(undefined))));

const harnessFor = (/** @type {any} */ component) => {
  // Spectral's harness applies input defaults and cleaners, as Prismatic does.
  const { createHarness } = require("@prismatic-io/spectral/dist/testing");
  return createHarness(component);
};

/** A Sage OAuth connection as Prismatic hands it to an action. */
const sageConnection = (/** @type {string} */ accessToken, /** @type {string | undefined} */ businessId) => {
  const { createConnection } = require("@prismatic-io/spectral/dist/testing");
  // Only the key of the connection definition matters here (the built component's own is "oauth").
  return createConnection(
    /** @type {any} */ ({ key: "oauth" }),
    { scopes: "full_access", clientId: "local", clientSecret: "local", ...(businessId ? { businessId } : {}) },
    { access_token: accessToken },
  );
};

/** The real connection from the environment, if one is given. */
const realConnection = () => {
  const businessId = process.env.SAGE_BUSINESS_ID?.trim() || undefined;
  if (process.env.SAGE_ACCESS_TOKEN)
    return { connection: sageConnection(process.env.SAGE_ACCESS_TOKEN, businessId), source: "SAGE_ACCESS_TOKEN" };
  const raw = process.env.PRISMATIC_CONNECTION_VALUE;
  if (!raw) return undefined;
  let parsed;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new UsageError(
      "PRISMATIC_CONNECTION_VALUE is not JSON (expected Prismatic's connection value with fields and token).",
    );
  }
  // Spectral's connectionValue() blanks the key; the component checks it is its OAuth connection.
  const connection = {
    ...parsed,
    key: "oauth",
    fields: { ...(parsed.fields ?? {}), ...(businessId ? { businessId } : {}) },
  };
  return { connection, source: "PRISMATIC_CONNECTION_VALUE" };
};

/** An action by key, or by label (case and spacing ignored). */
const findAction = (/** @type {any} */ component, /** @type {string} */ wanted) => {
  const actions = /** @type {Record<string, any>} */ (component.actions);
  if (actions[wanted]) return wanted;
  const norm = comparable;
  const key = Object.keys(actions).find(
    (k) => norm(actions[k].display?.label ?? "") === norm(wanted) || norm(k) === norm(wanted),
  );
  if (key) return key;
  const close = Object.keys(actions)
    .filter((k) => norm(k).includes(norm(wanted)) || norm(actions[k].display?.label ?? "").includes(norm(wanted)))
    .map((k) => `"${actions[k].display?.label}" (${k})`);
  const list = close.length ? close : Object.keys(actions).map((k) => `"${actions[k].display?.label}" (${k})`);
  throw new UsageError(`No action "${wanted}". ${close.length ? "Did you mean" : "Actions"}: ${list.join(", ")}`);
};

/** One readable line for any failure. */
const describeError = (/** @type {unknown} */ error) => (error instanceof Error ? error.message : String(error));

const short = (/** @type {string} */ id) =>
  typeof id === "string" && id.length > 8 ? `${id.slice(0, 4)}…` : String(id);
const money = (/** @type {unknown} */ n) => (typeof n === "number" ? n.toFixed(2) : String(n));
const today = () => new Date().toISOString().slice(0, 10);
const addDays = (/** @type {string} */ date, /** @type {number} */ days) => {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
};

/** @param {{ dataFile?: string, port?: number }} args */
const startLocal = async (args) => {
  const sandbox = await startSandbox({ dataFile: args.dataFile, port: args.port });
  process.env.SAGE_API_BASE_URL = sandbox.url;
  return sandbox;
};

// ------------------------------------------------------------------------------------------------
// The default flow

/**
 * A realistic first session: each step is one action; a step whose action is not in the build
 * is skipped with a note, and so are the steps that need its result.
 * @param {any} component
 * @param {any} connection
 * @param {(line: string) => void} print
 */
const runFlow = async (component, connection, print) => {
  const harness = harnessFor(component);
  const has = (/** @type {string} */ key) => Boolean(component.actions[key]);
  const label = (/** @type {string} */ key) => component.actions[key]?.display?.label ?? key;
  /** @param {string} key @param {Record<string, unknown>} params @returns {Promise<any>} Sage's JSON, as the action returns it */
  const run = async (key, params) => {
    try {
      return await harness.action(key, { connection, ...params });
    } catch (error) {
      throw new FlowError(label(key), error);
    }
  };
  /**
   * @param {string} key
   * @param {string[]} needs  names of earlier results this step needs
   * @param {() => Promise<string | undefined>} body
   */
  const step = async (key, needs, body) => {
    if (!has(key)) return print(`– Skipped ${key}: this build has no such action yet`);
    const missing = needs.find((n) => !(n in got) || got[n] === undefined);
    if (missing) return print(`– Skipped ${label(key)}: needs ${missing} from an earlier step`);
    const line = await body();
    if (line) print(`✔ ${label(key)} → ${line}`);
  };
  /** @type {Record<string, any>} */
  const got = {};
  const stamp = Date.now().toString(36).toUpperCase();
  const date = today();

  await step("listContactTypes", [], async () => {
    const { data } = await run("listContactTypes", {});
    return `${data.$total} contact types: ${data.$items.map((/** @type {any} */ t) => `${t.displayed_as} (${t.id})`).join(", ")}`;
  });

  await step("createContact", [], async () => {
    const { data } = await run("createContact", {
      name: "Acme Trading Ltd",
      contactTypeIds: ["CUSTOMER"],
      reference: `ACME-${stamp}`,
      creditDays: "30",
      addressLine1: "1 High Street",
      city: "London",
      postalCode: "EC1A 1BB",
      countryId: "GB",
      deliveryAddressLine1: "Unit 4, Dock Road",
      deliveryAddressCity: "Tilbury",
      deliveryAddressPostalCode: "RM18 7EH",
      deliveryAddressCountryId: "GB",
      accountName: "Acme Trading Ltd",
      accountNumber: "12345678",
      sortCode: "40-11-62",
    });
    got.contact = data;
    return `${data.displayed_as} (id ${short(data.id)}), main address ${data.main_address?.city ?? "?"}, delivery address ${data.delivery_address?.city ?? "none"}`;
  });

  await step("createLedgerAccount", [], async () => {
    // A free nominal code, so the flow also runs against a --data file it has run against before.
    let nominalCode = 4100 + Math.floor(Math.random() * 800);
    if (has("listLedgerAccounts")) {
      const { data } = await run("listLedgerAccounts", { fetchAll: true, attributes: "nominal_code" });
      const used = new Set(data.$items.map((/** @type {any} */ a) => a.nominal_code));
      nominalCode = 4100;
      while (used.has(nominalCode)) nominalCode++;
    }
    const { data } = await run("createLedgerAccount", {
      ledgerAccountTypeId: "SALES",
      includedInChart: true,
      name: "Consulting income",
      displayName: "Consulting income",
      nominalCode: String(nominalCode),
      taxRateId: "GB_STANDARD",
    });
    got.ledgerAccount = data;
    return `${data.displayed_as} (id ${short(data.id)})`;
  });

  await step("createSalesInvoice", ["contact", "ledgerAccount"], async () => {
    const lines = [
      {
        description: "Consulting (day rate)",
        ledger_account_id: got.ledgerAccount.id,
        quantity: 2,
        unit_price: 650,
        tax_rate_id: "GB_STANDARD",
      },
      {
        description: "Travel",
        ledger_account_id: got.ledgerAccount.id,
        quantity: 1,
        unit_price: 85.5,
        tax_rate_id: "GB_ZERO",
      },
    ];
    const { data } = await run("createSalesInvoice", {
      contactId: got.contact.id,
      date,
      invoiceLines: JSON.stringify(lines),
    });
    got.invoice = data;
    return `${data.displayed_as} for ${data.contact_name}: net ${money(data.net_amount)}, VAT ${money(data.tax_amount)}, total ${money(data.total_amount)}, ${data.status?.id}`;
  });

  await step("listSalesInvoices", [], async () => {
    const { data } = await run("listSalesInvoices", { itemsPerPage: "5" });
    return `${data.$total} sales invoice(s); this page: ${data.$items.map((/** @type {any} */ i) => i.displayed_as).join(", ") || "none"}`;
  });

  await step("getSalesInvoice", ["invoice"], async () => {
    const { data } = await run("getSalesInvoice", { salesInvoiceId: got.invoice.id });
    return `${data.displayed_as}: ${data.invoice_lines?.length ?? 0} lines, due ${data.due_date}, outstanding ${money(data.outstanding_amount)}`;
  });

  await step("updateSalesInvoice", ["invoice"], async () => {
    const { data } = await run("updateSalesInvoice", {
      salesInvoiceId: got.invoice.id,
      notes: "Thank you for your business.",
      dueDate: addDays(date, 14),
    });
    return `${data.displayed_as}: due date now ${data.due_date}, notes "${data.notes}"`;
  });

  if (has("recordSalesInvoicePayment")) {
    // The payment needs a bank account: the first one, from the list action or Raw Request.
    if (has("listBankAccounts"))
      got.bankAccount = (await run("listBankAccounts", { itemsPerPage: "1" })).data.$items[0];
    else if (has("rawRequest"))
      got.bankAccount = (await run("rawRequest", { url: "/bank_accounts", method: "GET" })).data.$items[0];
  }
  await step("recordSalesInvoicePayment", ["invoice", "bankAccount"], async () => {
    const { data } = await run("recordSalesInvoicePayment", {
      invoiceId: got.invoice.id,
      bankAccountId: got.bankAccount.id,
      amount: "500",
      date,
      reference: `PAY-${stamp}`,
    });
    got.payment = data;
    const after = has("getSalesInvoice")
      ? (await run("getSalesInvoice", { salesInvoiceId: got.invoice.id })).data
      : undefined;
    return `${money(data.total_amount)} into ${got.bankAccount.displayed_as}${after ? `; ${after.displayed_as} now ${after.status?.id}, ${money(after.outstanding_amount)} outstanding` : ""}`;
  });

  // Sage will not void an invoice with payments allocated: remove the payment first.
  await step("deleteContactPayment", ["payment"], async () => {
    await run("deleteContactPayment", { contactPaymentId: got.payment.id });
    return `payment ${got.payment.displayed_as} removed; the invoice is unpaid again`;
  });
  if (got.payment && !has("deleteContactPayment")) {
    print("– Skipped Delete Sales Invoice: the invoice has a payment and this build cannot delete payments");
    return;
  }

  await step("deleteSalesInvoice", ["invoice"], async () => {
    const { data } = await run("deleteSalesInvoice", {
      salesInvoiceId: got.invoice.id,
      voidReason: "Raised in error (sandbox demo)",
    });
    const status = data?.salesInvoice?.status?.id ?? (data?.voided ? "VOID" : data?.deleted ? "deleted" : "done");
    return `${got.invoice.displayed_as} ${status === "VOID" ? "voided" : status}`;
  });
};

class FlowError extends Error {
  /** @param {string} step @param {unknown} cause */
  constructor(step, cause) {
    super(`${step} failed: ${describeError(cause)}`);
    this.step = step;
  }
}

// ------------------------------------------------------------------------------------------------

/** A sandbox another process runs (npm start -- --serve), from SAGE_SANDBOX_URL and SAGE_SANDBOX_TOKEN. */
const runningSandbox = () => {
  const url = process.env.SAGE_SANDBOX_URL?.trim();
  if (!url) return undefined;
  const token = process.env.SAGE_SANDBOX_TOKEN?.trim();
  if (!token)
    throw new UsageError("SAGE_SANDBOX_URL is set but SAGE_SANDBOX_TOKEN is not: copy both from npm start -- --serve.");
  return { url, token };
};

/** Logs (Spectral's debug output, context.logger) go to stderr, so stdout holds only the result. */
const logsToStderr = () => {
  for (const name of /** @type {const} */ (["log", "info", "debug"])) console[name] = console.error;
};

/** @returns {Promise<number>} the exit code */
const main = async () => {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    if (args.action === undefined) {
      await writeOut(USAGE);
      return 0;
    }
    const component = loadComponent();
    await writeOut(actionHelp(component.actions[findAction(component, args.action)]));
    return 0;
  }

  if (args.serve) {
    const sandbox = await startSandbox({
      dataFile: args.dataFile,
      port: args.port,
      token: process.env.SAGE_SANDBOX_TOKEN?.trim() || undefined,
    });
    await writeOut(`export SAGE_SANDBOX_URL=${sandbox.url}\nexport SAGE_SANDBOX_TOKEN=${sandbox.token}\n`);
    console.error(
      `Sage sandbox up${args.dataFile ? `, records in ${args.dataFile}` : " (in memory)"}; lead business ${sandbox.businesses.lead}, second ${sandbox.businesses.second} (X-Business). ` +
        "Paste the two export lines into another shell to point npm start or curl at it. Ctrl-C to stop.",
    );
    await new Promise((resolve) => {
      const stop = () => resolve(undefined);
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
    await sandbox.stop();
    return 0;
  }

  if (args.action !== undefined) {
    logsToStderr();
    const real = realConnection();
    const running = real ? undefined : runningSandbox();
    if (running) process.env.SAGE_API_BASE_URL = running.url;
    const sandbox = real || running ? undefined : await startLocal(args);
    try {
      const component = loadComponent();
      const key = findAction(component, args.action);
      const inputs = inputsFor(component.actions[key], args.inputs);
      const businessId = process.env.SAGE_BUSINESS_ID?.trim() || undefined;
      const connection =
        real?.connection ?? sageConnection(running?.token ?? /** @type {any} */ (sandbox).token, businessId);
      const target = real
        ? `Sage (${process.env.SAGE_API_BASE_URL ? process.env.SAGE_API_BASE_URL : "api.accounting.sage.com"}, connection from ${real.source})`
        : running
          ? `the sandbox at ${running.url} (SAGE_SANDBOX_URL)`
          : `a fresh local sandbox${args.dataFile ? ` with the records of ${args.dataFile}` : ""}`;
      console.error(`Running ${component.actions[key].display?.label ?? key} (${key}) against ${target}`);
      const result = await harnessFor(component).action(key, { connection, ...inputs });
      await writeOut(`${JSON.stringify(result, null, 2)}\n`);
      return 0;
    } finally {
      await sandbox?.stop();
    }
  }

  const sandbox = await startLocal(args);
  try {
    const component = loadComponent();
    const print = (/** @type {string} */ line) => process.stdout.write(`${line}\n`);
    print(
      `Sage sandbox at ${sandbox.url} (lead business ${sandbox.businesses.lead}${args.dataFile ? `, records in ${args.dataFile}` : ""})`,
    );
    await runFlow(component, sageConnection(sandbox.token, undefined), print);
    await writeOut(`Done: ${sandbox.requestLog.length} requests to the sandbox.\n`);
    return 0;
  } finally {
    await sandbox.stop();
  }
};

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      if (error instanceof FlowError) console.error(`✘ ${error.message}`);
      else if (error instanceof UsageError) console.error(`${error.message}\nRun \`npm start -- --help\` for usage.`);
      else console.error(`✘ ${describeError(error)}`);
      process.exit(1);
    },
  );
}

module.exports = { parseArgs, runFlow, findAction, realConnection, sageConnection, inputsFor, actionHelp };
