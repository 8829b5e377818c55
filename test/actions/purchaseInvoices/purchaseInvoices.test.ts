import nock from "nock";
import { BASE_PATH, failureOf, harness, runAction, sageApi, useNock, captureBody } from "../../helpers";
import { schemaProblems } from "../../sageSchema";

useNock();

const INVOICE_ID = "4e5f6a7b8c9d0e1f2a3b4c5d6e7f8091";
const CONTACT_ID = "c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6";
const LEDGER_ID = "9a99a1e2267a11e797950a57719b2edb";
const invoice = { id: INVOICE_ID, displayed_as: "PI-1", $path: `/purchase_invoices/${INVOICE_ID}` };

const minimalLine = { description: "Paper", ledger_account_id: LEDGER_ID, quantity: 10, unit_price: 4.5 };
const fullLine = {
  description: "Printer",
  ledger_account_id: LEDGER_ID,
  unit_price: 200,
  quantity: 1,
  product_id: "p0123456789abcdef",
  service_id: "s0123456789abcdef",
  tax_rate_id: "GB_STANDARD",
  tax_amount: 40,
  net_amount: 200,
  total_amount: 240,
};

const captureInvoice = (method: "post" | "put", path: string) => captureBody(method, path, invoice);

const DATE_EXPECTED = "a date as YYYY-MM-DD (an ISO-8601 timestamp is also accepted; its date part is sent)";

describe("createPurchaseInvoice", () => {
  test("sends every filled field, due date included, and returns the created invoice", async () => {
    const sent = captureInvoice("post", "/purchase_invoices");
    const result = await runAction("createPurchaseInvoice", {
      contactId: CONTACT_ID,
      date: "2026-01-31",
      invoiceLines: JSON.stringify([fullLine, minimalLine]),
      totalAmount: "294",
      dueDate: "2026-02-28T23:59:59Z",
    });
    expect(sent.body).toEqual({
      purchase_invoice: {
        contact_id: CONTACT_ID,
        date: "2026-01-31",
        due_date: "2026-02-28",
        invoice_lines: [fullLine, minimalLine],
        total_amount: 294,
      },
    });
    expect(schemaProblems("postPurchaseInvoices", sent.body)).toEqual([]);
    expect(result).toEqual({ data: invoice });
  });

  test("minimal: only Sage's required fields", async () => {
    const sent = captureInvoice("post", "/purchase_invoices");
    await runAction("createPurchaseInvoice", {
      contactId: CONTACT_ID,
      date: "2026-01-31",
      dueDate: "2026-02-28",
      invoiceLines: [minimalLine],
    });
    expect(sent.body).toEqual({
      purchase_invoice: {
        contact_id: CONTACT_ID,
        date: "2026-01-31",
        due_date: "2026-02-28",
        invoice_lines: [minimalLine],
      },
    });
  });

  test("inputs are in the page's order, then Due Date, Idempotency Key last", () => {
    const keys = harness.component.actions.createPurchaseInvoice.inputs.map((input) => input.key);
    expect(keys).toEqual([
      "connection",
      "contactId",
      "date",
      "invoiceLines",
      "totalAmount",
      "dueDate",
      "idempotencyKey",
    ]);
  });

  const valid = { contactId: CONTACT_ID, date: "2026-01-31", dueDate: "2026-02-28", invoiceLines: [minimalLine] };

  test.each([
    [{ dueDate: "" }, `Invalid "Due Date": expected ${DATE_EXPECTED}; this input is required.`],
    [{ dueDate: "2026-02-30" }, `Invalid "Due Date": expected ${DATE_EXPECTED}, got "2026-02-30".`],
    [
      { invoiceLines: [{ description: "x", ledger_account_id: LEDGER_ID, unit_price: 1 }] },
      'Invalid "Invoice Lines": line 1 (index 0): "quantity" is required.',
    ],
    [
      { invoiceLines: [{ ...minimalLine, quantity: "10" }] },
      'Invalid "Invoice Lines": line 1 (index 0): "quantity" must be a number with at most 2 decimal places and size up to 1e12, got "10".',
    ],
    [
      { invoiceLines: [{ ...minimalLine, product_id: "string" }] },
      'Invalid "Invoice Lines": line 1 (index 0): "product_id" is still the template placeholder "string"; put a Sage Id there or remove the field.',
    ],
    [
      { invoiceLines: JSON.stringify([{ ...minimalLine, taxRateId: "GB_STANDARD" }]) },
      'Invalid "Invoice Lines": line 1 (index 0): "taxRateId" is not a Sage field name; use "tax_rate_id".',
    ],
  ])("%p is refused before any request", async (bad, message) => {
    expect(await failureOf(runAction("createPurchaseInvoice", { ...valid, ...bad }))).toBe(message);
    expect(nock.pendingMocks()).toEqual([]);
  });
});

describe("updatePurchaseInvoice", () => {
  test("sends only what was filled in", async () => {
    const sent = captureInvoice("put", `/purchase_invoices/${INVOICE_ID}`);
    const result = await runAction("updatePurchaseInvoice", {
      purchaseInvoiceId: INVOICE_ID,
      dueDate: "2026-03-31",
      currencyId: "USD",
    });
    expect(sent.body).toEqual({ purchase_invoice: { due_date: "2026-03-31", currency_id: "USD" } });
    expect(result).toEqual({ data: invoice });
  });

  test("sends every field under its own Sage name when all are filled in", async () => {
    const sent = captureInvoice("put", `/purchase_invoices/${INVOICE_ID}`);
    await runAction("updatePurchaseInvoice", {
      purchaseInvoiceId: INVOICE_ID,
      contactId: CONTACT_ID,
      date: "2026-02-01",
      dueDate: "2026-03-01",
      contactName: "Paper Co",
      notes: "Quarterly order",
      totalQuantity: "11",
      netAmount: "245",
      taxAmount: "49",
      currencyId: "GBP",
      totalAmount: "294",
      invoiceLines: [fullLine, minimalLine],
    });
    expect(sent.body).toEqual({
      purchase_invoice: {
        contact_id: CONTACT_ID,
        date: "2026-02-01",
        due_date: "2026-03-01",
        contact_name: "Paper Co",
        notes: "Quarterly order",
        total_quantity: 11,
        net_amount: 245,
        tax_amount: 49,
        currency_id: "GBP",
        total_amount: 294,
        invoice_lines: [fullLine, minimalLine],
      },
    });
    expect(schemaProblems("putPurchaseInvoices", sent.body)).toEqual([]);
  });

  test("a missing Purchase Invoice Id is refused", async () => {
    expect(await failureOf(runAction("updatePurchaseInvoice", { notes: "x" }))).toBe(
      'Invalid "Purchase Invoice Id": expected a value; this input is required.',
    );
  });
});

describe("getPurchaseInvoice", () => {
  test("asks for the full record", async () => {
    sageApi().get(`${BASE_PATH}/purchase_invoices/${INVOICE_ID}`).query({ attributes: "all" }).reply(200, invoice);
    await expect(runAction("getPurchaseInvoice", { purchaseInvoiceId: INVOICE_ID })).resolves.toEqual({
      data: invoice,
    });
  });
});

describe("deletePurchaseInvoice", () => {
  test("DELETE answered with 204 returns what was deleted", async () => {
    sageApi()
      .delete(`${BASE_PATH}/purchase_invoices/${INVOICE_ID}`)
      .query((query) => Object.keys(query).length === 0)
      .reply(204);
    await expect(runAction("deletePurchaseInvoice", { purchaseInvoiceId: INVOICE_ID })).resolves.toEqual({
      data: { id: INVOICE_ID, deleted: true },
    });
  });

  test("has no Void Reason input (Sage's purchase invoice DELETE takes none)", () => {
    const keys = harness.component.actions.deletePurchaseInvoice.inputs.map((input) => input.key);
    expect(keys).toEqual(["connection", "purchaseInvoiceId"]);
  });
});

test.each([
  "createPurchaseInvoice",
  "updatePurchaseInvoice",
  "getPurchaseInvoice",
  "deletePurchaseInvoice",
  "listPurchaseInvoices",
])("%s shows an example payload and uses only the component's data sources", (key) => {
  const { examplePayload, inputs } = harness.component.actions[key];
  expect(examplePayload).toEqual({ data: expect.any(Object) });
  const dataSources = Object.keys(harness.component.dataSources);
  for (const { dataSource } of inputs) if (dataSource) expect(dataSources).toContain(dataSource);
});
