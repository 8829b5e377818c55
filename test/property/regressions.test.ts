import { inspect } from "node:util";
import { checkRun } from "./contract";
import { BASELINES } from "./baselines";
import { propertySandbox } from "./propertySandbox";

/**
 * The smallest inputs the properties found breaking the contract, kept as plain examples: each
 * must be refused with `Invalid "<label>"` before any request. The comment says what happened
 * instead when they were found.
 */

const sage = propertySandbox();

const nullPrototypeObject = Object.create(null) as Record<string, unknown>;

const cases: [action: string, label: string, params: Record<string, unknown>, found: string][] = [
  ["createContact", "BIC", { bic: {} }, 'sent bank_account_details.bic "[object Object]"'],
  ["createContactPerson", "Email", { email: {} }, 'sent email "[object Object]"'],
  ["findOrCreateContact", "Notes", { notes: {} }, 'sent notes "[object Object]"'],
  ["updateContact", "Delivery Address City", { deliveryAddressCity: NaN }, 'sent delivery_address.city "NaN"'],
  ["updateLedgerAccount", "Name", { name: [NaN] }, 'sent name "NaN"'],
  ["updateSalesInvoice", "Contact Name", { contactName: {} }, 'sent contact_name "[object Object]"'],
  ["recordPurchaseInvoicePayment", "Reference", { reference: {} }, 'sent reference "[object Object]"'],
  ["listContacts", "Search", { search: [] }, "sent an empty search="],
  ["deleteSalesInvoice", "Void Reason", { voidReason: [] }, "sent an empty void_reason="],
  ["listLedgerAccounts", "Attributes", { attributes: NaN }, "sent attributes=NaN"],
  ["listAddressTypes", "Attributes", { attributes: {} }, "sent attributes=[object Object]"],
  ["findContacts", "Contact Type Id", { contactTypeId: -Infinity }, "sent contact_type_id=-Infinity"],
  ["getContact", "Contact Id", { contactId: NaN }, "GET /contacts/NaN"],
  ["deleteContactPerson", "Contact Person Id", { contactPersonId: NaN }, "DELETE /contact_persons/NaN"],
  [
    "recordSalesInvoicePayment",
    "Invoice Id",
    { invoiceId: NaN },
    "GET /sales_invoices/NaN, then POSTed a payment for artefact NaN",
  ],
  [
    "createLedgerAccount",
    "Include In Chart",
    { includedInChart: [nullPrototypeObject] },
    "TypeError: Cannot convert object to primitive value",
  ],
  [
    "listContactTypes",
    "Fetch All",
    { fetchAll: [nullPrototypeObject] },
    "TypeError: Cannot convert object to primitive value",
  ],
  ["rawRequest", "Query Parameter", { queryParams: "[]" }, "TypeError: (kvpList || []).reduce is not a function"],
  ["rawRequest", "Max Retry Count", { maxRetries: ":" }, "Error: Value ':' cannot be coerced to a number."],
  ["rawRequest", "Method", { method: false }, 'sent method "false" (Sage never answered)'],
];

const shown = (params: Record<string, unknown>) =>
  Object.entries(params)
    .map(([key, value]) => `${key}: ${inspect(value, { breakLength: Infinity })}`)
    .join(", ");

test.each(cases.map(([action, label, params, found]) => ({ action, label, params, found, given: shown(params) })))(
  "$action refuses { $given } naming $label, before any request (was: $found)",
  async ({ action, label, params }) => {
    await expect(checkRun(sage, action, [label], { ...BASELINES[action], ...params })).resolves.toBe("refused");
    expect(sage.requests).toEqual([]);
  },
);
