import { ConnectionError } from "@prismatic-io/spectral";
import { idempotencyIdFor } from "../../src/util/idempotency";
import { failureOf, withSandbox } from "./withSandbox";

// Issue 15 end to end: Idempotency Key across runs, rate limits without Retry-After, a lapsed subscription.
const sage = withSandbox();

beforeEach(() => sage.sandbox().clearLog());

const posts = () => sage.sandbox().requestLog.filter((entry) => entry.method === "POST");

describe("Idempotency Key", () => {
  test("the same key on two runs sends the same id, and the sandbox holds one record", async () => {
    const params = { name: "Shop Order 1001 Ltd", contactTypeIds: "CUSTOMER", idempotencyKey: "shop-order-1001" };
    const first = await sage.run("createContact", params);
    const second = await sage.run("createContact", params);
    expect(second.data).toEqual(first.data);
    expect(posts().map((entry) => [entry.idempotencyId, entry.replayed ?? false])).toEqual([
      [idempotencyIdFor("contact", "shop-order-1001"), false],
      [idempotencyIdFor("contact", "shop-order-1001"), true],
    ]);
    expect(
      sage
        .sandbox()
        .store.list("contacts")
        .filter((c) => c.name === "Shop Order 1001 Ltd"),
    ).toHaveLength(1);
  });

  test("blank, each run gets its own id: two runs make two records", async () => {
    const params = { name: "No Key Ltd", contactTypeIds: "CUSTOMER" };
    await sage.run("createContact", params);
    await sage.run("createContact", params);
    const [a, b] = posts().map((entry) => entry.idempotencyId);
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(b).not.toBe(a);
    expect(
      sage
        .sandbox()
        .store.list("contacts")
        .filter((c) => c.name === "No Key Ltd"),
    ).toHaveLength(2);
  });

  test("one order number keys its contact, invoice and payment without Sage's entity type mismatch", async () => {
    const idempotencyKey = "shop-order-2002";
    const run = async () => {
      const { data: contact } = await sage.run("createContact", {
        name: "Order 2002 Ltd",
        contactTypeIds: "CUSTOMER",
        idempotencyKey,
      });
      const { data: invoice } = await sage.run("createSalesInvoice", {
        contactId: contact.id,
        date: "2026-01-31",
        invoiceLines: JSON.stringify([
          { description: "Order 2002", ledger_account_id: sage.ledgerId(4000), unit_price: 40, quantity: 1 },
        ]),
        idempotencyKey,
      });
      return [contact.id, invoice.id];
    };
    const firstRun = await run();
    // The flow run again for the same order (say after a failure further on): nothing new.
    expect(await run()).toEqual(firstRun);
    const store = sage.sandbox().store;
    expect(store.list("contacts").filter((c) => c.name === "Order 2002 Ltd")).toHaveLength(1);
    expect(store.list("sales_invoices").filter((i) => i.contact.id === firstRun[0])).toHaveLength(1);
    expect(posts().map((entry) => entry.replayed ?? false)).toEqual([false, false, true, true]);
  });

  test("Record Payment with a key: a repeat is answered with the first payment, recorded once", async () => {
    const { data: contact } = await sage.run("createContact", { name: "Payer Key Ltd", contactTypeIds: "CUSTOMER" });
    const { data: invoice } = await sage.run("createSalesInvoice", {
      contactId: contact.id,
      date: "2026-01-31",
      invoiceLines: JSON.stringify([
        { description: "Part", ledger_account_id: sage.ledgerId(4000), unit_price: 100, quantity: 1 },
      ]),
    });
    const pay = () =>
      sage.run("recordSalesInvoicePayment", {
        invoiceId: invoice.id,
        bankAccountId: sage.bankAccountId(),
        amount: "30.00",
        idempotencyKey: "payout-77",
      });
    const first = await pay();
    expect((await pay()).data).toEqual(first.data);
    const store = sage.sandbox().store;
    expect(store.list("contact_payments").filter((p) => p.contact.id === contact.id)).toHaveLength(1);
    expect(Number(store.get("sales_invoices", invoice.id)?.outstanding_amount)).toBe(70);
  });
});

describe("rate limit without Retry-After (no source shows Sage sending one)", () => {
  afterEach(() => sage.sandbox().setRateLimit(null));

  test("Fetch All that hits the limit waits it out and finishes", async () => {
    const sandbox = sage.sandbox();
    sandbox.seed("products", 1000);
    // 2 calls per 20 s, 429 without Retry-After. The sandbox's clock moves 1 s each time it is
    // read (a few times per request), so the window passes while the client retries: the test
    // cannot wait real minutes, and test/setup.ts scales the client's waits to milliseconds.
    // (That production's waits outlast Sage's 60 s window is shown in test/util/rateLimit.test.ts.)
    let ticks = 0;
    sandbox.setNow(() => new Date(Date.UTC(2026, 0, 1) + ticks++ * 1000));
    sandbox.setRateLimit({ limit: 2, windowMs: 20_000, retryAfter: false });
    try {
      const { data } = await sage.run("listProducts", { fetchAll: "true" });
      expect(data.$items.length).toBe(data.$total);
      const statuses = sandbox.requestLog.map((entry) => entry.status);
      expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(0);
      expect(statuses.filter((status) => status === 200)).toHaveLength(Math.ceil(data.$total / 200));
    } finally {
      sandbox.setNow(() => new Date());
    }
  });
});

describe("a lapsed subscription", () => {
  afterEach(() => sage.sandbox().setSubscriptionActive(true));

  test("says the business has no active subscription, and is not a reconnect error", async () => {
    sage.sandbox().setSubscriptionActive(false);
    const error = await sage.run("listContacts", {}).catch((e: Error) => e);
    expect(error).not.toBeInstanceOf(ConnectionError);
    expect(await failureOf(sage.run("listContacts", {}))).toBe(
      "Sage API error 401 on GET /contacts: No active subscription. (MSE). The connected Sage business has no active subscription: renew it in Sage (reconnecting does not help).",
    );
  });
});
