import nock from "nock";
import { INVOICE_LINES_TEMPLATE } from "../../../src/util/invoiceLines";
import { BASE_PATH, failureOf, harness, runAction, sageApi, useNock, captureBody } from "../../helpers";
import { schemaProblems } from "../../sageSchema";

useNock();

const INVOICE_ID = "0b2f1c7e8d9a4b3c5d6e7f8091a2b3c4";
const CONTACT_ID = "c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6";
const LEDGER_ID = "9a994b92267a11e797950a57719b2edb";
const invoice = { id: INVOICE_ID, displayed_as: "SI-1", $path: `/sales_invoices/${INVOICE_ID}` };

const minimalLine = { description: "Consulting", ledger_account_id: LEDGER_ID, unit_price: 100 };
const fullLine = {
  description: "Design work",
  ledger_account_id: LEDGER_ID,
  unit_price: 50.25,
  quantity: 2,
  product_id: "p0123456789abcdef",
  service_id: "s0123456789abcdef",
  tax_rate_id: "GB_STANDARD",
  discount_amount: 0.5,
  tax_amount: 20,
  net_amount: 100,
  total_amount: 120,
};

/** Mock one write to Sage and keep the body it received. */
const captureInvoice = (method: "post" | "put", path: string, reply: Record<string, unknown> = invoice) =>
  captureBody(method, path, reply);

test("the schema check itself catches unknown keys and wrong types", () => {
  expect(
    schemaProblems("postSalesInvoices", { sales_invoice: { contactId: "x", invoice_lines: [{ unit_price: "12" }] } }),
  ).toEqual([
    "postSalesInvoices.sales_invoice.contact_id: Contact can't be blank",
    "postSalesInvoices.sales_invoice.date: Date can't be blank",
    "postSalesInvoices.sales_invoice.contactId: contactId is not an attribute of sales_invoice",
    "postSalesInvoices.sales_invoice.invoice_lines.0.description: Description can't be blank",
    "postSalesInvoices.sales_invoice.invoice_lines.0.ledger_account_id: Ledger account can't be blank",
    "postSalesInvoices.sales_invoice.invoice_lines.0.unit_price: Unit price must be a number (got string)",
  ]);
});

describe("createSalesInvoice", () => {
  test("sends every filled field in Sage's wrapper and returns the created invoice", async () => {
    const sent = captureInvoice("post", "/sales_invoices");
    const result = await runAction("createSalesInvoice", {
      contactId: CONTACT_ID,
      date: "2026-01-31T15:30:00Z",
      invoiceLines: JSON.stringify([fullLine, minimalLine]),
      totalAmount: "220.00",
    });
    expect(sent.body).toEqual({
      sales_invoice: {
        contact_id: CONTACT_ID,
        date: "2026-01-31",
        invoice_lines: [fullLine, minimalLine],
        total_amount: 220,
      },
    });
    expect(schemaProblems("postSalesInvoices", sent.body)).toEqual([]);
    expect(result).toEqual({ data: invoice });
  });

  test("minimal: no Total Amount means no total_amount key; lines may come already parsed", async () => {
    const sent = captureInvoice("post", "/sales_invoices");
    await runAction("createSalesInvoice", { contactId: CONTACT_ID, date: "2026-01-31", invoiceLines: [minimalLine] });
    expect(sent.body).toEqual({
      sales_invoice: { contact_id: CONTACT_ID, date: "2026-01-31", invoice_lines: [minimalLine] },
    });
  });

  const valid = { contactId: CONTACT_ID, date: "2026-01-31" };
  const jsonError = (() => {
    try {
      JSON.parse("[{ description: 'x' }]");
    } catch (error) {
      return (error as Error).message;
    }
  })();

  test.each([
    ["not JSON", "[{ description: 'x' }]", `Invalid "Invoice Lines": expected valid JSON (${jsonError}).`],
    [
      "not an array",
      '{"description":"x"}',
      'Invalid "Invoice Lines": expected a JSON array of invoice line objects, got {"description":"x"}.',
    ],
    [
      "a line without a ledger account",
      JSON.stringify([minimalLine, { description: "x", unit_price: 1 }]),
      'Invalid "Invoice Lines": line 2 (index 1): "ledger_account_id" is required.',
    ],
    [
      "a price as a string",
      JSON.stringify([{ ...minimalLine, unit_price: "12" }]),
      'Invalid "Invoice Lines": line 1 (index 0): "unit_price" must be a number with at most 2 decimal places and size up to 1e12, got "12".',
    ],
    [
      "a camelCase key",
      JSON.stringify([{ description: "x", ledger_account_id: LEDGER_ID, unitPrice: 12 }]),
      'Invalid "Invoice Lines": line 1 (index 0): "unitPrice" is not a Sage field name; use "unit_price".',
    ],
    [
      "the untouched template",
      INVOICE_LINES_TEMPLATE,
      'Invalid "Invoice Lines": line 1 (index 0): "ledger_account_id" is still the template placeholder "string"; put a Sage Id there.',
    ],
  ])("Invoice Lines with %s is refused before any request", async (_case, invoiceLines, message) => {
    expect(await failureOf(runAction("createSalesInvoice", { ...valid, invoiceLines }))).toBe(message);
    expect(nock.pendingMocks()).toEqual([]);
  });

  test("the Invoice Lines default is the page's template as valid JSON", () => {
    const lines = harness.component.actions.createSalesInvoice.inputs.find((input) => input.key === "invoiceLines");
    expect(lines).toMatchObject({ type: "code", language: "json", default: INVOICE_LINES_TEMPLATE });
    expect(() => JSON.parse(String(lines?.default))).not.toThrow();
  });

  test.each([
    [{ contactId: "" }, 'Invalid "Contact Id": expected a value; this input is required.'],
    [
      { date: "31/01/2026" },
      'Invalid "Date": expected a date as YYYY-MM-DD (an ISO-8601 timestamp is also accepted; its date part is sent), got "31/01/2026".',
    ],
    [
      { totalAmount: "lots" },
      'Invalid "Total Amount": expected a number such as 12.50 (at most 2 decimal places, size up to 1e12), got "lots".',
    ],
  ])("bad %p is refused before any request", async (bad, message) => {
    const params = { ...valid, invoiceLines: [minimalLine], ...bad };
    expect(await failureOf(runAction("createSalesInvoice", params))).toBe(message);
  });
});

describe("updateSalesInvoice", () => {
  test("sends only what was filled in; the untouched Invoice Lines template is not sent", async () => {
    const sent = captureInvoice("put", `/sales_invoices/${INVOICE_ID}`);
    const result = await runAction("updateSalesInvoice", {
      salesInvoiceId: INVOICE_ID,
      notes: "Paid by card",
      totalAmount: "0",
    });
    expect(sent.body).toEqual({ sales_invoice: { notes: "Paid by card", total_amount: 0 } });
    expect(result).toEqual({ data: invoice });
  });

  test("sends every field under its own Sage name when all are filled in", async () => {
    const sent = captureInvoice("put", `/sales_invoices/${INVOICE_ID}`);
    await runAction("updateSalesInvoice", {
      salesInvoiceId: INVOICE_ID,
      contactId: CONTACT_ID,
      date: "2026-02-01",
      dueDate: "2026-03-01T00:00:00+01:00",
      contactName: "Acme Ltd",
      notes: "Thanks",
      totalQuantity: "3",
      netAmount: "150",
      taxAmount: "30",
      currencyId: "EUR",
      totalAmount: "180",
      invoiceLines: JSON.stringify([fullLine]),
    });
    expect(sent.body).toEqual({
      sales_invoice: {
        contact_id: CONTACT_ID,
        date: "2026-02-01",
        due_date: "2026-03-01",
        contact_name: "Acme Ltd",
        notes: "Thanks",
        total_quantity: 3,
        net_amount: 150,
        tax_amount: 30,
        currency_id: "EUR",
        total_amount: 180,
        invoice_lines: [fullLine],
      },
    });
    expect(schemaProblems("putSalesInvoices", sent.body)).toEqual([]);
  });

  test("the Id is one encoded path segment", async () => {
    const sent = captureInvoice("put", "/sales_invoices/a%3Ab");
    await runAction("updateSalesInvoice", { salesInvoiceId: "a:b", notes: "x" });
    expect(sent.body).toEqual({ sales_invoice: { notes: "x" } });
  });

  test("bad lines on update are refused before any request", async () => {
    const message = await failureOf(
      runAction("updateSalesInvoice", {
        salesInvoiceId: INVOICE_ID,
        invoiceLines: [{ ...minimalLine, ledgerAccountId: LEDGER_ID }],
      }),
    );
    expect(message).toBe(
      'Invalid "Invoice Lines": line 1 (index 0): "ledgerAccountId" is not a Sage field name; use "ledger_account_id".',
    );
  });

  test("an Id with a slash is refused", async () => {
    expect(await failureOf(runAction("updateSalesInvoice", { salesInvoiceId: "a/b" }))).toBe(
      `Invalid "Sales Invoice Id": expected a Sage Id (letters, digits, '-', '_', '.' or ':'), got "a/b".`,
    );
  });
});

describe("getSalesInvoice", () => {
  test("asks for the full record", async () => {
    sageApi().get(`${BASE_PATH}/sales_invoices/${INVOICE_ID}`).query({ attributes: "all" }).reply(200, invoice);
    await expect(runAction("getSalesInvoice", { salesInvoiceId: INVOICE_ID })).resolves.toEqual({ data: invoice });
  });
});

describe("deleteSalesInvoice", () => {
  test("with a Void Reason sends void_reason and returns the voided invoice", async () => {
    const voided = { ...invoice, status: { id: "VOID" } };
    sageApi()
      .delete(`${BASE_PATH}/sales_invoices/${INVOICE_ID}`)
      .query({ void_reason: "Raised in error" })
      .reply(200, voided);
    const result = await runAction("deleteSalesInvoice", { salesInvoiceId: INVOICE_ID, voidReason: "Raised in error" });
    expect(result).toEqual({ data: { id: INVOICE_ID, deleted: false, voided: true, salesInvoice: voided } });
  });

  test("without a Void Reason sends no query, and a deleted draft (204) is reported as deleted", async () => {
    sageApi()
      .delete(`${BASE_PATH}/sales_invoices/${INVOICE_ID}`)
      .query((query) => Object.keys(query).length === 0)
      .reply(204);
    const result = await runAction("deleteSalesInvoice", { salesInvoiceId: INVOICE_ID });
    expect(result).toEqual({ data: { id: INVOICE_ID, deleted: true, voided: false } });
  });

  test("Sage's refusal to void without a reason reaches the user", async () => {
    sageApi()
      .delete(`${BASE_PATH}/sales_invoices/${INVOICE_ID}`)
      .reply(422, [
        {
          $severity: "error",
          $dataCode: "RecordInvalid",
          $message: "Void reason can't be blank",
          $source: "void_reason",
        },
      ]);
    await expect(runAction("deleteSalesInvoice", { salesInvoiceId: INVOICE_ID })).rejects.toThrow(
      `Sage API error 422 on DELETE /sales_invoices/${INVOICE_ID}: Void reason can't be blank (field: void_reason).`,
    );
  });

  test("the description says when a Void Reason is needed", () => {
    expect(harness.component.actions.deleteSalesInvoice.display.description).toBe(
      "Delete the information and metadata of a sales invoice by Id. Sage deletes a draft invoice and voids any other; voiding requires a Void Reason.",
    );
  });
});

describe("listSalesInvoices", () => {
  test("keeps the page's inputs first", () => {
    const keys = harness.component.actions.listSalesInvoices.inputs.map((input) => input.key);
    expect(keys.slice(0, 4)).toEqual(["connection", "itemsPerPage", "page", "updatedOrCreatedSince"]);
  });

  test("a bad From Date is refused before any request", async () => {
    expect(await failureOf(runAction("listSalesInvoices", { fromDate: "January" }))).toBe(
      'Invalid "From Date": expected a date as YYYY-MM-DD (an ISO-8601 timestamp is also accepted; its date part is sent), got "January".',
    );
  });
});

test.each(["createSalesInvoice", "updateSalesInvoice", "getSalesInvoice", "deleteSalesInvoice", "listSalesInvoices"])(
  "%s shows an example payload and uses only the component's data sources",
  (key) => {
    const { examplePayload, inputs } = harness.component.actions[key];
    expect(examplePayload).toEqual({ data: expect.any(Object) });
    const dataSources = Object.keys(harness.component.dataSources);
    for (const { dataSource } of inputs) if (dataSource) expect(dataSources).toContain(dataSource);
  },
);
