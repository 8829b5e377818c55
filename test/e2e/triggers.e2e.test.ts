import { sageTimestamp, SETTLE_MARGIN_MS } from "../../src/triggers/changes";
import { withSandbox } from "./withSandbox";

// The polling triggers (issue 7) against the sandbox over real HTTP, on the sandbox's injectable
// clock: records change between polls, Sage's Date header moves with the clock, nothing is lost
// and nothing is delivered twice.
const sage = withSandbox();

const MINUTE = 60_000;
/** Tests of hundreds of requests (with a scripted 3 s slow page) get more than jest's 30 s on a busy machine. */
const LONG_TEST_MS = 180_000;
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
  setClock(at("09:00:00"));
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
      payload: { body: { data: { created: SageRecord[]; updated: SageRecord[] } & Record<string, unknown[]> } };
      resultType?: string;
    };
    const { data } = result.payload.body;
    const { created = [], updated = [] } = data;
    const records = [...created, ...updated];
    deliveries.push(...records.map((record) => `${record.id}@${record.updated_at}`));
    const ids = (list: SageRecord[]) => list.map((record) => record.id).sort();
    return {
      created: ids(created),
      updated: ids(updated),
      records,
      data,
      noChanges: result.resultType === "polled_no_changes",
      // What this poll asked Sage for.
      requests: sage
        .sandbox()
        .requestLog.map((entry): Record<string, string> => ({ path: entry.path, ...entry.query })),
    };
  };
  const state = () =>
    (
      instanceState.__prismaticInternal as
        { polling?: { mark: string; seen: Record<string, string>; open?: Record<string, unknown> } } | undefined
    )?.polling;
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
        updated_or_created_since: at("09:10:00"),
        attributes: "all",
        exclude_system: "true",
        nested_attributes: "all",
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

/**
 * Run `poll` and make `change` happen in the middle of it: Sage holds the answer to the poll's
 * second page (a scripted "slow" fault) until `change` is done, so the first page was read before
 * the change and the second one after it.
 */
const midPoll = async <T>(path: string, poll: () => Promise<T>, change: () => Promise<void>): Promise<T> => {
  const sandbox = sage.sandbox();
  sandbox.setFaults({ methods: ["GET"], paths: [path], sequence: [null, "slow"], slowMs: 3000 });
  try {
    const polling = poll();
    while (!sandbox.requestLog.some((entry) => entry.path === path && entry.query.page === "2"))
      await new Promise((resolve) => setTimeout(resolve, 5));
    await change();
    return await polling;
  } finally {
    sandbox.setFaults(null);
  }
};

describe("New and Updated Records (pollChangesTrigger) as a flow built on Prismatic's trigger sets it", () => {
  const prismaticInputs = { resourceType: "contacts", showNewRecords: "true", showUpdatedRecords: "true" };

  test(
    "inserts, updates, one at the exact boundary, one mid-poll: each delivered once; asked without system contacts",
    async () => {
      const second = sage.sandbox().businesses.second;
      const connection = sage.connection({ businessId: second });
      const trigger = instanceOf("pollChangesTrigger", prismaticInputs, second);
      const update = async (id: string, notes: string) =>
        (await sage.run("updateContact", { connection, contactId: id, notes })).data as SageRecord;
      const versions: string[] = [];

      // 09:00: a contact from before the trigger; 09:01: the first poll marks where to start.
      const [early] = sage.sandbox().seed("contacts", 1, { businessId: second });
      advance(MINUTE);
      expect(await trigger.poll()).toMatchObject({ noChanges: true, requests: [] });
      advance(MINUTE);
      // 09:02: 250 new contacts (two pages).
      const ids = sage.sandbox().seed("contacts", 250, { businessId: second });
      const seeded = () => ids.map((id) => version(sage.sandbox().store.get("contacts", id, second) as SageRecord));
      versions.push(...seeded());
      advance(5 * MINUTE);

      // 09:07: while the poll reads page 2, contact 10 (on page 1, already read) changes.
      const changedMidPoll: SageRecord[] = [];
      const during = await midPoll("/contacts", trigger.poll, async () => {
        changedMidPoll.push(await update(ids[10], "changed mid-poll"));
      });
      expect(during.created).toEqual(sorted(...ids));
      expect(during.requests.filter((request) => request.path === "/contacts")).toEqual([
        expect.objectContaining({ page: "1", exclude_system: "true", nested_attributes: "all", attributes: "all" }),
        expect.objectContaining({ page: "2" }),
      ]);
      versions.push(...changedMidPoll.map(version));
      // The mark is the newest updated_at the poll read (09:02): the mid-poll change (09:07) is after it.
      expect(trigger.state()?.mark).toBe(at("09:02:00"));

      // The early contact changes stamped exactly at the mark (a write committed late).
      const resume = clock;
      setClock(at("09:02:00"));
      versions.push(version(await update(early, "at the boundary")));
      clock = resume + MINUTE;
      advance(5 * MINUTE);
      // 09:13: both are delivered, as updates.
      expect(await trigger.poll()).toMatchObject({ created: [], updated: sorted(ids[10], early) });
      advance(5 * MINUTE);
      expect(await trigger.poll()).toMatchObject({ noChanges: true });
      expect(trigger.deliveries.sort()).toEqual(versions.sort());
    },
    LONG_TEST_MS,
  );

  test("the other resources of the dropdown read their own Sage lists; a new ledger account is delivered", async () => {
    for (const [resourceType, path] of [
      ["ledgerAccounts", "/ledger_accounts"],
      ["contactPersons", "/contact_persons"],
      ["products", "/products"],
      ["services", "/services"],
      ["bankAccounts", "/bank_accounts"],
      ["contactPayments", "/contact_payments"],
      ["taxRates", "/tax_rates"],
    ]) {
      const poll = await instanceOf("pollChangesTrigger", { resourceType, startFrom: at("08:00:00") }).poll();
      expect(poll.requests).toEqual([expect.objectContaining({ path, updated_or_created_since: at("08:00:00") })]);
    }
    const ledger = instanceOf("pollChangesTrigger", { resourceType: "ledgerAccounts" });
    await ledger.poll();
    advance(MINUTE);
    const { data: account } = await sage.run("createLedgerAccount", {
      ledgerAccountTypeId: "SALES",
      includedInChart: "true",
      name: `Poll Income ${today}`,
      displayName: "Poll Income",
      nominalCode: String(4100 + day),
    });
    advance(5 * MINUTE);
    expect(await ledger.poll()).toMatchObject({ created: [account.id], updated: [] });
  });
});

describe("Deleted Records over several polls", () => {
  const deletions = (poll: { data: Record<string, unknown[]> }) =>
    (poll.data.deleted as { id: string; deleted_at: string }[]).map(({ id }) => id).sort();

  test(
    "contacts deleted between polls, one at the exact boundary, one mid-poll: each delivered once with its deletion time",
    async () => {
      const second = sage.sandbox().businesses.second;
      const connection = sage.connection({ businessId: second });
      const remove = (id: string) => sage.run("deleteContact", { connection, contactId: id });
      const ids = sage.sandbox().seed("contacts", 230, { businessId: second });
      const trigger = instanceOf("recordsDeleted", { resourceType: "contacts" }, second);
      expect(await trigger.poll()).toMatchObject({ noChanges: true, requests: [] });

      advance(MINUTE);
      await remove(ids[0]);
      await remove(ids[1]);
      advance(5 * MINUTE);
      const first = await trigger.poll();
      expect(deletions(first)).toEqual(sorted(ids[0], ids[1]));
      expect(first.data.deleted).toEqual(
        expect.arrayContaining([
          {
            id: ids[0],
            displayed_as: expect.any(String),
            $path: `/contacts/${ids[0]}`,
            deleted_at: at("09:01:00"),
          },
        ]),
      );
      expect(first.requests).toEqual([
        { path: "/contacts", deleted_since: at("09:00:00"), page: "1", items_per_page: "200" },
      ]);
      // deleted_since is exclusive: the mark is a second before the newest deletion, which is remembered.
      expect(trigger.state()).toEqual({
        mark: at("09:00:59"),
        seen: { [ids[0]]: at("09:01:00"), [ids[1]]: at("09:01:00") },
      });

      // Deleted in the same second as the last delivered ones, but committed after that poll.
      const resume = clock;
      setClock(at("09:01:00"));
      await remove(ids[2]);
      clock = resume + MINUTE;
      // Enough deletions for two pages, and one more while the poll reads the second page.
      for (let n = 3; n < 205; n += 25) await Promise.all(ids.slice(n, Math.min(n + 25, 205)).map(remove));
      advance(5 * MINUTE);
      const during = await midPoll("/contacts", trigger.poll, async () => {
        await remove(ids[205]);
      });
      advance(5 * MINUTE);
      const next = await trigger.poll();
      // Sage lists deletions in the order they happened, so the one made mid-poll is normally on the
      // page read after it (else the next poll has it): either way each deletion comes exactly once.
      expect([...deletions(during), ...deletions(next)].sort()).toEqual(sorted(...ids.slice(2, 206)));
      advance(5 * MINUTE);
      expect(await trigger.poll()).toMatchObject({ noChanges: true });
      expect(trigger.deliveries).toEqual([]);
    },
    LONG_TEST_MS,
  );

  test("a voided sales invoice is not a deletion but an update with status VOID; a deleted purchase invoice is a deletion", async () => {
    const { data: customer } = await sage.run("createContact", {
      name: "Void Poll Customer",
      contactTypeIds: ["CUSTOMER", "VENDOR"],
    });
    const lines = (ledger: number) =>
      JSON.stringify([{ description: "Work", ledger_account_id: sage.ledgerId(ledger), unit_price: 10, quantity: 1 }]);
    const { data: issued } = await sage.run("createSalesInvoice", {
      contactId: customer.id,
      date: today,
      invoiceLines: lines(4000),
    });
    const { data: bill } = await sage.run("createPurchaseInvoice", {
      contactId: customer.id,
      date: today,
      dueDate: today,
      invoiceLines: lines(5000),
    });
    advance(MINUTE);
    const salesDeleted = instanceOf("recordsDeleted", { resourceType: "salesInvoices" });
    const purchasesDeleted = instanceOf("recordsDeleted", { resourceType: "purchaseInvoices" });
    const salesChanged = instanceOf("pollChangesTrigger", { resourceType: "salesInvoices" });
    for (const trigger of [salesDeleted, purchasesDeleted, salesChanged]) await trigger.poll();
    advance(MINUTE);
    await sage.run("deleteSalesInvoice", { salesInvoiceId: issued.id, voidReason: "Raised in error" });
    await sage.run("deletePurchaseInvoice", { purchaseInvoiceId: bill.id });
    advance(5 * MINUTE);
    expect(await salesDeleted.poll()).toMatchObject({ noChanges: true });
    expect(deletions(await purchasesDeleted.poll())).toEqual([bill.id]);
    const updates = await salesChanged.poll();
    expect(updates).toMatchObject({ created: [], updated: [issued.id] });
    expect(updates.records[0]).toMatchObject({ status: { id: "VOID" } });
  });
});

describe("Invoice Status Changed over several polls", () => {
  interface Change {
    id: string;
    previous_status: string | null;
    status: string;
    became_overdue: boolean;
  }
  const changesOf = (poll: { data: Record<string, unknown[]> }) =>
    (poll.data.changes as Change[])
      .map(
        (change) =>
          `${change.id}: ${change.previous_status} -> ${change.status}${change.became_overdue ? " (overdue)" : ""}`,
      )
      .sort();

  test(
    "part-paid, paid, voided, a payment deleted, one at the boundary, one mid-poll, overdue: each once; the state holds open invoices only",
    async () => {
      const second = sage.sandbox().businesses.second;
      const connection = sage.connection({ businessId: second });
      const { data: customer } = await sage.run("createContact", {
        connection,
        name: "Status Poll Customer",
        contactTypeIds: ["CUSTOMER"],
      });
      const raise = async (dueDate: string) =>
        (
          await sage.run("createSalesInvoice", {
            connection,
            contactId: customer.id,
            date: today,
            dueDate,
            invoiceLines: JSON.stringify([
              {
                description: "Work",
                ledger_account_id: sage.ledgerId(4000, second),
                unit_price: 100,
                tax_rate_id: "GB_ZERO",
              },
            ]),
          })
        ).data as SageRecord;
      const pay = async (invoiceId: string, amount?: string) =>
        (
          await sage.run("recordSalesInvoicePayment", {
            connection,
            invoiceId,
            bankAccountId: sage.bankAccountId(1200, second),
            ...(amount ? { amount } : {}),
          })
        ).data as { id: string };
      const [a, b, c, d] = [await raise(today), await raise(today), await raise(today), await raise(today)];
      const [e, f] = [await raise("2026-12-31"), await raise("2026-12-31")];
      const paidEarlier = await raise(today);
      await pay(paidEarlier.id);
      const trigger = instanceOf("invoiceStatusChanged", { invoiceType: "salesInvoices" }, second);
      advance(MINUTE);

      // 09:01: the first poll reads where each open invoice stands (one request per open status).
      const baseline = await trigger.poll();
      expect(baseline).toMatchObject({ noChanges: true });
      expect([...new Set(baseline.requests.map((request) => request.status_id))]).toEqual([
        "DRAFT",
        "UNPAID",
        "PART_PAID",
      ]);
      expect(baseline.requests[0]).toMatchObject({ path: "/sales_invoices", attributes: "status,due_date" });
      const openCount = () => Object.keys(trigger.state()?.open ?? {}).length;
      const openInvoices = () =>
        sage
          .sandbox()
          .store.list("sales_invoices", second)
          .filter((invoice) => !["PAID", "VOID"].includes(invoice.status.id)).length;
      expect(openCount()).toBe(openInvoices());

      advance(MINUTE);
      await pay(a.id, "40");
      await pay(b.id);
      await sage.run("deleteSalesInvoice", { connection, salesInvoiceId: c.id, voidReason: "Duplicate" });
      const refund = await pay(d.id);
      await sage.run("deleteContactPayment", { connection, contactPaymentId: refund.id });
      advance(5 * MINUTE);
      // 09:07: d was paid and its payment deleted: UNPAID again, no change.
      expect(changesOf(await trigger.poll())).toEqual(
        [`${a.id}: UNPAID -> PART_PAID`, `${b.id}: UNPAID -> PAID`, `${c.id}: UNPAID -> VOID`].sort(),
      );
      expect(openCount()).toBe(openInvoices());

      // e paid, stamped exactly at the mark (a write committed late); then f paid while the poll
      // reads its second page (f enters the window mid-walk: the walk is read again, or the next poll has it).
      const resume = clock;
      setClock(String(trigger.state()?.mark));
      await pay(e.id);
      clock = resume + MINUTE;
      const more = sage.sandbox().seed("sales_invoices", 210, { businessId: second });
      advance(5 * MINUTE);
      const during = await midPoll("/sales_invoices", trigger.poll, async () => {
        await pay(f.id);
      });
      // The 210 new invoices are UNPAID, as raised: no change, but tracked as open.
      expect(trigger.state()?.open).toEqual(expect.objectContaining({ [more[0]]: ["UNPAID", expect.any(String)] }));
      advance(5 * MINUTE);
      const after = await trigger.poll();
      expect([...changesOf(during), ...changesOf(after)].sort()).toEqual(
        [`${e.id}: UNPAID -> PAID`, `${f.id}: UNPAID -> PAID`].sort(),
      );

      // Next day: d (UNPAID) and a (PART_PAID), both due yesterday, are now overdue; b is paid, c void.
      advance(24 * 60 * MINUTE);
      const nextDay = await trigger.poll();
      expect(changesOf(nextDay)).toEqual(
        [`${d.id}: UNPAID -> UNPAID (overdue)`, `${a.id}: PART_PAID -> PART_PAID (overdue)`].sort(),
      );
      advance(5 * MINUTE);
      expect(await trigger.poll()).toMatchObject({ noChanges: true });

      // Only These Statuses = PAID: a paid in full is delivered; the payment deleted again (back to PART_PAID) is not.
      const onlyPaid = instanceOf(
        "invoiceStatusChanged",
        { invoiceType: "salesInvoices", statusFilter: ["PAID"] },
        second,
      );
      await onlyPaid.poll();
      advance(MINUTE);
      const payment = await pay(a.id);
      advance(5 * MINUTE);
      expect(changesOf(await onlyPaid.poll())).toEqual([`${a.id}: PART_PAID -> PAID`]);
      advance(MINUTE);
      await sage.run("deleteContactPayment", { connection, contactPaymentId: payment.id });
      advance(5 * MINUTE);
      expect(await onlyPaid.poll()).toMatchObject({ noChanges: true });
      // The first trigger polls after both: a is PART_PAID as it was, so nothing moved.
      expect(await trigger.poll()).toMatchObject({ noChanges: true });
      // Bound: one entry per open invoice, whatever the history.
      expect(openCount()).toBe(openInvoices());
    },
    LONG_TEST_MS,
  );
});
