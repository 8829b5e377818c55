import type { LogEntry } from "../../sandbox";
import { failureOf, withSandbox } from "./withSandbox";

// List Businesses and business selection: the connection's Business Id decides where records go.
const sage = withSandbox();

beforeEach(() => sage.sandbox().clearLog());

const log = () => sage.sandbox().requestLog;

describe("List Businesses", () => {
  test("reads Sage's paged envelope of both businesses in one request and returns { $total, $items }", async () => {
    const { data } = await sage.run("listBusinesses");
    expect(data).toEqual({ $total: 2, $items: sage.sandbox().store.businesses() });
    expect(data.$items.map((b: { id: string }) => b.id)).toEqual([
      sage.sandbox().businesses.lead,
      sage.sandbox().businesses.second,
    ]);
    expect(data.$items.map((b: { name: string }) => b.name)).toEqual(["Sandbox Trading Ltd", "Sandbox Consulting Ltd"]);
    expect(log()).toEqual([expect.objectContaining({ method: "GET", path: "/businesses", query: {}, status: 200 })]);
  });

  test("the same list whichever business the connection selects", async () => {
    const { data } = await sage.run("listBusinesses", {
      connection: sage.connection({ businessId: sage.sandbox().businesses.second }),
    });
    expect(data).toEqual({ $total: 2, $items: sage.sandbox().store.businesses() });
  });

  test("a rejected token is a connection error", async () => {
    const message = await failureOf(sage.run("listBusinesses", { connection: sage.connection({ token: "revoked" }) }));
    expect(message).toContain("Sage API error 401 on GET /businesses");
  });
});

/**
 * A small flow through the component: a customer, an invoice, a payment, reads and a list, a
 * dropdown and a trigger poll, all on one connection. Returns the ids it made.
 */
const flowOn = async (connection: unknown, businessId: string | undefined) => {
  const run = (key: string, params: Record<string, unknown>) => sage.run(key, { connection, ...params });
  const { data: contact } = await run("createContact", {
    name: `Business Flow ${businessId ?? "lead"}`,
    contactTypeIds: ["CUSTOMER"],
    city: "Leeds",
  });
  await run("updateContact", { contactId: contact.id, notes: "Updated" });
  await run("getContact", { contactId: contact.id });
  const { data: invoice } = await run("createSalesInvoice", {
    contactId: contact.id,
    date: "2026-01-31",
    invoiceLines: JSON.stringify([
      { description: "Work", ledger_account_id: sage.ledgerId(4000, businessId), unit_price: 10 },
    ]),
  });
  const { data: payment } = await run("recordSalesInvoicePayment", {
    invoiceId: invoice.id,
    bankAccountId: sage.bankAccountId(1200, businessId),
  });
  await run("listContacts", { fetchAll: "true" });
  await sage.harness.dataSource("selectTaxRate", { connection });
  await sage.harness.trigger(
    "contactsChanged",
    { startedAt: new Date().toISOString() },
    { connection, startFrom: "2020-01-01T00:00:00Z" },
    { instanceState: {} },
  );
  return { contactId: contact.id as string, invoiceId: invoice.id as string, paymentId: payment.id as string };
};

const headerOf = (entry: LogEntry) => entry.headers["x-business"];

/** Every request of flowOn, in order: the check below covers each of them. */
const expectFlowRequests = (made: { contactId: string; invoiceId: string }) =>
  expect(log().map((entry) => `${entry.method} ${entry.path}`)).toEqual([
    "POST /contacts",
    `PUT /contacts/${made.contactId}`,
    `GET /contacts/${made.contactId}`,
    "POST /sales_invoices",
    `GET /sales_invoices/${made.invoiceId}`,
    "POST /contact_payments",
    "GET /contacts",
    "GET /tax_rates",
    "GET /contacts",
  ]);

describe("business selection", () => {
  test("with the second business's Id every request carries X-Business and the records are the second business's", async () => {
    const second = sage.sandbox().businesses.second;
    const made = await flowOn(sage.connection({ businessId: second }), second);

    expectFlowRequests(made);
    expect(log().map(headerOf)).toEqual(log().map(() => second));
    expect(log().map((entry) => entry.business)).toEqual(log().map(() => second));
    expect(log().every((entry) => entry.status !== null && entry.status < 300)).toBe(true);

    const { store } = sage.sandbox();
    expect(store.get("contacts", made.contactId, second)).toMatchObject({ notes: "Updated" });
    expect(store.get("sales_invoices", made.invoiceId, second)?.status.id).toBe("PAID");
    expect(store.get("contact_payments", made.paymentId, second)).toBeDefined();
    expect(store.get("contacts", made.contactId)).toBeUndefined();
    expect(store.get("sales_invoices", made.invoiceId)).toBeUndefined();
    expect(store.get("contact_payments", made.paymentId)).toBeUndefined();
  });

  test.each([
    ["not set", undefined],
    ["blank (spaces)", "   "],
  ])(
    "with the Business Id %s no request carries X-Business and the records are the lead business's",
    async (_, businessId) => {
      const { lead, second } = sage.sandbox().businesses;
      const made = await flowOn(sage.connection({ businessId }), undefined);

      expectFlowRequests(made);
      expect(log().map(headerOf)).toEqual(log().map(() => undefined));
      expect(log().map((entry) => entry.business)).toEqual(log().map(() => lead));

      const { store } = sage.sandbox();
      expect(store.get("contacts", made.contactId)).toMatchObject({ notes: "Updated" });
      expect(store.get("sales_invoices", made.invoiceId)?.status.id).toBe("PAID");
      expect(store.get("contacts", made.contactId, second)).toBeUndefined();
    },
  );

  test("an id of the other business is not found from this one: Sage's 404", async () => {
    const second = sage.sandbox().businesses.second;
    const [contactId] = sage.sandbox().seed("contacts", 1, { businessId: second });
    expect(await failureOf(sage.run("getContact", { contactId }))).toBe(
      `Sage API error 404 on GET /contacts/${contactId}: Contact not found.`,
    );
    const { data } = await sage.run("getContact", { contactId, connection: sage.connection({ businessId: second }) });
    expect(data.id).toBe(contactId);
  });

  test("a business the user cannot access is Sage's 404 naming the business", async () => {
    expect(
      await failureOf(
        sage.run("createContact", {
          connection: sage.connection({ businessId: "0".repeat(32) }),
          name: "Nowhere Ltd",
          contactTypeIds: ["CUSTOMER"],
        }),
      ),
    ).toBe("Sage API error 404 on POST /contacts: Business not found.");
  });
});
