import component from "../../src";
import { BASE_PATH, envelope, failureOf, runAction, sageApi, useNock } from "../helpers";

useNock();

/** One page of GET <path>?search=…, full records, 200 a page; `total` tells the component how many pages follow. */
const searchPage = (path: string, search: string, page: number, items: unknown[], total = items.length) =>
  sageApi()
    .get(`${BASE_PATH}${path}`)
    .query({ search, attributes: "all", page: String(page), items_per_page: "200" })
    .reply(200, { ...envelope(items, { page, itemsPerPage: 200, total }) });

describe("Find Sales Invoice", () => {
  test("GET /sales_invoices?search=<text>, every page: only exact invoice numbers or references (any case) are found", async () => {
    const exactNumber = { id: "a", invoice_number: "SI-12", reference: null };
    const longerNumber = { id: "b", invoice_number: "SI-120", reference: "PO-SI-12" };
    const exactReference = { id: "c", invoice_number: "SI-7", reference: "si-12" };
    const byContactName = { id: "d", invoice_number: "SI-8", reference: null, contact_name: "SI-12 Ltd" };
    const filler = Array.from({ length: 198 }, (_, n) => ({ id: `f${n}`, invoice_number: `SI-12${n}` }));
    searchPage("/sales_invoices", "SI-12", 1, [exactNumber, longerNumber, ...filler], 201);
    searchPage("/sales_invoices", "SI-12", 2, [exactReference, byContactName], 201);
    const result = await runAction("findSalesInvoice", { numberOrReference: "  SI-12 " });
    expect(result).toEqual({
      data: { found: true, salesInvoices: [exactNumber, exactReference], salesInvoice: exactNumber },
    });
  });

  test("no exact match: found is false, an empty list and no salesInvoice", async () => {
    searchPage("/sales_invoices", "SI-1", 1, [{ id: "b", invoice_number: "SI-10", reference: "SI-1/2" }]);
    await expect(runAction("findSalesInvoice", { numberOrReference: "SI-1" })).resolves.toEqual({
      data: { found: false, salesInvoices: [] },
    });
  });

  test.each([[""], ["   "], [undefined]])(
    "a blank Number or Reference (%p) is refused before any request",
    async (numberOrReference) => {
      expect(await failureOf(runAction("findSalesInvoice", { numberOrReference }))).toBe(
        'Invalid "Number or Reference": expected a value; this input is required.',
      );
    },
  );

  test("a Number or Reference that is not text is refused before any request", async () => {
    expect(await failureOf(runAction("findSalesInvoice", { numberOrReference: { id: 1 } }))).toMatch(
      /^Invalid "Number or Reference": expected text, got /,
    );
  });
});

describe("Find Purchase Invoice", () => {
  test("GET /purchase_invoices?search=<text>: the supplier's number (vendor_reference) or the reference is found, a longer one is not", async () => {
    const bill = { id: "p1", reference: null, vendor_reference: "INV-0042" };
    const byReference = { id: "p3", reference: "Inv-0042", vendor_reference: "X-1" };
    const other = { id: "p2", reference: "INV-00421", vendor_reference: null };
    searchPage("/purchase_invoices", "inv-0042", 1, [other, bill, byReference]);
    await expect(runAction("findPurchaseInvoice", { numberOrReference: "inv-0042" })).resolves.toEqual({
      data: { found: true, purchaseInvoices: [bill, byReference], purchaseInvoice: bill },
    });
  });
});

test.each([
  ["findSalesInvoice", "Find Sales Invoice", "invoice number or reference of the sales invoice"],
  ["findPurchaseInvoice", "Find Purchase Invoice", "reference or vendor reference of the purchase invoice"],
])(
  "%s: label, one Number or Reference input naming the fields it matches, safe to run in the designer",
  (key, label, words) => {
    const action = component.actions[key];
    expect(action.display.label).toBe(label);
    expect(action.inputs.map((input) => [input.key, input.label, input.required])).toEqual([
      ["connection", "Connection", true],
      ["numberOrReference", "Number or Reference", true],
    ]);
    expect(action.inputs[1].comments).toContain(words);
    expect((action as unknown as { performSafety?: string }).performSafety).toBe("SAFE");
  },
);
