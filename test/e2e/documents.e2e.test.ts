import { withSandbox } from "./withSandbox";

// The actions across documents against the sandbox: a document as a PDF, quote/estimate → invoice,
// and a refund through a sales credit note.
const sage = withSandbox();
let customer: string;

beforeAll(async () => {
  customer = (await sage.run("createContact", { name: "Docs Customer Ltd", contactTypeIds: "CUSTOMER" })).data.id;
});

const line = (unitPrice: number) =>
  JSON.stringify([
    { description: "Website redesign", ledger_account_id: sage.ledgerId(4000), quantity: 2, unit_price: unitPrice },
  ]);

describe("Get Sales Document PDF", () => {
  test.each([
    ["/sales_invoices", "createSalesInvoice", "invoiceLines", {}],
    ["/sales_credit_notes", "createSalesCreditNote", "creditNoteLines", {}],
    ["/sales_quotes", "createSalesQuote", "quoteLines", { expiryDate: "2026-02-28" }],
    ["/sales_estimates", "createSalesEstimate", "estimateLines", { expiryDate: "2026-02-28" }],
  ])(
    "%s: a PDF file (the sandbox's own rendering) naming the document, content type application/pdf",
    async (type, create, lines, extra) => {
      const doc = (await sage.run(create, { contactId: customer, date: "2026-01-31", [lines]: line(10), ...extra }))
        .data;
      sage.sandbox().clearLog();
      const result = (await sage.run("getSalesDocumentPdf", { documentType: type, documentId: doc.id })) as unknown as {
        data: Buffer;
        contentType: string;
      };
      expect(result.contentType).toBe("application/pdf");
      expect(Buffer.isBuffer(result.data)).toBe(true);
      expect(result.data.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      expect(result.data.toString("latin1")).toContain(doc.displayed_as);
      expect(result.data.toString("latin1").trimEnd().endsWith("%%EOF")).toBe(true);
      expect(sage.sandbox().requestLog).toEqual([
        expect.objectContaining({ method: "GET", path: `${type}/${doc.id}`, status: 200 }),
      ]);
      expect(sage.sandbox().requestLog[0].headers.accept).toContain("application/pdf");
    },
  );

  test("a Document Type that is not a sales document is refused before any request", async () => {
    sage.sandbox().clearLog();
    await expect(
      sage.run("getSalesDocumentPdf", { documentType: "/purchase_invoices", documentId: "abc" }),
    ).rejects.toThrow('Invalid "Document Type": expected one of /sales_invoices, ');
    expect(sage.sandbox().requestLog).toEqual([]);
  });
});

describe.each([
  ["convertQuoteToInvoice", "createSalesQuote", "quoteLines", "salesQuoteId", "sales_quotes"],
  ["convertEstimateToInvoice", "createSalesEstimate", "estimateLines", "salesEstimateId", "sales_estimates"],
])("%s", (convert, create, lines, idKey, collection) => {
  test("creates the invoice from the lines, linked through original_quote_estimate_id; a second convert is refused (INVOICED is the sandbox's own status id and rule)", async () => {
    const source = (
      await sage.run(create, {
        contactId: customer,
        date: "2026-01-31",
        expiryDate: "2026-02-28",
        reference: "DEAL-1",
        [lines]: line(150),
      })
    ).data;
    sage.sandbox().clearLog();
    const invoice = (await sage.run(convert, { [idKey]: source.id, date: "2026-02-01" })).data;
    expect(invoice).toMatchObject({ date: "2026-02-01", reference: "DEAL-1", total_amount: 300 });
    expect(invoice.contact.id).toBe(customer);
    expect(invoice.invoice_lines).toEqual([
      expect.objectContaining({ description: "Website redesign", quantity: 2, unit_price: 150 }),
    ]);
    const [, post] = sage.sandbox().requestLog;
    expect(post.body).toEqual({
      sales_invoice: expect.objectContaining({ original_quote_estimate_id: source.id, contact_id: customer }),
    });
    const stored = sage.sandbox().store.get(collection, source.id)!;
    expect(stored.status.id).toBe("INVOICED");
    expect(stored.invoice.id).toBe(invoice.id);

    sage.sandbox().clearLog();
    await expect(sage.run(convert, { [idKey]: source.id })).rejects.toThrow(/^Invalid "Sales (Quote|Estimate) Id": /);
    expect(sage.sandbox().requestLog.map((entry) => entry.method)).toEqual(["GET"]);
  });
});

test("a refund through a sales credit note: invoice, then a credit note for the returned line, released and listed", async () => {
  const invoice = (
    await sage.run("createSalesInvoice", { contactId: customer, date: "2026-01-31", invoiceLines: line(40) })
  ).data;
  const draft = (
    await sage.run("createSalesCreditNote", {
      contactId: customer,
      date: "2026-02-03",
      reference: `Refund of ${invoice.displayed_as}`,
      creditNoteLines: line(40),
      statusId: "DRAFT",
    })
  ).data;
  expect(draft.status.id).toBe("DRAFT");
  const released = (await sage.run("releaseSalesCreditNote", { salesCreditNoteId: draft.id })).data;
  expect(released).toMatchObject({ total_amount: invoice.total_amount, status: { id: "UNPAID" } });
  const found = (await sage.run("listSalesCreditNotes", { search: "Refund of", contactId: customer })).data;
  expect(found.$items.map((item: { id: string }) => item.id)).toEqual([draft.id]);
  const voided = (
    await sage.run("voidSalesCreditNote", { salesCreditNoteId: draft.id, voidReason: "Customer kept it" })
  ).data;
  expect(voided).toMatchObject({ id: draft.id, voided: true, salesCreditNote: { void_reason: "Customer kept it" } });
});
