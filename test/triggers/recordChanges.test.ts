import component from "../../src";
import { SETTLE_MARGIN_MS } from "../../src/triggers/changes";
import { failureOf } from "../helpers";
import { flowWith, type SageList, sageTime, triggerSandbox } from "./triggerSandbox";

// The "New and Updated ..." triggers against the sandbox (sandbox/, in-process, real HTTP), on its
// injectable clock; each test starts from the same fresh records at 2026-02-01 09:00.
const env = triggerSandbox();

const pad = (n: number) => `R${String(n).padStart(3, "0")}`;
const bulkCreate = (sage: SageList, count: number) => sage.create(Array.from({ length: count }, (_, n) => pad(n)));
const allIds = (count: number, version = 1) => Array.from({ length: count }, (_, n) => `${pad(n)}@${version}`);

/** What the contacts triggers add to every read: no system contacts, full nested records. */
const CONTACT_READ = { exclude_system: "true", nested_attributes: "all" };

describe.each([
  ["contactsChanged", "New and Updated Contacts", "/contacts", CONTACT_READ],
  ["salesInvoicesChanged", "New and Updated Sales Invoices", "/sales_invoices", {}],
  ["purchaseInvoicesChanged", "New and Updated Purchase Invoices", "/purchase_invoices", {}],
])("%s", (key, label, path, read) => {
  test("is a polling trigger with the agreed label and inputs", () => {
    const trigger = component.triggers[key];
    expect(trigger.display.label).toBe(label);
    expect((trigger as unknown as { isPollingTrigger?: boolean }).isPollingTrigger).toBe(true);
    expect(trigger.inputs.map(({ key, label, default: value }) => [key, label, value])).toEqual([
      ["connection", "Connection", undefined],
      ["startFrom", "Start From", ""],
      ["showNewRecords", "Show New Records", "true"],
      ["showUpdatedRecords", "Show Updated Records", "true"],
      ...(path === "/contacts" ? [["includeSystemContacts", "Include System Contacts", "false"]] : []),
    ]);
    expect(trigger.examplePayload).toMatchObject({
      polledNoChanges: false,
      payload: { body: { data: { created: [expect.any(Object)], updated: [expect.any(Object)] } } },
    });
  });

  test("the first poll without Start From sends nothing, marks the run's start, and the next poll asks Sage for changes since then", async () => {
    const sage = env.list(path);
    await sage.create("OLD");
    sage.advance(600);
    const flow = flowWith(key);

    const first = await flow.poll(sage);
    expect(first).toMatchObject({ created: [], updated: [], noChanges: true });
    expect(first.result.payload.startedAt).toBe(new Date(sage.now).toISOString());
    expect(flow.state()).toEqual({ mark: sageTime(sage.now), seen: {} });
    const mark = flow.state()?.mark;

    const created = await sage.create("NEW");
    sage.advance(300);
    const second = await flow.poll(sage);
    expect(sage.requests).toEqual([
      { updated_or_created_since: mark, attributes: "all", ...read, page: "1", items_per_page: "200" },
    ]);
    expect(second).toMatchObject({ created: ["NEW@1"], updated: [], noChanges: false });
    expect(second.result.resultType).toBe("completed");
    expect(flow.state()).toEqual({ mark: created.updated_at, seen: { [created.id]: created.updated_at } });
  });
});

describe("New and Updated Contacts over several polls", () => {
  test("inserts and updates between polls are delivered once each, split into created and updated", async () => {
    const sage = env.list("/contacts");
    await sage.create("A");
    await sage.create("B");
    sage.advance(600);
    const flow = flowWith("contactsChanged");
    expect(await flow.poll(sage)).toMatchObject({ noChanges: true });

    sage.advance(60);
    await sage.create("C");
    const a2 = await sage.update("A");
    sage.advance(300);
    expect(await flow.poll(sage)).toMatchObject({ created: ["C@1"], updated: ["A@2"], noChanges: false });
    expect(flow.state()?.mark).toBe(a2.updated_at);

    await sage.create("D");
    await sage.update("C");
    const b2 = await sage.update("B");
    sage.advance(300);
    expect(await flow.poll(sage)).toMatchObject({ created: ["D@1"], updated: ["B@2", "C@2"] });
    expect(sage.requests.at(-1)?.updated_or_created_since).toBe(a2.updated_at);

    sage.advance(300);
    expect(await flow.poll(sage)).toMatchObject({ created: [], updated: [], noChanges: true });
    expect(sage.requests.at(-1)).toEqual({
      updated_or_created_since: b2.updated_at,
      attributes: "all",
      ...CONTACT_READ,
      page: "1",
      items_per_page: "200",
    });
  });

  test("a record at the mark is not delivered twice, but another record with the same updated_at is delivered", async () => {
    const sage = env.list("/contacts");
    const flow = flowWith("contactsChanged", { startFrom: "2026-01-01T00:00:00Z" });
    const a = await sage.create("A");
    sage.advance(300);
    expect(await flow.poll(sage)).toMatchObject({ created: ["A@1"], updated: [] });
    expect(flow.state()).toEqual({ mark: a.updated_at, seen: { [a.id]: a.updated_at } });

    // B shows up stamped with exactly the mark (its write committed after the last poll read).
    await sage.create("B", { at: a.updated_at });
    sage.advance(300);
    expect(await flow.poll(sage)).toMatchObject({ created: ["B@1"], updated: [] });
    expect(sage.requests.at(-1)?.updated_or_created_since).toBe(a.updated_at);
    expect(flow.state()).toEqual({
      mark: a.updated_at,
      seen: { [a.id]: a.updated_at, [sage.get("B").id]: a.updated_at },
    });

    sage.advance(300);
    expect(await flow.poll(sage)).toMatchObject({ noChanges: true });

    await sage.update("A");
    sage.advance(300);
    expect(await flow.poll(sage)).toMatchObject({ created: [], updated: ["A@2"] });
  });

  test("a record created at the mark and already delivered comes back as updated, not created, when it changes", async () => {
    const sage = env.list("/contacts");
    const flow = flowWith("contactsChanged", { startFrom: "2026-01-01T00:00:00Z" });
    const a = await sage.create("A");
    sage.advance(300);
    await flow.poll(sage);
    // A's created_at is the mark: only `seen` tells it was delivered, so its change is an update.
    expect(flow.state()?.mark).toBe(a.created_at);
    await sage.update("A");
    sage.advance(300);
    expect(await flow.poll(sage)).toMatchObject({ created: [], updated: ["A@2"] });
  });

  test("a record changed after its page was read is delivered by the next poll, though a later change was already seen (stable order, 3 pages)", async () => {
    const sage = env.list("/contacts");
    const flow = flowWith("contactsChanged");
    await flow.poll(sage);
    await bulkCreate(sage, 450);
    sage.advance(300);
    // Pages 2 and 3 are read after the change.
    const during = await sage.during(flow.poll.bind(null, sage), async () => {
      await sage.update("R010"); // on page 1, already read
      await sage.update("R420"); // on page 3, read later: its updated_at is the newest of the poll
    });
    expect(sage.requests.map(({ page, items_per_page }) => [page, items_per_page])).toEqual([
      ["1", "200"],
      ["2", "200"],
      ["3", "200"],
    ]);
    expect(during.created).toEqual(allIds(450).map((id) => (id === "R420@1" ? "R420@2" : id)));
    expect(during.updated).toEqual([]);

    sage.advance(300);
    expect(await flow.poll(sage)).toMatchObject({ created: [], updated: ["R010@2"] });
    sage.advance(300);
    expect(await flow.poll(sage)).toMatchObject({ noChanges: true });
  });

  test("a record that moves to a later page mid-poll is delivered once and the record it displaced is not lost (ordered by updated_at)", async () => {
    const sage = env.list("/contacts");
    sage.orderByUpdatedAt();
    const flow = flowWith("contactsChanged");
    await flow.poll(sage);
    await bulkCreate(sage, 450);
    sage.advance(300);
    // Moves from page 1 to the end: every later record slides back one place, so R200 would
    // fall from the top of page 2 onto the already-read page 1.
    const during = await sage.during(flow.poll.bind(null, sage), async () => {
      await sage.update("R005");
    });
    expect(during.created).toEqual(allIds(450).map((id) => (id === "R005@1" ? "R005@2" : id)));
    // The shifted walk was noticed and read once more.
    expect(sage.requests.map(({ page }) => page)).toEqual(["1", "2", "3", "1", "2", "3"]);

    sage.advance(300);
    expect(await flow.poll(sage)).toMatchObject({ noChanges: true });
  });

  test("a record deleted mid-poll does not make the trigger skip the record that slid into its place", async () => {
    const sage = env.list("/contacts");
    const flow = flowWith("contactsChanged");
    await flow.poll(sage);
    await bulkCreate(sage, 450);
    sage.advance(300);
    const during = await sage.during(flow.poll.bind(null, sage), () => sage.remove("R003"));
    expect(during.created).toEqual(allIds(450));
    expect(sage.requests).toHaveLength(6);
  });

  test("a record changed on a page already read, while a slow walk goes on, comes with the next poll: the first page's Date sets the mark", async () => {
    const sage = env.list("/contacts");
    const flow = flowWith("contactsChanged", { startFrom: "2026-01-01T00:00:00Z" });
    await bulkCreate(sage, 201); // two pages of 200, by name: R000 on the first, R200 on the second
    sage.advance(300);
    const first = await sage.during(
      flow.poll.bind(null, sage),
      async () => {
        await sage.update("R000"); // on page 1, read already: this poll cannot see the change
        sage.advance(600); // the second page comes ten minutes after the first
        await sage.update("R200");
      },
      { laterPages: 1 },
    );
    expect(first.created).toContain("R200@2");
    expect(first.created).toContain("R000@1");
    sage.advance(60);
    // A mark from the last page's (later) Date would sit past R000's change and lose it for good.
    expect(await flow.poll(sage)).toMatchObject({ created: [], updated: ["R000@2"] });
  });

  test("a change made within the settle margin is delivered now and not again", async () => {
    const sage = env.list("/contacts");
    const flow = flowWith("contactsChanged", { startFrom: "2026-01-01T00:00:00Z" });
    await sage.create("A");
    sage.advance(10); // the poll runs 10 s after the change: inside the margin
    expect(await flow.poll(sage)).toMatchObject({ created: ["A@1"] });
    // The mark stays a margin behind Sage's clock, so the next poll asks for A again...
    expect(flow.state()?.mark).toBe(sageTime(sage.now - SETTLE_MARGIN_MS));
    sage.advance(300);
    // ...and skips it.
    expect(await flow.poll(sage)).toMatchObject({ noChanges: true });
    expect(flow.state()).toEqual({
      mark: sage.get("A").updated_at,
      seen: { [sage.get("A").id]: sage.get("A").updated_at },
    });
  });
});

describe("inputs", () => {
  test("Start From is where the first poll starts: older records changed since then are updates, newer ones are created", async () => {
    const sage = env.list("/sales_invoices");
    await sage.create("OLD");
    await sage.create("UNTOUCHED");
    sage.advance(3600);
    const startFrom = sageTime(sage.now);
    await sage.create("NEW");
    await sage.update("OLD");
    sage.advance(300);
    const flow = flowWith("salesInvoicesChanged", { startFrom });
    expect(await flow.poll(sage)).toMatchObject({ created: ["NEW@1"], updated: ["OLD@2"] });
    expect(sage.requests[0]).toEqual({
      updated_or_created_since: startFrom,
      attributes: "all",
      page: "1",
      items_per_page: "200",
    });

    // Afterwards the saved mark wins over Start From.
    expect(await flow.poll(sage)).toMatchObject({ noChanges: true });
    expect(sage.requests[1].updated_or_created_since).toBe(flow.state()?.mark);
    expect(flow.state()?.mark).toBe(sage.get("OLD").updated_at);
  });

  test.each([
    [{ showNewRecords: "false" }, { created: [], updated: ["OLD@2"], noChanges: false }],
    [{ showUpdatedRecords: "false" }, { created: ["NEW@1"], updated: [], noChanges: false }],
    [
      { showNewRecords: "false", showUpdatedRecords: "false" },
      { created: [], updated: [], noChanges: true },
    ],
  ])("switches %p", async (switches, expected) => {
    const sage = env.list("/purchase_invoices");
    await sage.create("OLD");
    sage.advance(3600);
    const startFrom = sageTime(sage.now);
    await sage.create("NEW");
    await sage.update("OLD");
    sage.advance(300);
    const flow = flowWith("purchaseInvoicesChanged", { startFrom, ...switches });
    expect(await flow.poll(sage)).toMatchObject(expected);
    // Hidden records count as handled: turning the switches back on does not replay them.
    sage.advance(300);
    expect(await flow.poll(sage, { showNewRecords: "true", showUpdatedRecords: "true" })).toMatchObject({
      noChanges: true,
    });
  });

  test("a bad Start From is refused before any request", async () => {
    const message = await failureOf(flowWith("contactsChanged", { startFrom: "yesterday" }).poll());
    expect(message).toBe(
      'Invalid "Start From": expected a date (YYYY-MM-DD) or an ISO-8601 date-time (YYYY-MM-DDThh:mm:ssZ), got "yesterday".',
    );
    expect(env.sandbox().requestLog).toEqual([]);
  });

  test("Include System Contacts on: the contacts trigger stops sending exclude_system, still asks for nested records", async () => {
    const sage = env.list("/contacts");
    await flowWith("contactsChanged", { startFrom: "2026-01-01T00:00:00Z", includeSystemContacts: "true" }).poll(sage);
    expect(sage.requests).toEqual([
      {
        updated_or_created_since: "2026-01-01T00:00:00Z",
        attributes: "all",
        nested_attributes: "all",
        page: "1",
        items_per_page: "200",
      },
    ]);
  });

  test.each([
    ["contactsChanged", "/contacts"],
    ["salesInvoicesChanged", "/sales_invoices"],
    ["purchaseInvoicesChanged", "/purchase_invoices"],
  ])("%s: a Start From in the future is refused before any request, naming the input", async (key, path) => {
    const sage = env.list(path);
    const message = await failureOf(flowWith(key, { startFrom: "2026-02-01T09:00:01Z" }).poll(sage));
    expect(message).toBe(
      'Invalid "Start From": expected a date-time that is not in the future (this run started at 2026-02-01T09:00:00Z), got "2026-02-01T09:00:01Z".',
    );
    expect(env.sandbox().requestLog).toEqual([]);
    // Exactly the run's start is allowed (and Sage is asked).
    expect(await flowWith(key, { startFrom: "2026-02-01T09:00:00Z" }).poll(sage)).toMatchObject({ noChanges: true });
    expect(sage.requests).toHaveLength(1);
  });

  test("a failed poll keeps the previous mark, so the next poll delivers what it missed", async () => {
    const sage = env.list("/contacts");
    const flow = flowWith("contactsChanged");
    await flow.poll(sage);
    const before = flow.state();
    await sage.create("A");
    sage.advance(300);
    // Sage answers 500 to every try (a fault the sandbox injects), then is well again.
    const outage = sage.failReads();
    expect(await failureOf(flow.poll(sage))).toMatch(/^Sage API error 500 on GET \/contacts: /);
    expect(flow.state()).toEqual(before);
    outage.heal();
    expect(await flow.poll(sage)).toMatchObject({ created: ["A@1"] });
  });
});
