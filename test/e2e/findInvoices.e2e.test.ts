import { api } from "../sandbox/client";
import { withSandbox } from "./withSandbox";

// Find Sales Invoice / Find Purchase Invoice against the sandbox over real HTTP. Which fields the
// sandbox's `search` looks at (number, contact name, references) is its own choice; Sage's spec
// says "the invoice reference or contact name". The exact match is the component's.
const sage = withSandbox();

const lines = (code: number) => [
  { description: "Find me", ledger_account_id: sage.ledgerId(code), quantity: 1, unit_price: 10 },
];

/** Create an invoice with fields the component's Create Invoice has no input for (reference, vendor_reference). */
const invoice = async (path: "/sales_invoices" | "/purchase_invoices", body: Record<string, unknown>) => {
  const wrapper = path === "/sales_invoices" ? "sales_invoice" : "purchase_invoice";
  const response = await api(sage.sandbox()).post(path, {
    [wrapper]: {
      date: "2026-01-31",
      ...(wrapper === "purchase_invoice" ? { due_date: "2026-02-28" } : {}),
      invoice_lines: lines(wrapper === "sales_invoice" ? 4000 : 5000),
      ...body,
    },
  });
  if (response.status !== 201) throw new Error(JSON.stringify(response.data));
  return response.data as { id: string; invoice_number?: string };
};

const contact = async (name: string, type: "CUSTOMER" | "VENDOR") =>
  (await sage.run("createContact", { name, contactTypeIds: [type] })).data.id as string;

const idsOf = (records: { id: string }[]) => records.map((record) => record.id);

describe("Find Sales Invoice", () => {
  let customer: string;
  beforeAll(async () => {
    customer = await contact("Finder Customer Ltd", "CUSTOMER");
  });

  test("by invoice number or reference, exactly and in any case; a longer reference or number is not a match", async () => {
    const numbered = await invoice("/sales_invoices", { contact_id: customer });
    const po77 = await invoice("/sales_invoices", { contact_id: customer, reference: "PO-77" });
    await invoice("/sales_invoices", { contact_id: customer, reference: "PO-770" });

    sage.sandbox().clearLog();
    const byReference = (await sage.run("findSalesInvoice", { numberOrReference: "po-77" })).data;
    expect(byReference).toMatchObject({ found: true, salesInvoice: { id: po77.id, reference: "PO-77" } });
    expect(idsOf(byReference.salesInvoices)).toEqual([po77.id]);
    expect(sage.sandbox().requestLog).toEqual([
      expect.objectContaining({
        method: "GET",
        path: "/sales_invoices",
        query: { search: "po-77", attributes: "all", page: "1", items_per_page: "200" },
        status: 200,
      }),
    ]);

    const byNumber = (await sage.run("findSalesInvoice", { numberOrReference: numbered.invoice_number })).data;
    expect(idsOf(byNumber.salesInvoices)).toEqual([numbered.id]);
    expect(byNumber.salesInvoice).toEqual(sage.sandbox().store.answer("sales_invoices", numbered.id));

    await expect(sage.run("findSalesInvoice", { numberOrReference: "PO-7" })).resolves.toEqual({
      data: { found: false, salesInvoices: [] },
    });
  });

  test("every page is read: the one exact match comes after 250 records the search also returns (by their contact's name)", async () => {
    const bulk = await contact("Bulk Finder Ltd", "CUSTOMER");
    sage.sandbox().seed("sales_invoices", 250, { contactId: bulk });
    const last = await invoice("/sales_invoices", { contact_id: bulk, reference: "Bulk Finder Ltd" });
    sage.sandbox().clearLog();
    const found = (await sage.run("findSalesInvoice", { numberOrReference: "BULK FINDER LTD" })).data;
    expect(idsOf(found.salesInvoices)).toEqual([last.id]);
    expect(
      sage
        .sandbox()
        .requestLog.map((entry) => entry.query.page)
        .sort(),
    ).toEqual(["1", "2"]);
  });
});

describe("Find Purchase Invoice", () => {
  test("by the supplier's number (vendor_reference) or the reference; Sage's search alone would also return the longer one", async () => {
    const vendor = await contact("Finder Supplier Ltd", "VENDOR");
    const bill = await invoice("/purchase_invoices", { contact_id: vendor, vendor_reference: "INV-0042" });
    const longer = await invoice("/purchase_invoices", { contact_id: vendor, vendor_reference: "INV-00421" });
    const byReference = await invoice("/purchase_invoices", { contact_id: vendor, reference: "inv-0042" });

    const listed = (await sage.run("listPurchaseInvoices", { search: "INV-0042" })).data.$items;
    expect(idsOf(listed).sort()).toEqual([bill.id, longer.id, byReference.id].sort());
    const found = (await sage.run("findPurchaseInvoice", { numberOrReference: "Inv-0042" })).data;
    expect(found).toMatchObject({ found: true, purchaseInvoice: { id: bill.id } });
    expect(idsOf(found.purchaseInvoices)).toEqual([bill.id, byReference.id]);
  });
});
