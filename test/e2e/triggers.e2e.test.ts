import { sageTimestamp, SETTLE_MARGIN_MS } from "../../src/triggers/changes";
import { withSandbox } from "./withSandbox";

// The polling triggers (issue 7) against the sandbox over real HTTP, on the sandbox's injectable
// clock: records change between polls, Sage's Date header moves with the clock, nothing is lost
// and nothing is delivered twice.
const sage = withSandbox();

const MINUTE = 60_000;
let clock = 0;
/** Sage's clock (updated_at, the filter and the Date header) and the platform's: both follow `clock`. */
const setClock = (iso: string) => {
  clock = Date.parse(iso);
};
const advance = (ms: number) => {
  clock += ms;
};

// Each test runs on a day of its own from 09:00, so records of earlier tests never fall in its windows.
let day = 0;
let today = "";
/** A time of the current test's day, e.g. at("09:10:00") → "2026-03-05T09:10:00Z" (Sage's format for a mark we computed). */
const at = (time: string) => `${today}T${time}Z`;

beforeAll(() => sage.sandbox().setNow(() => new Date(clock)));
beforeEach(() => {
  day++;
  today = `2026-03-${String(day).padStart(2, "0")}`;
  setClock(at("09:00:00.000"));
  sage.sandbox().clearLog();
});

interface SageRecord {
  id: string;
  updated_at: string;
  created_at: string;
}

/** One deployed instance of a trigger: consecutive polls share its instance state, as on Prismatic. */
const instanceOf = (key: string, inputs: Record<string, unknown> = {}, businessId?: string) => {
  const instanceState: Record<string, unknown> = {};
  /** Every delivery of every poll, as "id@updated_at": a repeat shows up as a duplicate. */
  const deliveries: string[] = [];
  const poll = async () => {
    sage.sandbox().clearLog();
    const result = (await sage.harness.trigger(
      key,
      { startedAt: new Date(clock).toISOString() },
      { connection: sage.connection({ businessId }), ...inputs },
      { instanceState },
    )) as unknown as {
      payload: { body: { data: { created: SageRecord[]; updated: SageRecord[] } } };
      resultType?: string;
    };
    const { created, updated } = result.payload.body.data;
    const records = [...created, ...updated];
    deliveries.push(...records.map((record) => `${record.id}@${record.updated_at}`));
    const ids = (list: SageRecord[]) => list.map((record) => record.id).sort();
    return {
      created: ids(created),
      updated: ids(updated),
      records,
      noChanges: result.resultType === "polled_no_changes",
      // What this poll asked Sage for.
      requests: sage
        .sandbox()
        .requestLog.map((entry): Record<string, string> => ({ path: entry.path, ...entry.query })),
    };
  };
  const state = () =>
    (instanceState.__prismaticInternal as { polling?: { mark: string; seen: Record<string, string> } } | undefined)
      ?.polling;
  return { poll, state, deliveries };
};

const sorted = (...ids: string[]) => [...ids].sort();
/** The record's version as a delivery is counted. */
const version = (record: SageRecord) => `${record.id}@${record.updated_at}`;

describe("New and Updated Contacts over several polls", () => {
  const create = async (name: string) =>
    (await sage.run("createContact", { name, contactTypeIds: ["CUSTOMER"] })).data as SageRecord;
  const update = async (id: string, notes: string) =>
    (await sage.run("updateContact", { contactId: id, notes })).data as SageRecord;
  const stored = (id: string) => sage.sandbox().store.get("contacts", id) as SageRecord;

  test("inserts and updates between polls: each delivered once, as created or updated, none lost, none repeated", async () => {
    const a = await create("Poll A Ltd");
    const b = await create("Poll B Ltd");
    advance(10 * MINUTE);
    const trigger = instanceOf("contactsChanged");
    const versions: string[] = [];

    // 09:10: the first poll only marks where to start; nothing is asked of Sage yet.
    const first = await trigger.poll();
    expect(first).toMatchObject({ created: [], updated: [], noChanges: true, requests: [] });
    expect(trigger.state()).toEqual({ mark: at("09:10:00"), seen: {} });

    // 09:11: C is created and A updated.
    advance(MINUTE);
    const c = await create("Poll C Ltd");
    versions.push(version(c), version(await update(a.id, "first change")));
    advance(5 * MINUTE);
    // 09:16
    const second = await trigger.poll();
    expect(second).toMatchObject({ created: [c.id], updated: [a.id], noChanges: false });
    // Full records, with the addresses and people in full (nested_attributes=all).
    const answered = (id: string) => sage.sandbox().store.answer("contacts", id, { nested_attributes: "all" });
    expect(second.records).toEqual(expect.arrayContaining([answered(a.id), answered(c.id)]));
    expect(second.requests).toEqual([
      {
        path: "/contacts",
        nested_attributes: "all",
        exclude_system: "true",
        updated_or_created_since: at("09:10:00"),
        attributes: "all",
        page: "1",
        items_per_page: "200",
      },
    ]);
    // The mark is Sage's own updated_at of the newest change, 09:11:00 (whole seconds), which A and C share.
    const boundary = at("09:11:00");
    expect(stored(a.id).updated_at).toBe(boundary);
    expect(trigger.state()).toEqual({ mark: boundary, seen: { [a.id]: boundary, [c.id]: boundary } });

    // B is changed stamped exactly at the boundary (a write Sage committed after the last read),
    // C is changed again and E is created; A, also at the boundary, is untouched.
    const resume = clock;
    setClock(boundary);
    versions.push(version(await update(b.id, "at the boundary")));
    clock = resume + MINUTE;
    versions.push(version(await update(c.id, "second change")));
    const e = await create("Poll E Ltd");
    versions.push(version(e));
    advance(5 * MINUTE);
    // 09:22: A and C come back from Sage (the filter is inclusive) but only what changed is delivered.
    const third = await trigger.poll();
    expect(third.requests).toEqual([expect.objectContaining({ updated_or_created_since: boundary })]);
    expect(third).toMatchObject({ created: [e.id], updated: sorted(b.id, c.id) });
    expect(stored(b.id).updated_at).toBe(boundary);

    // 09:30: nothing changed: Sage is asked and nothing is delivered.
    advance(8 * MINUTE);
    const fourth = await trigger.poll();
    expect(fourth).toMatchObject({ created: [], updated: [], noChanges: true });
    expect(fourth.requests).toHaveLength(1);

    // A changes again: one more delivery of A, as updated, then quiet again.
    advance(MINUTE);
    versions.push(version(await update(a.id, "third change")));
    advance(5 * MINUTE);
    expect(await trigger.poll()).toMatchObject({ created: [], updated: [a.id] });
    advance(5 * MINUTE);
    expect(await trigger.poll()).toMatchObject({ noChanges: true });

    // Over all polls: every change delivered, each exactly once.
    expect(trigger.deliveries.sort()).toEqual(versions.sort());
  });

  test("more than 200 changed records: every page is read and each record delivered once", async () => {
    const second = sage.sandbox().businesses.second;
    const trigger = instanceOf("contactsChanged", {}, second);
    await trigger.poll();
    advance(MINUTE);
    const ids = sage.sandbox().seed("contacts", 450, { businessId: second });
    advance(5 * MINUTE);

    const poll = await trigger.poll();
    expect(poll.created).toEqual(sorted(...ids));
    expect(poll.updated).toEqual([]);
    expect(poll.requests.map((request) => request.page)).toEqual(["1", "2", "3"]);

    // Some of them change, on each page: only those come back, as updates.
    advance(MINUTE);
    const changed = [ids[0], ids[250], ids[449]];
    for (const id of changed)
      await sage.run("updateContact", {
        connection: sage.connection({ businessId: second }),
        contactId: id,
        notes: "x",
      });
    advance(5 * MINUTE);
    expect(await trigger.poll()).toMatchObject({ created: [], updated: sorted(...changed) });
    advance(5 * MINUTE);
    expect(await trigger.poll()).toMatchObject({ noChanges: true });
    expect(trigger.deliveries).toHaveLength(453);
    expect(new Set(trigger.deliveries).size).toBe(453);
  });

  test("a change inside the 60 s settle margin is delivered now and not again", async () => {
    const trigger = instanceOf("contactsChanged", { startFrom: at("08:00:00") });
    const fresh = await create("Settle Margin Ltd");
    advance(10_000);
    // 09:00:10, ten seconds after the change.
    expect(await trigger.poll()).toMatchObject({ created: [fresh.id], updated: [] });
    // The mark stays a margin behind Sage's Date header, so the next poll reads the contact again...
    const mark = sageTimestamp(clock - SETTLE_MARGIN_MS);
    expect(mark).toBe(at("08:59:10"));
    expect(trigger.state()).toEqual({ mark, seen: { [fresh.id]: fresh.updated_at } });
    advance(5 * MINUTE);
    const next = await trigger.poll();
    expect(next.requests).toEqual([expect.objectContaining({ updated_or_created_since: mark })]);
    // ...and skips it; the mark then catches up with the contact.
    expect(next).toMatchObject({ created: [], updated: [], noChanges: true });
    expect(trigger.state()).toEqual({ mark: fresh.updated_at, seen: { [fresh.id]: fresh.updated_at } });
  });

  test("Start From delivers what changed since then on the first poll; Show New Records off keeps only updates", async () => {
    const old = await create("Before Start Ltd");
    advance(10 * MINUTE);
    await update(old.id, "changed after Start From");
    const fresh = await create("After Start Ltd");
    advance(5 * MINUTE);
    const startFrom = at("09:05:00");

    const everything = await instanceOf("contactsChanged", { startFrom }).poll();
    expect(everything).toMatchObject({ created: [fresh.id], updated: [old.id] });
    expect(everything.requests[0].updated_or_created_since).toBe(startFrom);

    const updatesOnly = await instanceOf("contactsChanged", { startFrom, showNewRecords: "false" }).poll();
    expect(updatesOnly).toMatchObject({ created: [], updated: [old.id] });

    const newOnly = await instanceOf("contactsChanged", { startFrom, showUpdatedRecords: "false" }).poll();
    expect(newOnly).toMatchObject({ created: [fresh.id], updated: [] });
  });
});

describe("New and Updated Sales Invoices over several polls", () => {
  let customerId = "";
  beforeAll(async () => {
    customerId = (await sage.run("createContact", { name: "Invoice Poll Customer", contactTypeIds: ["CUSTOMER"] })).data
      .id;
  });
  const create = async (unitPrice: number) =>
    (
      await sage.run("createSalesInvoice", {
        contactId: customerId,
        date: today,
        invoiceLines: JSON.stringify([
          { description: "Work", ledger_account_id: sage.ledgerId(4000), unit_price: unitPrice },
        ]),
      })
    ).data as SageRecord;
  const stored = (id: string) =>
    sage.sandbox().store.get("sales_invoices", id) as SageRecord & { status: { id: string } };

  test("new, edited, paid and voided invoices are each delivered once; invoices at the boundary are not repeated", async () => {
    const trigger = instanceOf("salesInvoicesChanged");
    const x = await create(10);
    advance(10 * MINUTE);
    expect(await trigger.poll()).toMatchObject({ noChanges: true, requests: [] });

    advance(MINUTE);
    const y = await create(20);
    await sage.run("updateSalesInvoice", { salesInvoiceId: x.id, notes: "edited" });
    advance(5 * MINUTE);
    const second = await trigger.poll();
    expect(second).toMatchObject({ created: [y.id], updated: [x.id] });
    expect(second.requests).toEqual([
      expect.objectContaining({ path: "/sales_invoices", updated_or_created_since: at("09:10:00"), page: "1" }),
    ]);
    const boundary = at("09:11:00");
    expect(trigger.state()?.mark).toBe(boundary);

    // x and y (at the boundary) come back from Sage but are skipped; the payment on y and the
    // new invoice z, voided before the poll, are delivered.
    advance(MINUTE);
    const z = await create(30);
    await sage.run("recordSalesInvoicePayment", {
      invoiceId: y.id,
      bankAccountId: sage
        .sandbox()
        .store.list("bank_accounts")
        .find((bank) => bank.nominal_code === 1200)?.id,
    });
    await sage.run("deleteSalesInvoice", { salesInvoiceId: z.id, voidReason: "Duplicate" });
    advance(5 * MINUTE);
    const third = await trigger.poll();
    expect(third.requests[0].updated_or_created_since).toBe(boundary);
    expect(third).toMatchObject({ created: [z.id], updated: [y.id] });
    const answered = (id: string) => sage.sandbox().store.answer("sales_invoices", id);
    expect(third.records).toEqual(expect.arrayContaining([answered(y.id), answered(z.id)]));
    expect(stored(y.id).status.id).toBe("PAID");
    expect(stored(z.id).status.id).toBe("VOID");

    advance(5 * MINUTE);
    expect(await trigger.poll()).toMatchObject({ created: [], updated: [], noChanges: true });
    expect(trigger.deliveries).toHaveLength(4);
    expect(new Set(trigger.deliveries).size).toBe(4);
  });

  test("more than 200 new invoices: every page is read and each invoice delivered once", async () => {
    const second = sage.sandbox().businesses.second;
    const trigger = instanceOf("salesInvoicesChanged", {}, second);
    await trigger.poll();
    advance(MINUTE);
    const ids = sage.sandbox().seed("sales_invoices", 230, { businessId: second });
    advance(5 * MINUTE);
    const poll = await trigger.poll();
    expect(poll.requests.map((request) => request.page)).toEqual(["1", "2"]);
    expect(poll.created).toEqual(sorted(...ids));
    expect(poll.updated).toEqual([]);
    advance(5 * MINUTE);
    expect(await trigger.poll()).toMatchObject({ noChanges: true });
    expect(new Set(trigger.deliveries).size).toBe(230);
  });
});

describe("New and Updated Purchase Invoices", () => {
  test("a new invoice is created, an edit is an update, a deleted one is simply not delivered", async () => {
    const { data: supplier } = await sage.run("createContact", { name: "Poll Supplier", contactTypeIds: ["VENDOR"] });
    const create = async () =>
      (
        await sage.run("createPurchaseInvoice", {
          contactId: supplier.id,
          date: today,
          dueDate: today,
          invoiceLines: JSON.stringify([
            { description: "Parts", ledger_account_id: sage.ledgerId(5000), unit_price: 5, quantity: 2 },
          ]),
        })
      ).data as SageRecord;
    const p = await create();
    advance(10 * MINUTE);
    const trigger = instanceOf("purchaseInvoicesChanged");
    await trigger.poll();

    advance(MINUTE);
    const q = await create();
    const gone = await create();
    await sage.run("updatePurchaseInvoice", { purchaseInvoiceId: p.id, notes: "checked" });
    await sage.run("deletePurchaseInvoice", { purchaseInvoiceId: gone.id });
    advance(5 * MINUTE);
    const poll = await trigger.poll();
    expect(poll).toMatchObject({ created: [q.id], updated: [p.id] });
    expect(poll.requests).toEqual([
      expect.objectContaining({ path: "/purchase_invoices", updated_or_created_since: at("09:10:00") }),
    ]);
    advance(5 * MINUTE);
    expect(await trigger.poll()).toMatchObject({ noChanges: true });
  });
});
