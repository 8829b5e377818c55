import { RESOURCES } from "../../src/resources";
import { placeholderOf, sampleCreate, sampleUpdate } from "./propertySandbox";

/**
 * One valid set of params per action (besides the connection), as a flow builder would fill them
 * in. The properties fuzz some inputs and keep the others at these values, so a run can get past
 * validation and reach Sage. An action missing here fails the suite: new actions get fuzzed too.
 * Ids are placeholders ("$customer", "$salesInvoices", ...) for the records propertySandbox.ts
 * makes in the sandbox before the runs.
 */

const CONTACT = { name: "Acme Ltd", contactTypeIds: ["CUSTOMER"] };

/** Every declared resource's actions, from its sample; a release acts on the resource's draft. */
const RESOURCE_BASELINES: Record<string, Record<string, unknown>> = Object.fromEntries(
  RESOURCES.flatMap((resource) => {
    const id = { [resource.id.key]: placeholderOf(resource) };
    const entries: [string, Record<string, unknown>][] = [];
    if (resource.create) entries.push([resource.create.key, sampleCreate(resource)]);
    if (resource.update) entries.push([resource.update.key, { ...id, ...sampleUpdate(resource) }]);
    for (const names of [resource.get, resource.delete, resource.reissue]) if (names) entries.push([names.key, id]);
    if (resource.release) entries.push([resource.release.key, { [resource.id.key]: placeholderOf(resource, true) }]);
    if (resource.void) entries.push([resource.void.key, { ...id, voidReason: "Raised in error" }]);
    if (resource.list) entries.push([resource.list.key, {}]);
    if (resource.find) entries.push([resource.find.key, { numberOrReference: "SI-1" }]);
    return entries;
  }),
);

export const BASELINES: Record<string, Record<string, unknown>> = {
  ...RESOURCE_BASELINES,
  createContact: CONTACT,
  updateContact: { contactId: "$customer" },
  getContact: { contactId: "$customer" },
  deleteContact: { contactId: "$spareContact" },
  listContacts: {},
  findContacts: { email: "accounts@acme.example" },
  findOrCreateContact: { ...CONTACT, email: "accounts@acme.example" },
  findProduct: { itemCode: "WIDGET-BLUE" },
  // Both given: a fuzzed one left blank still leaves the other to look for (neither is refused naming Item Code).
  findService: { itemCode: "CONSULT-HR", description: "Consulting (hourly)" },
  findStockItem: { itemCode: "LAMP-DESK" },
  findOrCreateProduct: {
    itemCode: "MUG-RED",
    description: "Red Mug",
    salesLedgerAccountId: "$salesLedger",
    purchaseLedgerAccountId: "$purchaseLedger",
  },
  findOrCreateService: { itemCode: "INSTALL-HR", description: "Installation", salesLedgerAccountId: "$salesLedger" },

  getContactPerson: { contactPersonId: "$person" },
  deleteContactPerson: { contactPersonId: "$person" },
  listContactPeople: {},
  createContactPerson: { addressId: "$address", name: "Jane Smith", contactPersonTypeIds: ["ACCOUNTS"] },
  updateContactPerson: { contactPersonId: "$person" },

  createLedgerAccount: {
    ledgerAccountTypeId: "SALES",
    includedInChart: "true",
    name: "Consulting Income",
    displayName: "Consulting",
    nominalCode: "4901",
  },
  updateLedgerAccount: { accountId: "$salesLedger" },
  getLedgerAccount: { ledgerAccountId: "$salesLedger" },
  listLedgerAccounts: {},

  recordSalesInvoicePayment: { invoiceId: "$salesInvoices", bankAccountId: "$bankAccount" },
  recordPurchaseInvoicePayment: { invoiceId: "$purchaseInvoices", bankAccountId: "$bankAccount" },
  listContactPayments: {},
  getContactPayment: { contactPaymentId: "$payment" },
  deleteContactPayment: { contactPaymentId: "$payment" },

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

  getSalesDocumentPdf: { documentType: "/sales_credit_notes", documentId: "$salesCreditNotes" },
  convertQuoteToInvoice: { salesQuoteId: "$salesQuotes", date: "2026-01-31" },
  convertEstimateToInvoice: { salesEstimateId: "$salesEstimates" },

  getTrialBalance: { fromDate: "2026-01-01", toDate: "2026-01-31" },
  listLedgerEntries: {},
  listTransactions: {},
  getTransaction: { transactionId: "$transaction" },
  listJournalCodes: {},
  getAgedDebtors: { asOfDate: "2026-01-31" },
  getAgedCreditors: { asOfDate: "2026-01-31" },

  applyCreditToInvoices: {
    creditType: "salesCreditNote",
    creditId: "$salesCreditNotes",
    invoiceAllocations: JSON.stringify([{ invoice_id: "$salesInvoices", amount: 10 }]),
  },
  refundSalesInvoice: { salesInvoiceId: "$salesInvoices" },
  getContactAllocation: { contactAllocationId: "$contactAllocation" },
  listContactAllocations: {},
  deleteContactAllocation: { contactAllocationId: "$contactAllocation" },
  listUnallocatedItems: {},

  uploadAttachment: {
    file: {
      data: Buffer.from("%PDF-1.4\n%\xff\n1 0 obj <<>> endobj\n%%EOF\n", "latin1"),
      contentType: "application/pdf",
    },
    fileName: "invoice-1042.pdf",
    attachmentContextTypeId: "PURCHASE_INVOICE",
    attachmentContextId: "$purchaseInvoices",
  },
  downloadAttachment: { attachmentId: "$attachments" },
};
