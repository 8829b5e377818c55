import { spawnSync } from "child_process";
import crypto from "crypto";
import fs from "fs";
import os from "os";
import path from "path";
import http from "http";
import { createConnection, createHarness } from "@prismatic-io/spectral/dist/testing";
import nock from "nock";
import { type Sandbox, startSandbox } from "../../sandbox";
import component from "../../src";
import { RESOURCES } from "../../src/resources";
import { sageOAuth } from "../../src/connections";
import contactNested from "../fixtures/sage-recordings/contact-nested.json";
import contactTypes from "../fixtures/sage-recordings/contact-types.json";
import contactsList from "../fixtures/sage-recordings/contacts-list.json";
import businessesList from "../fixtures/sage-recordings/businesses-list.docs.json";
import salesInvoiceNested from "../fixtures/sage-recordings/sales-invoice-nested.json";

// scripts/check-live.js is plain JS (npm run check:live runs it on the built bundle); here it runs the source component.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const checkLive = require("../../scripts/check-live.js") as {
  runLiveCheck: (options: Record<string, unknown>) => Promise<{ exitCode: number; report: Report; reportPath: string }>;
  isReadAction: (key: string, action: unknown) => boolean;
  fillSandbox: (harness: unknown, connection: unknown, sandbox: Sandbox, resources: unknown) => Promise<void>;
};

interface Check {
  name: string;
  kind: string;
  key: string;
  status: string;
  note?: string;
  differences?: unknown[];
  newerInSage?: unknown[];
  notComparable?: unknown[];
  sage?: Record<string, unknown>;
}
interface Report {
  checks: Check[];
  cleanup: Record<string, unknown>[];
  summary: Record<string, number>;
  stopped?: string;
}

const ROOT = path.join(__dirname, "..", "..");
const SAGE = "https://api.accounting.sage.com";
const TOKEN = "live-check-secret-token-8d1f3c";
const sageConnection = () =>
  createConnection(
    sageOAuth,
    { scopes: "full_access", clientId: "id", clientSecret: "secret" },
    { access_token: TOKEN },
  );

// A whole check starts and fills a sandbox and runs some 100 steps: minutes on a loaded machine, not a timing test.
jest.setTimeout(180_000);

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "check-live-"));
  // Sage is nock; the comparison side is the real sandbox on loopback.
  nock.disableNetConnect();
  nock.enableNetConnect(/^(127\.0\.0\.1|localhost)/);
});
afterEach(() => nock.cleanAll());
afterAll(() => {
  nock.enableNetConnect();
  fs.rmSync(dir, { recursive: true, force: true });
});

const notFound = (noun: string) => [
  { $severity: "error", $dataCode: "RecordNotFound", $message: `${noun} not found`, $source: "" },
];
const envelope = (items: unknown[]) => ({
  $total: items.length,
  $page: 1,
  $next: null,
  $back: null,
  $itemsPerPage: 20,
  $items: items,
});

const run = async (options: Record<string, unknown> = {}) => {
  const lines: string[] = [];
  const result = await checkLive.runLiveCheck({
    component,
    resources: RESOURCES,
    connection: sageConnection(),
    delayMs: 0,
    reportPath: path.join(dir, `report-${crypto.randomUUID()}.json`),
    print: (line: string) => lines.push(line),
    ...options,
  });
  return { ...result, lines, text: fs.readFileSync(result.reportPath, "utf8") };
};

test("without a token it says how to get one and exits non-zero, writing no report", () => {
  const env = { ...process.env };
  delete env.SAGE_ACCESS_TOKEN;
  delete env.PRISMATIC_CONNECTION_VALUE;
  const result = spawnSync(process.execPath, [path.join(ROOT, "scripts", "check-live.js")], {
    cwd: dir,
    env,
    encoding: "utf8",
  });
  expect(result.status).toBe(2);
  expect(result.stderr).toContain("SAGE_ACCESS_TOKEN=<token> [SAGE_BUSINESS_ID=<id>] npm run check:live");
  expect(result.stderr).toContain("PRISMATIC_CONNECTION_VALUE");
  expect(result.stderr).toMatch(/free trial of Sage Business Cloud Accounting/);
  expect(result.stderr).toMatch(/Developer Self Service portal/);
  expect(result.stderr).toContain("https://oauth.accounting.sage.com/token");
  expect(fs.existsSync(path.join(dir, "live-check-report.json"))).toBe(false);
});

describe("read-only, against Sage's recorded answers", () => {
  // The recordings of real Sage; everything else answers as a new trial business would: empty lists.
  // Planted: Sage sends the contact types' $total as a string where the sandbox has a number.
  const planted = { ...contactTypes, $total: "2" };
  const sageAnswer = (uri: string): [number, unknown] => {
    const { pathname } = new URL(uri, SAGE);
    const [, , collection, id] = pathname.split("/");
    const records: Record<string, { list: unknown; one: { id: string } }> = {
      contacts: { list: contactsList, one: contactNested },
      sales_invoices: { list: envelope([salesInvoiceNested]), one: salesInvoiceNested },
    };
    // A record the recorded list holds is answered with the recorded record of its kind.
    const listed = (records[collection]?.list as { $items?: { id: string }[] } | undefined)?.$items ?? [];
    if (id) return listed.some((item) => item.id === id) ? [200, records[collection].one] : [404, notFound("Record")];
    if (collection === "contact_types") return [200, planted];
    if (collection === "businesses") return [200, businessesList];
    return [200, records[collection]?.list ?? envelope([])];
  };

  const scope = () =>
    nock(SAGE, { reqheaders: { authorization: `Bearer ${TOKEN}` } })
      .persist()
      .get(/^\/v3\.1\//)
      .reply((uri) => {
        const [status, body] = sageAnswer(uri);
        return [status, body, { Date: new Date().toUTCString() }];
      });

  test("the report lists the planted difference, and nothing else for that check", async () => {
    scope();
    const { exitCode, report, lines } = await run();
    const contactTypesCheck = report.checks.find(
      (check) => check.key === "listContactTypes" && check.kind === "action",
    );
    expect(contactTypesCheck).toEqual({
      name: "List Contact Types",
      kind: "action",
      key: "listContactTypes",
      status: "differs",
      differences: [{ path: "$.data.$total", kind: "type", expected: "integer", actual: "string" }],
      newerInSage: [],
      notComparable: [],
    });
    expect(lines).toContain(
      "✘ List Contact Types: 1 difference(s): $.data.$total is string in Sage, integer in the sandbox",
    );
    expect(exitCode).toBe(1);
    // Every read action of the component was checked (derived from component.actions, not a table).
    const readKeys = Object.entries(component.actions)
      .filter(([key, action]) => checkLive.isReadAction(key, action))
      .map(([key]) => key);
    expect(readKeys).toEqual(expect.arrayContaining(["listContacts", "getContact", "findContacts", "getSalesInvoice"]));
    expect(readKeys).not.toContain("findOrCreateContact");
    const checked = new Set(report.checks.filter((c) => c.kind === "action").map((c) => c.key));
    expect([...checked].sort()).toEqual([...readKeys].sort());
    expect(report.checks.filter((c) => c.kind === "dataSource")).toHaveLength(
      Object.keys(component.dataSources).length,
    );
    // Every trigger polled, a trigger with a Resource Type or Invoice Type once per choice.
    const polled = report.checks.filter((c) => c.kind === "trigger").map((c) => c.key);
    expect([...new Set(polled)].sort()).toEqual(Object.keys(component.triggers).sort());
    expect(polled.filter((key) => key === "pollChangesTrigger").length).toBeGreaterThan(4);
    // The recorded contact and invoice were read by id; a get with no record in Sage is skipped.
    for (const key of ["getContact", "getSalesInvoice"])
      expect(["same", "differs"]).toContain(report.checks.find((c) => c.key === key && c.kind === "action")?.status);
    expect(report.checks.find((c) => c.key === "getContactPerson" && c.kind === "action")?.status).toBe("skipped");
    // The same not-found error shape on both sides for an id that does not exist.
    expect(report.checks.find((c) => c.key === "getContact" && c.kind === "notFound")?.status).toBe("same");
  });

  test("the report holds no token and no value of the records Sage sent", async () => {
    scope();
    const { text, lines } = await run();
    expect(text).not.toContain(TOKEN);
    expect(lines.join("\n")).not.toContain(TOKEN);
    const values = new Set<string>();
    const collect = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(collect);
      else if (value && typeof value === "object") Object.values(value).forEach(collect);
      else if ((typeof value === "string" && value.length >= 4) || typeof value === "number") values.add(String(value));
    };
    [contactsList, contactNested, salesInvoiceNested, businessesList].forEach(collect);
    // Check names come from the component's labels, paths and requests from Sage's keys and endpoints, so words such
    // as "Sales" may appear there; every other string of the report must hold no recorded value.
    const vocabulary = new Set([
      "name",
      "key",
      "kind",
      "status",
      "path",
      "request",
      "expected",
      "actual",
      "note",
      "howToRead",
    ]);
    const withoutVocabulary = JSON.stringify(JSON.parse(text), (key, value: unknown) =>
      vocabulary.has(key) ? undefined : value,
    );
    expect([...values].filter((value) => !/^\d{1,3}$/.test(value) && withoutVocabulary.includes(value))).toEqual([]);
    // Anything that is not a plain word or key-like name (names with "&", ids, dates, amounts, emails) appears nowhere.
    expect(
      [...values].filter((value) => !/^[A-Za-z_ ]+$/.test(value) && !/^\d{1,3}$/.test(value) && text.includes(value)),
    ).toEqual([]);
    // Names and amounts in particular.
    expect(text).not.toContain("Kinghorn");
    expect(text).not.toContain("6011.4");
  });

  test("a 401 stops the check at once with Sage's reason", async () => {
    nock(SAGE)
      .get(/^\/v3\.1\//)
      .reply(401, [
        {
          $severity: "error",
          $dataCode: "AuthorizationFailure",
          $message: "No active subscription. (MSE)",
          $source: "",
        },
      ]);
    const { exitCode, report } = await run();
    expect(exitCode).toBe(2);
    expect(report.stopped).toMatch(/stopped: .*401 on GET \/contacts.*No active subscription/);
    expect(report.checks).toHaveLength(0);
    expect(nock.pendingMocks()).toEqual([]);
  });
});

describe("read-only, against a stand-in Sage that answers exactly as the sandbox does", () => {
  // A second sandbox holding the same kinds of records plays Sage behind nock, so every answer
  // has the sandbox's shape whatever the sandbox does today; one field is planted.
  let standIn: Sandbox;
  beforeAll(async () => {
    standIn = await startSandbox();
    process.env.SAGE_API_BASE_URL = standIn.url;
    try {
      const connection = createConnection(
        sageOAuth,
        { scopes: "full_access", clientId: "id", clientSecret: "secret" },
        { access_token: standIn.token },
      );
      await checkLive.fillSandbox(createHarness(component), connection, standIn, RESOURCES);
    } finally {
      delete process.env.SAGE_API_BASE_URL;
    }
  });
  afterAll(() => standIn.stop());

  /** Forward a request to the stand-in; `plant` may change its answer. */
  const forward = (method: string, uri: string, plant: (pathname: string, body: unknown) => unknown) =>
    new Promise<[number, unknown, Record<string, string>]>((resolve, reject) => {
      const request = http.request(
        `${standIn.origin}${uri}`,
        { method, headers: { authorization: `Bearer ${standIn.token}`, accept: "application/json" } },
        (response) => {
          let text = "";
          response.on("data", (chunk: Buffer) => (text += chunk.toString()));
          response.on("end", () => {
            const body: unknown = text ? JSON.parse(text) : "";
            resolve([
              response.statusCode ?? 500,
              plant(new URL(uri, SAGE).pathname, body),
              { Date: String(response.headers.date) },
            ]);
          });
        },
      );
      request.on("error", reject);
      request.end();
    });

  test("the only difference in the whole report is the planted one", async () => {
    // Sage's answer to GET /ledger_accounts carries nominal_code as a string where the sandbox has a number.
    const plant = (pathname: string, body: unknown) =>
      pathname === "/v3.1/ledger_accounts"
        ? {
            ...(body as object),
            $items: (body as { $items: Record<string, unknown>[] }).$items.map((account) => ({
              ...account,
              nominal_code: String(account.nominal_code),
            })),
          }
        : body;
    nock(SAGE, { reqheaders: { authorization: `Bearer ${TOKEN}` } })
      .persist()
      .get(/^\/v3\.1\//)
      .reply((uri, _body, callback) => {
        forward("GET", uri, plant).then(
          (answer) => callback(null, answer as nock.ReplyFnResult),
          (error: Error) => callback(error, [500, ""]),
        );
      });
    const { exitCode, report } = await run();
    const notSame = report.checks.filter((check) => check.status !== "same" && check.status !== "skipped");
    expect(notSame).toEqual([
      {
        name: "List Ledger Accounts",
        kind: "action",
        key: "listLedgerAccounts",
        status: "differs",
        differences: [{ path: "$.data.$items[].nominal_code", kind: "type", expected: "integer", actual: "string" }],
        newerInSage: [],
        notComparable: [],
      },
      // Get Trial Balance reads the same ledger accounts and passes the nominal code on as Sage sent it.
      {
        name: "Get Trial Balance",
        kind: "action",
        key: "getTrialBalance",
        status: "differs",
        differences: [
          { path: "$.data.groups[].accounts[].nominalCode", kind: "type", expected: "integer", actual: "string" },
        ],
        newerInSage: [],
        notComparable: [],
      },
    ]);
    expect(report.checks.flatMap((check) => check.newerInSage ?? [])).toEqual([]);
    // Every get action found a record to read on both sides; only the files (the PDF, an attachment's) have
    // no keys to compare, the finds by number or reference have no id to take from a list, and the catalogue's
    // finds need an item code or description to look for.
    const skipped = report.checks.filter((check) => check.status === "skipped");
    expect(skipped.map(({ key, note }) => `${key}: ${note}`).sort()).toEqual([
      "downloadAttachment: answers a file, not JSON",
      "findProduct: needs an input to look for",
      "findPurchaseInvoice: looks records up by a text, not by an id",
      "findSalesInvoice: looks records up by a text, not by an id",
      "findService: needs an input to look for",
      "findStockItem: needs an input to look for",
      "getSalesDocumentPdf: answers a file, not JSON",
    ]);
    expect(report.summary).toMatchObject({ differs: 2, failed: 0, skipped: 7 });
    expect(exitCode).toBe(1);
  });

  test("a business without Accounting Plus: the stock item checks fail with Sage's 403 and the check goes on", async () => {
    standIn.setAccountingPlus(false);
    nock(SAGE, { reqheaders: { authorization: `Bearer ${TOKEN}` } })
      .persist()
      .get(/^\/v3\.1\//)
      .reply((uri, _body, callback) => {
        forward("GET", uri, (_, body) => body).then(
          (answer) => callback(null, answer as nock.ReplyFnResult),
          (error: Error) => callback(error, [500, ""]),
        );
      });
    try {
      const { report } = await run();
      expect(report.stopped).toBeUndefined();
      const failed = report.checks.filter((check) => check.status === "failed");
      expect(failed.map((check) => check.key)).toEqual(expect.arrayContaining(["listStockItems", "selectStockItem"]));
      for (const check of failed)
        expect(check.sage).toMatchObject({ status: 403, request: expect.stringMatching(/^GET \/stock_items/) });
      expect(report.checks.find((check) => check.key === "listProducts")?.status).toBe("same");
    } finally {
      standIn.setAccountingPlus(true);
    }
  });
});

describe("--write", () => {
  /**
   * A small Sage stand-in: POST creates (Sage's `x_id` → `x: {id}` references), GET reads, PUT
   * merges. `fail` answers one request with an error instead.
   */
  const fakeSage = (fail: { method: string; path: string; status: number; body: unknown }[]) => {
    const records = new Map<string, Record<string, unknown>>();
    const requests: string[] = [];
    const asRecord = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(asRecord);
      if (!value || typeof value !== "object") return value;
      return Object.fromEntries(
        Object.entries(value).map(([key, entry]) =>
          key.endsWith("_ids")
            ? [key.replace(/_ids$/, "s"), (entry as string[]).map((id) => ({ id }))]
            : key.endsWith("_id")
              ? [key.replace(/_id$/, ""), { id: entry }]
              : [key, asRecord(entry)],
        ),
      );
    };
    const answer = (method: string, uri: string, body: unknown): [number, unknown] => {
      const { pathname } = new URL(uri, SAGE);
      const at = pathname.replace(/^\/v3\.1/, "");
      requests.push(`${method} ${at}`);
      const failure = fail.find((f) => f.method === method && at.startsWith(f.path));
      if (failure) return [failure.status, failure.body];
      const [, collection, id] = at.split("/");
      if (method === "POST") {
        const newId = crypto.randomBytes(16).toString("hex");
        const fields = Object.values(body as Record<string, unknown>)[0];
        const record = { id: newId, $path: `/${collection}/${newId}`, ...(asRecord(fields) as object) };
        records.set(`/${collection}/${newId}`, record);
        return [201, record];
      }
      const record = records.get(`/${collection}/${id}`);
      if (!record) return [404, notFound("Record")];
      if (method === "PUT") Object.assign(record, asRecord(Object.values(body as Record<string, unknown>)[0]));
      return [200, record];
    };
    const scope = nock(SAGE, { reqheaders: { authorization: `Bearer ${TOKEN}` } });
    scope
      .get("/v3.1/businesses")
      .reply(200, { ...businessesList, $total: 1, $items: businessesList.$items.slice(0, 1) });
    const business = businessesList.$items[0];
    scope.get(`/v3.1/businesses/${business.id}`).reply(200, { ...business, is_demo: true, subscriptions: [] });
    scope
      .get("/v3.1/tax_rates")
      .query(true)
      .reply(200, envelope([{ id: "GB_STANDARD", displayed_as: "Standard" }]));
    scope
      .get("/v3.1/bank_accounts")
      .query(true)
      .reply(200, envelope([{ id: "b".repeat(32), displayed_as: "Bank" }]));
    scope
      .get("/v3.1/ledger_accounts")
      .query(true)
      .reply(200, envelope([{ id: "c".repeat(32), nominal_code: 4150 }]));
    for (const method of ["GET", "POST", "PUT", "DELETE"])
      scope
        .persist()
        .intercept(/^\/v3\.1\/(contacts|ledger_accounts|sales_invoices|sales_credit_notes|contact_payments)/, method)
        .query(true)
        .reply((uri, body) => answer(method, uri, body));
    return { records, requests };
  };

  test("a step that fails in the middle is followed by cleaning up, in reverse order, what was created", async () => {
    const sage = fakeSage([
      { method: "POST", path: "/sales_credit_notes", status: 500, body: notFound("Server") },
      {
        method: "DELETE",
        path: "/contacts/",
        status: 422,
        body: [{ $severity: "error", $dataCode: "RecordInvalid", $message: "has transactions", $source: "" }],
      },
    ]);
    const { exitCode, report, text } = await run({ reads: false, write: true });
    const created = (collection: string) =>
      [...sage.records.values()].find((record) => String(record.$path).startsWith(`/${collection}/`))!;
    const [contact, ledger, invoice] = [created("contacts"), created("ledger_accounts"), created("sales_invoices")];
    expect(contact.name).toMatch(/^Prismatic live check \d{14}$/);
    expect(ledger).toMatchObject({ nominal_code: 4151, included_in_chart: false });
    // Failed at the credit note; no payment was made; then undone newest first.
    const writes = sage.requests.filter((request) => !request.startsWith("GET"));
    expect(writes.slice(-4)).toEqual([
      "POST /sales_credit_notes",
      `DELETE /sales_invoices/${invoice.id as string}`,
      `PUT /ledger_accounts/${ledger.id as string}`,
      `DELETE /contacts/${contact.id as string}`,
    ]);
    expect(writes).not.toContain("POST /contact_payments");
    expect(report.cleanup).toEqual([
      { what: "sales invoice", id: invoice.id, status: "voided" },
      { what: "ledger account", id: ledger.id, status: "hidden from the chart (Sage cannot delete ledger accounts)" },
      {
        what: "contact",
        id: contact.id,
        status: "left in the business",
        failure: { status: 422, request: "DELETE /contacts/{id}", dataCodes: ["RecordInvalid"], sources: [""] },
      },
    ]);
    expect(report.checks.find((check) => check.status === "failed")).toMatchObject({
      name: "Create Sales Credit Note",
      sage: { status: 500, request: "POST /sales_credit_notes" },
    });
    // What the component sent was kept (the stand-in echoes it).
    expect(report.checks.find((check) => check.name === "Create Contact")).toMatchObject({ status: "same" });
    expect(exitCode).toBe(1);
    expect(text).not.toContain(TOKEN);
  });

  test("a 401 in the middle stops the round trip, and what was created is still cleaned up", async () => {
    const sage = fakeSage([
      {
        method: "POST",
        path: "/ledger_accounts",
        status: 401,
        body: [{ $severity: "error", $dataCode: "AuthorizationFailure", $message: "Unauthorised", $source: "" }],
      },
    ]);
    const { exitCode, report } = await run({ reads: false, write: true });
    const contact = [...sage.records.values()][0];
    expect(sage.requests.slice(-2)).toEqual(["POST /ledger_accounts", `DELETE /contacts/${contact.id as string}`]);
    expect(report.cleanup).toEqual([{ what: "contact", id: contact.id, status: "removed" }]);
    expect(report.stopped).toMatch(/stopped: Sage API error 401 on POST \/ledger_accounts: Unauthorised/);
    expect(exitCode).toBe(2);
  });

  test("refuses a business that is not a trial or demo business, writing nothing", async () => {
    const business = businessesList.$items[0];
    nock(SAGE)
      .get("/v3.1/businesses")
      .reply(200, [{ ...business, is_demo: false, subscriptions: [{ active: true, status: "active" }] }]);
    const { exitCode, report } = await run({ reads: false, write: true });
    expect(exitCode).toBe(2);
    expect(report.stopped).toBe(
      "--write refused: the business is not marked as a trial or demo business. Use a trial business, or add --i-understand-this-writes.",
    );
    expect(report.checks).toEqual([]);
    expect(nock.pendingMocks()).toEqual([]);
  });
});
