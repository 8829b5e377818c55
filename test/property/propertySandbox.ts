import nock from "nock";
import type { LogEntry, Sandbox } from "../../sandbox";
import { RESOURCES } from "../../src/resources";
import type { SageResource } from "../../src/resources/resource";
import { runAction, TEST_TOKEN } from "../helpers";
import { idByNominalCode } from "../sandbox/client";
import { sandboxForFile } from "../sandboxForFile";

/** One request as the sandbox received it, as the contract checks it (checks.ts). */
export interface RecordedRequest {
  method: string;
  /** Path as sent on the wire, from the origin, still percent-encoded, without the query string. */
  path: string;
  query: [string, string][];
  /** The body text as sent (empty when there was none; JSON re-serialised from the sandbox's log). */
  rawBody: string;
  /** The body parsed as JSON, or undefined when it was empty or not JSON. */
  body: unknown;
}

/** The placeholder a baseline writes for a declared resource's record: "$salesCreditNotes" (its draft: "$salesCreditNotesDraft"). */
export const placeholderOf = (resource: SageResource, draft = false) =>
  `$${resource.path.slice(1).replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase())}${draft ? "Draft" : ""}`;

/**
 * Put the world's ids in for the placeholders ("$customer", "$salesLedger", ...): a string that is
 * one, or JSON text (invoice lines) that holds one as a string value.
 */
export const withIds = (value: unknown, ids: Record<string, string>): unknown => {
  if (typeof value === "string") {
    if (value in ids) return ids[value];
    return value.replace(/"(\$\w+)"/g, (text, name: string) => (name in ids ? JSON.stringify(ids[name]) : text));
  }
  if (Array.isArray(value)) return value.map((item) => withIds(item, ids));
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype)
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, withIds(entry, ids)]));
  return value;
};

const ok = async (key: string, params: Record<string, unknown>) =>
  (await runAction(key, params)) as { data: Record<string, unknown> & { id: string } };

/**
 * The records every baseline refers to, made through the component on a fresh sandbox: a contact
 * that is customer and vendor (with a spare person and a spare contact to delete), invoices (one
 * paid in part, so a payment exists without blocking the other's void), and a live and a draft
 * record of every declared resource. Returns each placeholder's id.
 */
const buildWorld = async (sandbox: Sandbox): Promise<Record<string, string>> => {
  const ids: Record<string, string> = {
    $salesLedger: idByNominalCode(sandbox, "ledger_accounts", 4000),
    $purchaseLedger: idByNominalCode(sandbox, "ledger_accounts", 5000),
    $bankAccount: idByNominalCode(sandbox, "bank_accounts", 1200),
    $savingsAccount: idByNominalCode(sandbox, "bank_accounts", 1210),
    $cashAccount: idByNominalCode(sandbox, "bank_accounts", 1230),
  };
  const customer = (
    await ok("createContact", {
      name: "Property Customer Ltd",
      contactTypeIds: ["CUSTOMER", "VENDOR"],
      addressLine1: "1 High Street",
      city: "Leeds",
      countryId: "GB",
    })
  ).data;
  ids.$customer = customer.id;
  ids.$address = (customer.main_address as { id: string }).id;
  ids.$spareContact = (await ok("createContact", { name: "Spare Ltd", contactTypeIds: ["CUSTOMER"] })).data.id;
  ids.$person = (
    await ok("createContactPerson", { addressId: ids.$address, name: "Jane Smith", contactPersonTypeIds: ["ACCOUNTS"] })
  ).data.id;
  // A resource without a generic create (attachments: Upload Attachment) gets its record below.
  for (const resource of RESOURCES.filter((declared) => declared.create)) {
    const create = withIds(sampleCreate(resource), ids) as Record<string, unknown>;
    ids[placeholderOf(resource)] = (await ok(resource.create!.key, create)).data.id;
    if (resource.release)
      ids[placeholderOf(resource, true)] = (await ok(resource.create!.key, { ...create, statusId: "DRAFT" })).data.id;
  }
  const salesInvoices = RESOURCES.find((resource) => resource.path === "/sales_invoices")!;
  const paid = (await ok("createSalesInvoice", withIds(sampleCreate(salesInvoices), ids) as Record<string, unknown>))
    .data;
  ids.$transaction = (paid.transaction as { id: string }).id;
  ids.$attachments = (
    await ok("uploadAttachment", {
      file: { data: Buffer.from("%PDF-1.4\n%%EOF\n", "latin1"), contentType: "application/pdf" },
      fileName: "receipt.pdf",
      attachmentContextTypeId: "PURCHASE_INVOICE",
      attachmentContextId: ids.$purchaseInvoices,
    })
  ).data.id;
  // A contact allocation: part of a credit note of its own (an allocated one cannot be voided, and
  // "$salesCreditNotes" is voided by a baseline) set against the paid-in-part invoice.
  const salesCreditNotes = RESOURCES.find((resource) => resource.path === "/sales_credit_notes")!;
  const allocated = (
    await ok("createSalesCreditNote", withIds(sampleCreate(salesCreditNotes), ids) as Record<string, unknown>)
  ).data;
  ids.$contactAllocation = (
    await ok("applyCreditToInvoices", {
      creditType: "salesCreditNote",
      creditId: allocated.id,
      invoiceAllocations: JSON.stringify([{ invoice_id: paid.id, amount: 1 }]),
    })
  ).data.id;
  ids.$payment = (
    await ok("recordSalesInvoicePayment", { invoiceId: paid.id, bankAccountId: ids.$bankAccount, amount: "10" })
  ).data.id;
  return ids;
};

// The sample filler of the example-payload scenario (plain JS).
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const { fillSample } = require("../../scripts/example-payloads") as {
  fillSample: (sample: Record<string, unknown>, values: Record<string, string>) => Record<string, unknown>;
};

/** The world's placeholders for a declaration's sample values; one contact is customer and vendor. */
const SAMPLE_VALUES = {
  customer: "$customer",
  vendor: "$customer",
  salesLedger: "$salesLedger",
  purchaseLedger: "$purchaseLedger",
  currentAccount: "$bankAccount",
  savingsAccount: "$savingsAccount",
  cashAccount: "$cashAccount",
  today: "2026-01-31",
};

/** A declaration's sample create with placeholders for the world's ids. */
export const sampleCreate = (resource: SageResource) => fillSample(resource.sample.create, SAMPLE_VALUES);

/** A declaration's sample update (the fields an update needs besides the id), with placeholders. */
export const sampleUpdate = (resource: SageResource) => fillSample(resource.sample.update, SAMPLE_VALUES);

/** A request of the sandbox's log as it went over the wire. */
const recorded = (entry: LogEntry): RecordedRequest => {
  const target = new URL(entry.target, "http://127.0.0.1");
  let body: unknown = entry.body;
  // The log keeps the idempotency_id apart from the wrapper's fields: put it back where it was sent.
  if (entry.idempotencyId !== undefined && body && typeof body === "object") {
    const [wrapper] = Object.keys(body);
    body = { [wrapper]: { ...(body as Record<string, object>)[wrapper], idempotency_id: entry.idempotencyId } };
  }
  // A body the sandbox could not parse is logged as its text.
  const text = typeof body === "string";
  return {
    method: entry.method,
    path: target.pathname,
    query: [...target.searchParams.entries()],
    rawBody: body === undefined ? "" : text ? (body as string) : JSON.stringify(body),
    body: text ? undefined : body,
  };
};

/**
 * The sandbox for the property suites: started in-process for the file (the component is pointed
 * at it), the world built once, and every run started from that same world (`reset`), so a delete
 * or a payment of one run never changes what the next one meets. nock only guards the network:
 * a request to any other host is recorded as `foreign` and refused.
 */
export const propertySandbox = () => {
  const current = sandboxForFile({ token: TEST_TOKEN }, "propertySandbox()");
  let world = "";
  let ids: Record<string, string> = {};
  const foreign: string[] = [];
  // nock reports every request it has no mock for; those to the sandbox go through, any other is refused.
  const onNoMatch = (req: {
    method?: string;
    href?: string;
    path?: string;
    hostname?: string;
    port?: string | number;
  }) => {
    const where = req.href ?? `${req.hostname}:${req.port}${req.path}`;
    const sandbox = current.running();
    if (sandbox && where.startsWith(sandbox.origin)) return;
    foreign.push(`${req.method ?? "?"} ${where}`);
  };

  beforeAll(async () => {
    const sandbox = current();
    nock.disableNetConnect();
    nock.enableNetConnect(`127.0.0.1:${sandbox.port}`);
    nock.emitter.on("no match", onNoMatch);
    ids = await buildWorld(sandbox);
    world = sandbox.snapshot();
  }, 60_000);

  afterAll(() => {
    nock.emitter.removeListener("no match", onNoMatch);
    nock.enableNetConnect();
  });

  return {
    /** Back to the world as built, with an empty log. */
    reset() {
      // Reads change nothing: the world is rebuilt only after a run that wrote (or tried to).
      if (current().requestLog.some((entry) => entry.method !== "GET")) current().restore(world);
      current().clearLog();
      foreign.length = 0;
    },
    /** What the last run sent, in order. */
    get requests(): RecordedRequest[] {
      return current().requestLog.map(recorded);
    },
    foreign,
    /** The params with the world's ids in for the placeholders. */
    withIds: (params: Record<string, unknown>) => withIds(params, ids) as Record<string, unknown>,
  };
};

export type PropertySandbox = ReturnType<typeof propertySandbox>;
