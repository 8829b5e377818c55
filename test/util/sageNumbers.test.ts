import { execFileSync } from "child_process";
import { join } from "path";
import { sageNumbersToJson } from "../../src/util/sageNumbers";
import { COLLECTIONS } from "../../src/generated/sageNumberFields";

// The table comes from Sage's spec: `number` fields become numbers, `integer` and `string` fields are
// never touched, however numeric a string looks.

test("src/generated/sageNumberFields.ts is what scripts/sage-number-fields.js writes from the spec", () => {
  expect(() =>
    execFileSync(process.execPath, [join(__dirname, "..", "..", "scripts", "sage-number-fields.js"), "--check"], {
      stdio: "pipe",
    }),
  ).not.toThrow();
  expect(COLLECTIONS).toMatchObject({
    contacts: "Contact",
    sales_invoices: "SalesInvoice",
    purchase_invoices: "PurchaseInvoice",
    contact_payments: "ContactPayment",
  });
});

test("a contact: number fields become numbers; numeric-looking strings stay strings", () => {
  const contact = {
    credit_limit: "6000.0",
    balance: "-12.5",
    credit_days: 30,
    reference: "12345",
    tax_number: "938484382",
    bank_account_details: { account_number: "56565656", sort_code: "997888" },
    main_address: { postal_code: "10001", address_line_1: "12" },
    main_contact_person: { telephone: "02035111111", mobile: "07700900123" },
    default_sales_ledger_account: { nominal_code: 4900, name: "4900" },
  };
  expect(sageNumbersToJson("/contacts/abc", structuredClone(contact))).toEqual({
    ...contact,
    credit_limit: 6000,
    balance: -12.5,
  });
});

test("lists, nested lines, tax breakdowns and analysis; paths with a query or an action", () => {
  const invoice = {
    total_amount: "6011.4",
    invoice_number: "100",
    reference: "2023.1",
    invoice_lines: [{ quantity: "3.0", unit_price: "45.83", tax_breakdown: [{ percentage: "20.0", amount: "26.9" }] }],
    tax_analysis: [{ net_amount: "5009.49" }],
  };
  const expected = {
    total_amount: 6011.4,
    invoice_number: "100",
    reference: "2023.1",
    invoice_lines: [{ quantity: 3, unit_price: 45.83, tax_breakdown: [{ percentage: 20, amount: 26.9 }] }],
    tax_analysis: [{ net_amount: 5009.49 }],
  };
  expect(
    sageNumbersToJson("/sales_invoices?attributes=all", { $total: 1, $items: [structuredClone(invoice)] }),
  ).toEqual({
    $total: 1,
    $items: [expected],
  });
  expect(sageNumbersToJson("/sales_invoices/abc/release", structuredClone(invoice))).toEqual(expected);
  expect(
    sageNumbersToJson("https://api.accounting.sage.com/v3.1/sales_invoices/abc", structuredClone(invoice)),
  ).toEqual(expected);
});

test("values that are not Sage decimals, and collections without number fields, are left as they are", () => {
  const odd = { total_amount: "n/a", net_amount: "", tax_amount: null, outstanding_amount: 12 };
  expect(sageNumbersToJson("/sales_invoices/x", { ...odd })).toEqual(odd);
  expect(sageNumbersToJson("/countries", { $items: [{ id: "GB", displayed_as: "1.0" }] })).toEqual({
    $items: [{ id: "GB", displayed_as: "1.0" }],
  });
  expect(sageNumbersToJson("/contacts", "plain text")).toBe("plain text");
});
