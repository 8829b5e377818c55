#!/usr/bin/env node
// @ts-check
"use strict";

/**
 * The example payloads flow builders see (each action's, data source's and trigger's
 * `examplePayload`) are what the component really returns: this script runs every one of them
 * against a fresh local Sage sandbox and writes the results into src/examplePayloads/*.ts.
 *
 *   npm run build --silent && node scripts/example-payloads.js          rewrite src/examplePayloads/
 *   node scripts/example-payloads.js --check                           exit 1 if a file would change
 *   node scripts/example-payloads.js --dist <file.js>                  use another build of the component
 *
 * The same scenario (`runScenario`) drives test/e2e/examplePayloads.e2e.test.ts, which runs it
 * on the TypeScript sources and checks every example against the real results' shape, so an
 * example cannot drift from what the component returns.
 *
 * Output is deterministic: the sandbox clock is fixed per step, seeded ids are stable, and the
 * ids of records the scenario creates (random in the sandbox) are replaced with stable fake ids.
 */

const crypto = require("crypto");
const fs = require("fs");
const path = require("path");
const { pdfOf } = require("../sandbox/pdf");

const ROOT = path.join(__dirname, "..");
const OUT_DIR = path.join(ROOT, "src", "examplePayloads");
const DEFAULT_DIST = path.join(ROOT, "dist", "index.js");

/** Which generated file holds which examples (one file per resource, as in src/actions/). */
const FILES = {
  contacts: [
    "createContact",
    "updateContact",
    "getContact",
    "deleteContact",
    "listContacts",
    "findContacts",
    "findOrCreateContact",
  ],
  contactPersons: [
    "createContactPerson",
    "updateContactPerson",
    "getContactPerson",
    "deleteContactPerson",
    "listContactPeople",
  ],
  ledgerAccounts: ["createLedgerAccount", "updateLedgerAccount", "getLedgerAccount", "listLedgerAccounts"],
  contactPayments: [
    "recordSalesInvoicePayment",
    "recordPurchaseInvoicePayment",
    "listContactPayments",
    "getContactPayment",
    "deleteContactPayment",
  ],
  lookups: [
    "listAddressTypes",
    "listBankAccounts",
    "listContactTypes",
    "listCountries",
    "listCurrencies",
    "listLedgerAccountTypes",
    "listPaymentMethods",
  ],
  taxRates: ["listTaxRates"],
  businesses: ["listBusinesses"],
  misc: ["rawRequest"],
  documents: ["convertQuoteToInvoice", "convertEstimateToInvoice"],
  reporting: [
    "getTrialBalance",
    "listLedgerEntries",
    "listTransactions",
    "getTransaction",
    "listJournalCodes",
    "getAgedDebtors",
    "getAgedCreditors",
  ],
  catalogue: ["findProduct", "findService", "findStockItem", "findOrCreateProduct", "findOrCreateService"],
  allocations: [
    "applyCreditToInvoices",
    "refundSalesInvoice",
    "getContactAllocation",
    "listContactAllocations",
    "deleteContactAllocation",
    "listUnallocatedItems",
  ],
  // Added to the declared resource's own file (Upload Attachment is an action of its own).
  attachments: ["uploadAttachment"],
};
/** Actions whose result is a file, not JSON: run by the scenario, their example is kept by hand. */
const BINARY = ["getSalesDocumentPdf", "downloadAttachment"];
/**
 * The generated file of a resource declared in src/resources/: its plural in camelCase ("Sales
 * Credit Notes" → salesCreditNotes), so two kinds of one collection (Other Payments, Other
 * Receipts) get a file each.
 */
const fileOf = (/** @type {Resource} */ resource) =>
  resource.plural.replace(/\s+(\w)/g, (_, letter) => letter.toUpperCase()).replace(/^\w/, (c) => c.toLowerCase());

/** Every action key a declared resource makes, in the order the scenario runs them. */
const OPERATIONS = /** @type {const} */ ([
  "create",
  "update",
  "get",
  "release",
  "reissue",
  "list",
  "find",
  "void",
  "delete",
]);
const actionKeysOf = (/** @type {Resource} */ resource) =>
  OPERATIONS.flatMap((operation) => (resource[operation] ? [resource[operation].key] : []));

/** FILES plus one file per declared resource (after the FILES entry of the same name, if any). @param {Resource[]} resources */
const filesFor = (resources) => ({
  ...FILES,
  ...Object.fromEntries(
    resources.map((resource) => {
      const file = fileOf(resource);
      /** @type {Record<string, string[]>} */
      const named = FILES;
      return [file, [...(named[file] ?? []), ...actionKeysOf(resource)]];
    }),
  ),
});
const DATA_SOURCES_FILE = "dataSources";
const TRIGGERS_FILE = "triggers";

/** The scenario's clock: every step happens at a fixed time of this day. */
const DAY = "2026-01-31";
const at = (/** @type {string} */ time) => new Date(`${DAY}T${time}.000Z`);
/** Triggers deliver what changed since here: records created before it and edited after are "updated". */
const TRIGGER_START_FROM = `${DAY}T09:15:00Z`;
/** Lists are read two records a page: a realistic first page whose `$next` points at the second. */
const PAGE = { itemsPerPage: "1" };

/**
 * @typedef {import("../src/resources/resource").SageResource} Resource  a declaration of src/resources/
 */
/**
 * @typedef {object} Harness  Spectral's component test harness (createHarness(component))
 * @property {{ dataSources: Record<string, unknown>, triggers: Record<string, unknown> }} component
 * @property {(key: string, params?: Record<string, unknown>) => Promise<any>} action
 * @property {(key: string, params?: Record<string, unknown>) => Promise<any>} dataSource
 * @property {(key: string, payload?: Record<string, unknown>, params?: Record<string, unknown>, context?: Record<string, unknown>) => Promise<any>} trigger
 */
/**
 * @typedef {object} ScenarioResults  what each action, data source and trigger returned, by key
 * @property {Record<string, any>} actions
 * @property {Record<string, any>} dataSources
 * @property {Record<string, any>} triggers
 */

/**
 * A declared resource's sample inputs with its placeholders filled in: "$customer", "$vendor",
 * "$salesLedger", "$purchaseLedger", "$currentAccount", "$savingsAccount", "$cashAccount" (ids)
 * and "$today"; line arrays become the JSON text a flow builder types.
 * @param {Record<string, unknown>} sample
 * @param {Record<string, string>} values
 */
const fillSample = (sample, values) =>
  Object.fromEntries(
    Object.entries(sample).map(([key, value]) => {
      const filled = JSON.parse(JSON.stringify(value), (_, v) =>
        typeof v === "string" && v.startsWith("$") && v.slice(1) in values ? values[v.slice(1)] : v,
      );
      return [key, typeof filled === "object" && filled !== null ? JSON.stringify(filled) : filled];
    }),
  );

/**
 * One declared resource's whole life, as a flow would live it: create, update, get, list (by its
 * contact), then a draft released, then void or delete. Returns each action's result by key.
 * @param {(key: string, params?: Record<string, unknown>) => Promise<any>} run
 * @param {Resource} resource
 * @param {Record<string, string>} values  the placeholders' values (see fillSample)
 */
const resourceLifecycle = async (run, resource, values) => {
  /** @type {Record<string, any>} */
  const results = {};
  const step = async (
    /** @type {{ key: string } | undefined} */ names,
    /** @type {Record<string, unknown>} */ params,
  ) => {
    if (names) results[names.key] = await run(names.key, params);
    return names ? results[names.key] : undefined;
  };
  const idKey = resource.id.key;
  const create = fillSample(resource.sample.create, values);
  const { create: createNames } = resource;
  if (!createNames) throw new Error(`${resource.plural}: the example scenario needs a create action`);
  const created = (await step(createNames, create)).data;
  await step(resource.update, { [idKey]: created.id, ...fillSample(resource.sample.update, values) });
  await step(resource.get, { [idKey]: created.id });
  if (resource.release) {
    const draft = (await run(createNames.key, { ...create, statusId: "DRAFT" })).data;
    await step(resource.release, { [idKey]: draft.id });
  }
  await step(resource.reissue, { [idKey]: created.id });
  await step(resource.list, { itemsPerPage: "1", contactId: create.contactId });
  if (resource.find) {
    const field = resource.find.fields.find((name) => created[name]);
    await step(resource.find, { numberOrReference: field ? created[field] : created.displayed_as });
  }
  if (resource.void) await step(resource.void, { [idKey]: created.id, voidReason: "Raised in error" });
  // Delete a second record, so the first stays for the dropdown.
  if (resource.delete) await step(resource.delete, { [idKey]: (await run(createNames.key, create)).data.id });
  return results;
};

/**
 * Run every action, data source and trigger of the component once, as a flow builder would, on
 * a fresh sandbox (the component must already point at it through SAGE_API_BASE_URL). Records
 * are created first so that every get, list and dropdown returns real, non-empty data.
 * @param {Harness} harness
 * @param {unknown} connection  the Sage connection holding the sandbox's token
 * @param {import("../sandbox").Sandbox} sandbox
 * @param {Resource[]} resources  the declarations of src/resources/ (the bundle's RESOURCES)
 * @returns {Promise<ScenarioResults>}
 */
const runScenario = async (harness, connection, sandbox, resources) => {
  /** @type {ScenarioResults} */
  const results = { actions: {}, dataSources: {}, triggers: {} };
  const clock = (/** @type {string} */ time) => sandbox.setNow(() => at(time));
  /** Run an action as a flow step would; a failure names the action. @param {string} key @param {Record<string, unknown>} [params] */
  const call = async (key, params = {}) => {
    try {
      return await harness.action(key, { connection, ...params });
    } catch (error) {
      throw new Error(`${key} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  /** Run an action and keep its result as the action's example. @param {string} key @param {Record<string, unknown>} [params] */
  const run = async (key, params = {}) => {
    results.actions[key] = await call(key, params);
    return results.actions[key].data;
  };
  const seeded = (/** @type {string} */ collection, /** @type {(r: any) => boolean} */ match) => {
    const record = sandbox.store.list(collection).find(match);
    if (!record) throw new Error(`the sandbox seed has no such ${collection} record`);
    return record.id;
  };
  const salesLedger = seeded("ledger_accounts", (a) => a.nominal_code === 4000);
  const purchaseLedger = seeded("ledger_accounts", (a) => a.nominal_code === 5000);
  const currentAccount = seeded("bank_accounts", (b) => b.nominal_code === 1200);
  const product = seeded("products", () => true);
  const service = seeded("services", () => true);

  // 09:00 – lookups, then the records the rest of the scenario works with.
  clock("09:00:00");
  for (const key of FILES.lookups) await run(key, PAGE);
  await run("listTaxRates", PAGE);
  await run("listBusinesses");

  const customer = await run("createContact", {
    name: "Acme Trading Ltd",
    contactTypeIds: "CUSTOMER",
    reference: "ACME001",
    defaultSalesLedgerId: salesLedger,
    defaultSalesTaxRateId: "GB_STANDARD",
    taxNumber: "GB123456789",
    notes: "Prefers invoices by email.",
    creditLimit: "5000",
    creditDays: "30",
    currencyId: "GBP",
    addressLine1: "1 High Street",
    city: "Newcastle upon Tyne",
    region: "Tyne and Wear",
    postalCode: "NE1 1AA",
    countryId: "GB",
    deliveryAddressLine1: "Unit 4, Quayside Trading Estate",
    deliveryAddressCity: "Gateshead",
    deliveryAddressPostalCode: "NE8 2BH",
    deliveryAddressCountryId: "GB",
    accountName: "Acme Trading Ltd",
    accountNumber: "12345678",
    sortCode: "40-11-62",
  });
  const vendor = (
    await call("createContact", {
      name: "Northwind Supplies Ltd",
      contactTypeIds: "VENDOR",
      reference: "NORTH01",
      defaultPurchaseLedgerId: purchaseLedger,
      creditDays: "14",
      addressLine1: "22 Harbour Road",
      city: "Bristol",
      postalCode: "BS1 5TY",
      countryId: "GB",
    })
  ).data;
  const ledgerAccount = await run("createLedgerAccount", {
    ledgerAccountTypeId: "SALES",
    includedInChart: "true",
    name: "Consulting Income",
    displayName: "Consulting",
    nominalCode: "4020",
    taxRateId: "GB_STANDARD",
  });
  const salesLines = [
    {
      description: "Consulting (day rate)",
      ledger_account_id: ledgerAccount.id,
      service_id: service,
      quantity: 2,
      unit_price: 650,
      tax_rate_id: "GB_STANDARD",
    },
    {
      description: "Blue Widget",
      ledger_account_id: salesLedger,
      product_id: product,
      quantity: 3,
      unit_price: 12.5,
      tax_rate_id: "GB_STANDARD",
    },
  ];
  const salesInvoice = await run("createSalesInvoice", {
    contactId: customer.id,
    date: DAY,
    invoiceLines: JSON.stringify(salesLines),
  });
  const purchaseLines = [
    {
      description: "Office chairs",
      ledger_account_id: purchaseLedger,
      quantity: 4,
      unit_price: 120,
      tax_rate_id: "GB_STANDARD",
    },
  ];
  const purchaseInvoice = await run("createPurchaseInvoice", {
    contactId: vendor.id,
    date: DAY,
    dueDate: "2026-02-14",
    invoiceLines: JSON.stringify(purchaseLines),
  });
  const person = await run("createContactPerson", {
    addressId: customer.main_address.id,
    name: "Jane Smith",
    contactPersonTypeIds: "ACCOUNTS",
    jobTitle: "Finance Manager",
    telephone: "0191 496 0000",
    mobile: "07700 900123",
    email: "jane.smith@acme.example",
    isMainContact: "false",
    isPreferredContact: "true",
  });

  // 09:15 – Invoice Status Changed's first poll notes where each open invoice stands.
  clock("09:15:00");
  /** @type {Record<string, unknown>} */
  const statusTriggerState = {};
  const statusTriggerInputs = { connection, invoiceType: "salesInvoices" };
  await harness.trigger("invoiceStatusChanged", { startedAt: at("09:15:00").toISOString() }, statusTriggerInputs, {
    instanceState: statusTriggerState,
  });

  // 09:30 – payments and edits (after TRIGGER_START_FROM: the triggers report these records as updated).
  clock("09:30:00");
  await run("updateContact", { contactId: customer.id, notes: "Prefers invoices by email; PO number required." });
  await run("getContact", { contactId: customer.id });
  await run("updateLedgerAccount", { accountId: ledgerAccount.id, displayName: "Consulting fees" });
  await run("getLedgerAccount", { ledgerAccountId: ledgerAccount.id });
  await run("updateContactPerson", { contactPersonId: person.id, jobTitle: "Head of Finance" });
  await run("getContactPerson", { contactPersonId: person.id });
  const salesPayment = await run("recordSalesInvoicePayment", {
    invoiceId: salesInvoice.id,
    bankAccountId: currentAccount,
    amount: "500",
    date: DAY,
    paymentMethodId: "BANK_TRANSFER",
    reference: "PAY-0001",
  });
  const purchasePayment = await run("recordPurchaseInvoicePayment", {
    invoiceId: purchaseInvoice.id,
    bankAccountId: currentAccount,
    date: DAY,
    paymentMethodId: "BANK_TRANSFER",
    reference: "BACS-0415",
  });
  await run("updateSalesInvoice", {
    salesInvoiceId: salesInvoice.id,
    dueDate: "2026-02-14",
    notes: "Thank you for your business.",
  });
  await run("updatePurchaseInvoice", {
    purchaseInvoiceId: purchaseInvoice.id,
    notes: "Delivered to the Bristol office.",
  });
  await run("getSalesInvoice", { salesInvoiceId: salesInvoice.id });
  await run("getPurchaseInvoice", { purchaseInvoiceId: purchaseInvoice.id });
  await run("getContactPayment", { contactPaymentId: salesPayment.id });

  // 09:45 – new records (the triggers report these as created), then every list.
  clock("09:45:00");
  const found = await run("findOrCreateContact", {
    name: "Bright Ideas Inc",
    contactTypeIds: "CUSTOMER",
    email: "accounts@brightideas.example",
    reference: "BRIGHT01",
    city: "Leeds",
    countryId: "GB",
  });
  const secondSalesInvoice = (
    await call("createSalesInvoice", {
      contactId: customer.id,
      date: DAY,
      invoiceLines: JSON.stringify([{ ...salesLines[0], quantity: 1 }]),
    })
  ).data;
  const secondPurchaseInvoice = (
    await call("createPurchaseInvoice", {
      contactId: vendor.id,
      date: DAY,
      dueDate: "2026-02-28",
      invoiceLines: JSON.stringify([{ ...purchaseLines[0], description: "Desk lamps", unit_price: 35 }]),
    })
  ).data;
  // A second contact person, kept: Select Contact Person has someone to list after Jane is deleted.
  await call("createContactPerson", {
    addressId: customer.main_address.id,
    name: "Tom Baker",
    contactPersonTypeIds: "SALES",
    email: "tom.baker@acme.example",
  });
  await run("listContacts", PAGE);
  await run("findContacts", { search: "Acme" });
  await run("listContactPeople", { ...PAGE, contactId: customer.id });
  await run("listLedgerAccounts", { ...PAGE, ledgerAccountTypeId: "SALES" });
  await run("listSalesInvoices", PAGE);
  await run("listPurchaseInvoices", PAGE);
  await run("findSalesInvoice", { numberOrReference: secondSalesInvoice.invoice_number });
  // The trial business's demo bill, by the supplier's own number (Create Purchase Invoice has no input for it).
  await run("findPurchaseInvoice", { numberOrReference: "ns-20931" });
  await run("listContactPayments", PAGE);
  await run("rawRequest", { url: "/contacts", method: "GET", queryParams: [{ key: "items_per_page", value: "1" }] });
  // Every declared resource the steps above did not already run lives its whole life here.
  const values = {
    customer: customer.id,
    vendor: vendor.id,
    salesLedger,
    purchaseLedger,
    currentAccount,
    savingsAccount: seeded("bank_accounts", (b) => b.nominal_code === 1210),
    cashAccount: seeded("bank_accounts", (b) => b.bank_account_type?.id === "CASH_IN_HAND"),
    today: DAY,
  };
  // (A resource without a generic create, such as attachments, has its own steps below.)
  for (const resource of resources) {
    if (!resource.create || resource.create.key in results.actions) continue;
    Object.assign(results.actions, await resourceLifecycle(call, resource, values));
  }
  // The catalogue's Find and Find or Create, on the seeded products and services and the lifecycles' records.
  await run("findProduct", { itemCode: "widget-blue" });
  await run("findService", { description: "Consulting (hourly)" });
  await run("findStockItem", { itemCode: "lamp-desk" });
  await run("findOrCreateProduct", {
    itemCode: "CANDLE-LG",
    description: "Large Candle",
    salesLedgerAccountId: salesLedger,
    purchaseLedgerAccountId: purchaseLedger,
    salesPrices: JSON.stringify([{ price_name: "Selling Price", price: 12, price_includes_tax: true }]),
  });
  await run("findOrCreateService", {
    itemCode: "consult-hr",
    description: "Consulting (hourly)",
    salesLedgerAccountId: salesLedger,
  });
  // The supplier's invoice as a PDF attached to the purchase invoice: updated, read, listed,
  // downloaded (a file: its example is written by hand, see BINARY); a second one is deleted.
  const scan = {
    file: { data: pdfOf(["Paper Supplies Ltd", "Invoice 7781", "Total: 54.00 GBP"]), contentType: "application/pdf" },
    fileName: "supplier-invoice-7781.pdf",
    attachmentContextTypeId: "PURCHASE_INVOICE",
    attachmentContextId: purchaseInvoice.id,
  };
  const attachment = await run("uploadAttachment", { ...scan, description: "As received by email" });
  await run("updateAttachment", { attachmentId: attachment.id, description: "Supplier invoice, as received by email" });
  await run("getAttachment", { attachmentId: attachment.id });
  await run("listAttachments", {
    ...PAGE,
    attachmentContextTypeId: "PURCHASE_INVOICE",
    attachmentContextId: purchaseInvoice.id,
  });
  results.actions.downloadAttachment = await call("downloadAttachment", { attachmentId: attachment.id });
  await run("deleteAttachment", { attachmentId: (await call("uploadAttachment", scan)).data.id });
  // A PDF of the first sales invoice (a binary file: its example is written by hand, see BINARY).
  results.actions.getSalesDocumentPdf = await call("getSalesDocumentPdf", {
    documentType: "/sales_invoices",
    documentId: salesInvoice.id,
  });
  // Hop-by-hop headers (keep-alive, chunking) depend on the HTTP connection, not on Sage's answer.
  const raw = /** @type {{ headers: Record<string, string> }} */ (results.actions.rawRequest);
  for (const header of ["connection", "keep-alive", "transfer-encoding"]) delete raw.headers[header];

  // 10:00 – the triggers' first poll, starting from TRIGGER_START_FROM.
  clock("10:00:00");
  /** One poll of a trigger that starts from TRIGGER_START_FROM. @param {string} key @param {string} time @param {Record<string, unknown>} [inputs] */
  const pollFromStart = async (key, time, inputs = {}) => {
    results.triggers[key] = await harness.trigger(
      key,
      { startedAt: at(time).toISOString() },
      { connection, startFrom: TRIGGER_START_FROM, ...inputs },
      { instanceState: {} },
    );
  };
  // The "New and Updated ..." polls; New and Updated Records as a flow built on Prismatic's own component sets it.
  for (const key of ["contactsChanged", "salesInvoicesChanged", "purchaseInvoicesChanged"])
    await pollFromStart(key, "10:00:00");
  await pollFromStart("pollChangesTrigger", "10:00:00", { resourceType: "contacts" });
  // The second poll of Invoice Status Changed: the payment of 09:30.
  results.triggers.invoiceStatusChanged = await harness.trigger(
    "invoiceStatusChanged",
    { startedAt: at("10:00:00").toISOString() },
    statusTriggerInputs,
    { instanceState: statusTriggerState },
  );

  // 10:05 – a quote and an estimate become invoices, after the polls above, so that the
  // New and Updated Sales Invoices example shows only the invoices made above.
  clock("10:05:00");
  for (const [convert, create, lines, idKey] of [
    ["convertQuoteToInvoice", "createSalesQuote", "quoteLines", "salesQuoteId"],
    ["convertEstimateToInvoice", "createSalesEstimate", "estimateLines", "salesEstimateId"],
  ]) {
    const { data: source } = await call(create, {
      contactId: customer.id,
      date: DAY,
      expiryDate: "2026-02-28",
      reference: "DEAL-0007",
      [lines]: JSON.stringify([salesLines[0]]),
    });
    await run(convert, { [idKey]: source.id, date: DAY });
  }

  // 10:10 – allocations and refunds: a returned widget's credit note applied to the first invoice,
  // and a paid invoice refunded out of the current account.
  clock("10:10:00");
  const { data: creditNote } = await call("createSalesCreditNote", {
    contactId: customer.id,
    date: DAY,
    reference: "RMA-0042",
    creditNoteLines: JSON.stringify([{ ...salesLines[1], description: "Returned Blue Widget", quantity: 1 }]),
  });
  await run("listUnallocatedItems", { contactId: customer.id });
  const allocation = await run("applyCreditToInvoices", {
    creditType: "salesCreditNote",
    creditId: creditNote.id,
    invoiceAllocations: JSON.stringify([{ invoice_id: salesInvoice.id, amount: 10 }]),
    date: DAY,
  });
  // A second allocation of what is left, deleted below (the first stays for the live check to read).
  const { data: rest } = await call("applyCreditToInvoices", {
    creditType: "salesCreditNote",
    creditId: creditNote.id,
    invoiceAllocations: JSON.stringify([{ invoice_id: salesInvoice.id }]),
    date: DAY,
  });
  await run("getContactAllocation", { contactAllocationId: allocation.id });
  await run("listContactAllocations", { ...PAGE, contactId: customer.id });
  const { data: paidInvoice } = await call("createSalesInvoice", {
    contactId: customer.id,
    date: DAY,
    reference: "ORDER-1042",
    invoiceLines: JSON.stringify(salesLines),
  });
  await call("recordSalesInvoicePayment", { invoiceId: paidInvoice.id, bankAccountId: currentAccount, date: DAY });
  await run("refundSalesInvoice", {
    salesInvoiceId: paidInvoice.id,
    lines: JSON.stringify([{ line: 2, quantity: 1 }]),
    date: DAY,
    reference: "RF-1042",
    bankAccountId: currentAccount,
    paymentMethodId: "CREDIT_DEBIT",
  });
  await run("deleteContactAllocation", { contactAllocationId: rest.id });

  // 10:15 – deletes (a sales invoice that is not a draft is voided), then every dropdown.
  clock("10:15:00");
  await run("deleteContactPayment", { contactPaymentId: purchasePayment.id });
  await run("deleteSalesInvoice", { salesInvoiceId: secondSalesInvoice.id, voidReason: "Raised in error" });
  await run("deletePurchaseInvoice", { purchaseInvoiceId: secondPurchaseInvoice.id });
  await run("deleteContactPerson", { contactPersonId: person.id });
  await run("deleteContact", { contactId: found.contact.id });
  clock("10:20:00");
  await pollFromStart("recordsDeleted", "10:20:00", { resourceType: "contacts" });
  // The reporting reads: the books as the steps above left them (invoices, payments, a journal).
  await run("getTrialBalance", { fromDate: "2026-01-01", toDate: DAY });
  await run("listLedgerEntries", PAGE);
  const transactions = await run("listTransactions", PAGE);
  await run("getTransaction", { transactionId: transactions.$items[0].id });
  await run("listJournalCodes", PAGE);
  await run("getAgedDebtors", { asOfDate: "2026-03-31" });
  await run("getAgedCreditors", { asOfDate: "2026-03-31" });
  // Every dropdown takes just the connection.
  for (const key of Object.keys(harness.component.dataSources)) {
    results.dataSources[key] = await harness.dataSource(key, { connection });
  }
  return results;
};

// ------------------------------------------------------------------------------------------------
// From results to example payloads

/** What each definition's `examplePayload` holds, from what it returned. */
const toExamples = (/** @type {ScenarioResults} */ results) => ({
  actions: Object.fromEntries(Object.entries(results.actions).filter(([key]) => !BINARY.includes(key))),
  dataSources: results.dataSources,
  // The platform part of a trigger's payload is not Sage's: src/triggers keeps it; this is body.data.
  triggers: Object.fromEntries(Object.entries(results.triggers).map(([key, value]) => [key, value.payload.body.data])),
});

/** At most two items per array: enough to show a list, short enough to read. @returns {any} */
const trim = (/** @type {unknown} */ value) => {
  if (Array.isArray(value)) return value.slice(0, 2).map(trim);
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, trim(entry)]));
  return value;
};

const HEX_ID = /\b[0-9a-f]{32}\b/g;

/**
 * Records the scenario created carry random ids; give each a stable fake one, the same
 * everywhere it appears: the n-th id of a kind (its collection, from `$path`) always maps to the
 * same id, so re-running changes nothing. Ids the sandbox seeds are stable already and kept.
 * @param {unknown} examples
 * @param {Set<string>} seededIds
 */
const stabiliseIds = (examples, seededIds) => {
  /** @type {Map<string, string>} */
  const mapping = new Map();
  /** @type {Map<string, number>} */
  const perKind = new Map();
  const assign = (/** @type {string} */ id, /** @type {string} */ kind) => {
    if (seededIds.has(id) || mapping.has(id)) return;
    const n = (perKind.get(kind) ?? 0) + 1;
    perKind.set(kind, n);
    mapping.set(id, crypto.createHash("sha256").update(`example:${kind}:${n}`).digest("hex").slice(0, 32));
  };
  // Ids of records first (their kind is known), then any other id (in paths, references, delete results).
  const walkRecords = (/** @type {unknown} */ value, /** @type {string} */ parentKey) => {
    if (Array.isArray(value)) value.forEach((item) => walkRecords(item, parentKey));
    else if (value && typeof value === "object") {
      const record = /** @type {Record<string, unknown>} */ (value);
      if (typeof record.id === "string" && /^[0-9a-f]{32}$/.test(record.id)) {
        const kind = typeof record.$path === "string" ? record.$path.split("/")[1] : parentKey;
        assign(record.id, kind);
      }
      for (const [key, entry] of Object.entries(record)) walkRecords(entry, key);
    }
  };
  walkRecords(examples, "");
  const text = JSON.stringify(examples);
  for (const [id] of text.matchAll(HEX_ID)) assign(id, "other");
  return JSON.parse(text.replace(HEX_ID, (id) => mapping.get(id) ?? id));
};

/** Every 32-hex id in the sandbox's seed (both businesses), which is the same on every start. */
const seededIdsOf = (/** @type {import("../sandbox").Sandbox} */ sandbox) => {
  const { store } = sandbox;
  const everything = [store.businesses()];
  for (const business of store.businesses())
    for (const collection of store.collections()) everything.push(store.list(collection, business.id));
  return new Set([...JSON.stringify(everything).matchAll(HEX_ID)].map(([id]) => id));
};

// ------------------------------------------------------------------------------------------------
// TypeScript output

const HEADER = `// Generated by scripts/example-payloads.js from the local Sage sandbox: do not edit by hand.
// Regenerate with \`npm run build && node scripts/example-payloads.js\`;
// test/e2e/examplePayloads.e2e.test.ts checks these against what the component really returns.
`;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const isPlainObject = (/** @type {unknown} */ v) => typeof v === "object" && v !== null && !Array.isArray(v);

/** camelCase singular of a collection: sales_invoices → salesInvoice. */
const recordName = (/** @type {string} */ collection) =>
  collection
    .replace(/_([a-z])/g, (_, letter) => letter.toUpperCase())
    .replace(/ies$/, "y")
    .replace(/(ss|x|ch|sh)es$/, "$1")
    .replace(/([^s])s$/, "$1")
    .replace(/^\W+/, "") || "record";

/** A full record (not a bare reference): worth a name when it appears more than once. */
const isRecord = (/** @type {unknown} */ value) =>
  isPlainObject(value) &&
  typeof (/** @type {Record<string, unknown>} */ (value).$path) === "string" &&
  "created_at" in /** @type {Record<string, unknown>} */ (value);

/**
 * The TypeScript source of every file: `export const <key> = <example>;` per entry. A full record
 * that appears more than once (get, update and list of the same record; a trigger delivering it)
 * is written once as a const and referred to by name. It lives in the first file that uses it,
 * exported when a later file imports it; imports only go to earlier files, so there is no cycle.
 * @param {[string, [string, unknown][]][]} files  [file name, entries] in output order
 * @returns {[string, string][]} [file name, source]
 */
const renderFiles = (files) => {
  /** @typedef {{ count: number, home: string, files: Set<string>, value: Record<string, unknown>, name?: string }} Shared */
  /** @type {Map<string, Shared>} canonical JSON → record, in post-order (a nested record before its holder) */
  const records = new Map();
  for (const [file, entries] of files) {
    const collect = (/** @type {unknown} */ value) => {
      if (Array.isArray(value)) value.forEach(collect);
      else if (isPlainObject(value)) {
        Object.values(/** @type {Record<string, unknown>} */ (value)).forEach(collect);
        if (!isRecord(value)) return;
        const text = JSON.stringify(value);
        const shared = records.get(text);
        if (shared) {
          shared.count++;
          shared.files.add(file);
        } else
          records.set(text, {
            count: 1,
            home: file,
            files: new Set([file]),
            value: /** @type {Record<string, unknown>} */ (value),
          });
      }
    };
    entries.forEach(([, value]) => collect(value));
  }
  /** @type {Map<string, number>} */
  const taken = new Map();
  for (const shared of records.values()) {
    if (shared.count < 2) continue;
    const base = recordName(String(shared.value.$path).split("/")[1] ?? "record");
    const n = (taken.get(base) ?? 0) + 1;
    taken.set(base, n);
    shared.name = n === 1 ? base : `${base}${n}`;
  }

  /** @type {Map<Shared, Set<string>>} which files refer to each named record */
  const referrers = new Map();
  const rendered = files.map(([file, entries]) => {
    /**
     * @param {unknown} value
     * @param {boolean} [defining] writing the named record itself, not a reference to it
     * @returns {string}
     */
    const literal = (value, defining = false) => {
      if (Array.isArray(value)) return `[${value.map((item) => literal(item)).join(", ")}]`;
      if (!isPlainObject(value)) return JSON.stringify(value);
      const shared = isRecord(value) ? records.get(JSON.stringify(value)) : undefined;
      if (shared?.name && !defining) {
        referrers.set(shared, (referrers.get(shared) ?? new Set()).add(file));
        return shared.name;
      }
      const fields = Object.entries(/** @type {Record<string, unknown>} */ (value)).map(
        ([key, entry]) => `${IDENTIFIER.test(key) ? key : JSON.stringify(key)}: ${literal(entry)}`,
      );
      return `{ ${fields.join(", ")} }`;
    };
    const consts = [...records.values()]
      .filter((shared) => shared.name && shared.home === file)
      .map((shared) => ({ shared, text: `const ${shared.name} = ${literal(shared.value, true)};` }));
    const exports = entries.map(([key, value]) => `export const ${key} = ${literal(value)};`);
    return { file, consts, exports };
  });

  return rendered.map(({ file, consts, exports }) => {
    /** @type {Map<string, string[]>} home file → names this file imports from it */
    const imports = new Map();
    for (const [shared, users] of referrers) {
      if (shared.home !== file && users.has(file))
        imports.set(shared.home, [...(imports.get(shared.home) ?? []), /** @type {string} */ (shared.name)]);
    }
    const importedElsewhere = (/** @type {Shared} */ shared) =>
      [...(referrers.get(shared) ?? [])].some((user) => user !== file);
    const body = [
      ...consts.map(({ shared, text }) => (importedElsewhere(shared) ? `export ${text}` : text)),
      ...exports,
    ].join("\n\n");
    const importLines = [...imports].map(([home, names]) => `import { ${names.sort().join(", ")} } from "./${home}";`);
    return [file, `${HEADER}\n${importLines.length ? `${importLines.join("\n")}\n\n` : ""}${body}\n`];
  });
};

/**
 * index.ts: every example by its key, looked up when Prismatic reads one (src/componentOnDemand.ts).
 * @param {string[]} names  the generated files
 * @returns {[string, string]}
 */
const indexOf = (names) => {
  const sorted = [...names].sort();
  return [
    "index",
    `${HEADER}\n${sorted.map((name) => `import * as ${name} from "./${name}";`).join("\n")}\n\n` +
      "let examples: Record<string, unknown> | undefined;\n\n" +
      "/**\n" +
      " * The example payload of an action, data source or trigger, by its key. Built on the first call:\n" +
      " * in the bundle each file's examples are unpacked when first read (bundle/example-payloads-loader.js).\n" +
      " */\n" +
      "export const examplePayloadOf = (key: string): unknown =>\n" +
      `  (examples ??= { ${sorted.map((name) => `...${name}`).join(", ")} })[key];\n`,
  ];
};

/**
 * Every generated file's path and (prettier-formatted) source.
 * @param {ScenarioResults} results
 * @param {Set<string>} seededIds
 * @param {Resource[]} resources
 */
const renderAll = async (results, seededIds, resources) => {
  const examples = stabiliseIds(trim(toExamples(results)), seededIds);
  const byFile = filesFor(resources);
  const missing = Object.keys(examples.actions).filter(
    (key) => !BINARY.includes(key) && !Object.values(byFile).flat().includes(key),
  );
  if (missing.length) throw new Error(`FILES in scripts/example-payloads.js has no file for: ${missing.join(", ")}`);
  /** @type {[string, [string, unknown][]][]} */
  const files = Object.entries(byFile).map(([file, keys]) => [file, keys.map((key) => [key, examples.actions[key]])]);
  files.push([DATA_SOURCES_FILE, Object.entries(examples.dataSources)]);
  files.push([TRIGGERS_FILE, Object.entries(examples.triggers)]);

  const prettier = require("prettier");
  const options = { ...(await prettier.resolveConfig(path.join(OUT_DIR, "x.ts"))), parser: "typescript" };
  /** @type {{ file: string, source: string }[]} */
  const out = [];
  for (const [name, source] of [...renderFiles(files), indexOf(files.map(([name]) => name))]) {
    out.push({ file: path.join(OUT_DIR, `${name}.ts`), source: await prettier.format(source, options) });
  }
  return out;
};

// ------------------------------------------------------------------------------------------------

const main = async () => {
  const args = process.argv.slice(2);
  const check = args.includes("--check");
  const distAt = args.indexOf("--dist");
  const dist = distAt >= 0 ? path.resolve(args[distAt + 1] ?? "") : DEFAULT_DIST;
  if (!fs.existsSync(dist)) throw new Error(`${dist} is missing: run \`npm run build\` first.`);

  const { startSandbox } = require("../sandbox");
  const sandbox = await startSandbox();
  process.env.SAGE_API_BASE_URL = sandbox.url;
  try {
    const loaded = require(dist);
    const component = loaded.default ?? loaded;
    const { createHarness, createConnection } = require("@prismatic-io/spectral/dist/testing");
    const connection = createConnection(
      /** @type {any} */ ({ key: "oauth" }),
      { scopes: "full_access", clientId: "sandbox-client", clientSecret: "sandbox-secret" },
      { access_token: sandbox.token },
    );
    const seededIds = seededIdsOf(sandbox);
    const resources = loaded.RESOURCES;
    const results = await runScenario(createHarness(component), connection, sandbox, resources);
    const files = await renderAll(results, seededIds, resources);
    const changed = files.filter(
      ({ file, source }) => !fs.existsSync(file) || fs.readFileSync(file, "utf8") !== source,
    );
    if (check) {
      for (const { file } of changed) console.error(`out of date: ${path.relative(ROOT, file)}`);
      return changed.length ? 1 : 0;
    }
    fs.mkdirSync(OUT_DIR, { recursive: true });
    for (const { file, source } of changed) fs.writeFileSync(file, source);
    console.error(
      changed.length
        ? `wrote ${changed.map(({ file }) => path.relative(ROOT, file)).join(", ")}`
        : "src/examplePayloads/ is up to date",
    );
    return 0;
  } finally {
    await sandbox.stop();
  }
};

module.exports = { runScenario, resourceLifecycle, fillSample, FILES };

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
