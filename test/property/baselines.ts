import { RESOURCES } from "../../src/resources";

// The sample filler of the example-payload scenario (plain JS).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { fillSample } = require("../../scripts/example-payloads") as {
  fillSample: (sample: Record<string, unknown>, values: Record<string, string>) => Record<string, unknown>;
};

/**
 * One valid set of params per action (besides the connection), as a flow builder would fill them
 * in. The properties fuzz some inputs and keep the others at these values, so a run can get past
 * validation and reach Sage. An action missing here fails the suite: new actions get fuzzed too.
 */

const SALES_LINES = JSON.stringify([{ description: "Consulting", ledger_account_id: "la1", unit_price: 100 }]);
const PURCHASE_LINES = JSON.stringify([{ description: "Paper", ledger_account_id: "la2", unit_price: 5, quantity: 2 }]);

const CONTACT = { name: "Acme Ltd", contactTypeIds: ["CUSTOMER"] };

/** Every declared resource's actions, from its sample (placeholder ids become fake ones). */
const RESOURCE_BASELINES: Record<string, Record<string, unknown>> = Object.fromEntries(
  RESOURCES.flatMap((resource) => {
    const id = { [resource.id.key]: "doc1" };
    const values = { customer: "c1", vendor: "c1", salesLedger: "la1", purchaseLedger: "la2", today: "2026-01-31" };
    const entries: [string, Record<string, unknown>][] = [];
    if (resource.create) entries.push([resource.create.key, fillSample(resource.sample.create, values)]);
    if (resource.update) entries.push([resource.update.key, { ...id, ...fillSample(resource.sample.update, values) }]);
    for (const names of [resource.get, resource.delete, resource.release]) if (names) entries.push([names.key, id]);
    if (resource.void) entries.push([resource.void.key, { ...id, voidReason: "Raised in error" }]);
    if (resource.list) entries.push([resource.list.key, {}]);
    return entries;
  }),
);

export const BASELINES: Record<string, Record<string, unknown>> = {
  ...RESOURCE_BASELINES,
  createContact: CONTACT,
  updateContact: { contactId: "c1" },
  getContact: { contactId: "c1" },
  deleteContact: { contactId: "c1" },
  listContacts: {},
  findContacts: { email: "accounts@acme.example" },
  findOrCreateContact: { ...CONTACT, email: "accounts@acme.example" },

  getContactPerson: { contactPersonId: "p1" },
  deleteContactPerson: { contactPersonId: "p1" },
  listContactPeople: {},
  createContactPerson: { addressId: "a1", name: "Jane Smith", contactPersonTypeIds: ["ACCOUNTS"] },
  updateContactPerson: { contactPersonId: "p1" },

  createLedgerAccount: {
    ledgerAccountTypeId: "SALES",
    includedInChart: "true",
    name: "Consulting Income",
    displayName: "Consulting",
    nominalCode: "4010",
  },
  updateLedgerAccount: { accountId: "la1" },
  getLedgerAccount: { ledgerAccountId: "la1" },
  listLedgerAccounts: {},

  createSalesInvoice: { contactId: "c1", date: "2026-01-31", invoiceLines: SALES_LINES },
  updateSalesInvoice: { salesInvoiceId: "si1" },
  getSalesInvoice: { salesInvoiceId: "si1" },
  deleteSalesInvoice: { salesInvoiceId: "si1" },
  listSalesInvoices: {},

  createPurchaseInvoice: { contactId: "c1", date: "2026-01-31", dueDate: "2026-02-28", invoiceLines: PURCHASE_LINES },
  updatePurchaseInvoice: { purchaseInvoiceId: "pi1" },
  getPurchaseInvoice: { purchaseInvoiceId: "pi1" },
  deletePurchaseInvoice: { purchaseInvoiceId: "pi1" },
  listPurchaseInvoices: {},

  recordSalesInvoicePayment: { invoiceId: "si1", bankAccountId: "ba1" },
  recordPurchaseInvoicePayment: { invoiceId: "pi1", bankAccountId: "ba1" },
  listContactPayments: {},
  getContactPayment: { contactPaymentId: "cp1" },
  deleteContactPayment: { contactPaymentId: "cp1" },

  listAddressTypes: {},
  listContactTypes: {},
  listCountries: {},
  listCurrencies: {},
  listLedgerAccountTypes: {},
  listBankAccounts: {},
  listPaymentMethods: {},
  listProducts: {},
  listServices: {},
  listTaxRates: {},
  listBusinesses: {},

  rawRequest: { url: "/contacts", method: "GET" },

  getSalesDocumentPdf: { documentType: "/sales_credit_notes", documentId: "scn1" },
  uploadAttachment: {
    file: {
      data: Buffer.from("%PDF-1.4\n%\xff\n1 0 obj <<>> endobj\n%%EOF\n", "latin1"),
      contentType: "application/pdf",
    },
    fileName: "invoice-1042.pdf",
    attachmentContextTypeId: "PURCHASE_INVOICE",
    attachmentContextId: "inv1",
  },
  downloadAttachment: { attachmentId: "att1" },
  convertQuoteToInvoice: { salesQuoteId: "q1", date: "2026-01-31" },
  convertEstimateToInvoice: { salesEstimateId: "e1" },
};
