import { input } from "@prismatic-io/spectral";
import {
  optionalId,
  optionalIdList,
  optionalInteger,
  optionalNumber,
  optionalString,
  optionalTrimmed,
  requiredIdList,
  requiredString,
} from "../util/validation";
import { contactId, currencyId, sageQueryFlag } from "./common";
import { addressInputs, deliveryIsMainAddressOnUpdate, isMainAddressOnUpdate } from "./addresses";

export const name = input({
  label: "Name",
  type: "string",
  required: true,
  comments: "Provide a string value for a name.",
  example: "Acme Trading Ltd",
  clean: requiredString("Name"),
});

export const contactTypeIds = input({
  label: "Contact Type Ids",
  type: "string",
  collection: "valuelist",
  required: true,
  comments: "For each list item, provide an Id of a contact type",
  example: "CUSTOMER",
  dataSource: "selectContactType",
  clean: requiredIdList("Contact Type Ids"),
});

export const reference = input({
  label: "Reference",
  type: "string",
  required: false,
  comments: "Provide a string value for the reference of the contact.",
  example: "ACME001",
  clean: optionalTrimmed("Reference"),
});

export const defaultSalesLedgerId = input({
  label: "Default Sales Ledger Id",
  type: "string",
  required: false,
  comments: "Provide the unique identifier of the default sales ledger.",
  example: "9a9a4b4dc3f711e9b6b30ad7a5c4a1a0",
  dataSource: "selectLedgerAccount",
  clean: optionalId("Default Sales Ledger Id"),
});

export const defaultSalesTaxRateId = input({
  label: "Default Sales Tax Rate Id",
  type: "string",
  required: false,
  comments: "Provide the unique identifier of the sales tax rate for the contact.",
  example: "GB_STANDARD",
  dataSource: "selectTaxRate",
  clean: optionalId("Default Sales Tax Rate Id"),
});

export const defaultPurchaseLedgerId = input({
  label: "Default Purchase Ledger Id",
  type: "string",
  required: false,
  comments: "Provide the unique identifier of the default purchase ledger for the contact.",
  example: "9a9a5a26c3f711e9b6b30ad7a5c4a1a0",
  dataSource: "selectLedgerAccount",
  clean: optionalId("Default Purchase Ledger Id"),
});

export const taxNumber = input({
  label: "Tax Number",
  type: "string",
  required: false,
  comments: "Provide a string value for the VAT registration number for the contact.",
  example: "GB123456789",
  clean: optionalString("Tax Number"),
});

export const notes = input({
  label: "Notes",
  type: "string",
  required: false,
  comments: "Provide a string value for notes.",
  example: "Prefers invoices by email.",
  clean: optionalString("Notes"),
});

export const creditLimit = input({
  label: "Credit Limit",
  type: "string",
  required: false,
  comments: "Provide a number value for the credit limit of the contact.",
  example: "5000",
  clean: optionalNumber("Credit Limit", { nonNegative: true }),
});

export const creditDays = input({
  label: "Credit Days",
  type: "string",
  required: false,
  comments: "Provide a number value for the credit days of the contact.",
  example: "30",
  placeholder: "0 to 365",
  clean: optionalInteger("Credit Days", { min: 0, max: 365 }),
});

export const sourceGuid = input({
  label: "Source GUID",
  type: "string",
  required: false,
  comments: "Provide a valid GUID, used for importing/exporting contacts from 3rd party services.",
  example: "3f2504e0-4f89-11d3-9a0c-0305e82c3301",
  clean: optionalTrimmed("Source GUID"),
});

export const accountName = input({
  label: "Account Name",
  type: "string",
  required: false,
  comments: "Provide a string value for the name of the bank account.",
  example: "Acme Trading Ltd",
  clean: optionalString("Account Name"),
});

export const accountNumber = input({
  label: "Account Number",
  type: "string",
  required: false,
  comments: "Provide a valid bank account number.",
  example: "12345678",
  clean: optionalTrimmed("Account Number"),
});

export const sortCode = input({
  label: "Sort Code",
  type: "string",
  required: false,
  comments: "Provide a sort code for the bank account.",
  example: "12-34-56",
  clean: optionalTrimmed("Sort Code"),
});

export const bic = input({
  label: "BIC",
  type: "string",
  required: false,
  comments: "Provide a valid BIC for the bank account.",
  example: "NWBKGB2L",
  clean: optionalTrimmed("BIC"),
});

export const iban = input({
  label: "IBAN",
  type: "string",
  required: false,
  comments: "Provide a valid IBAN for the bank account.",
  example: "GB29NWBK60161331926819",
  clean: optionalTrimmed("IBAN"),
});

/** Create Contact's inputs after the connection, in the page's order. */
export const createContactInputs = {
  name,
  contactTypeIds,
  reference,
  defaultSalesLedgerId,
  defaultSalesTaxRateId,
  defaultPurchaseLedgerId,
  taxNumber,
  notes,
  creditLimit,
  creditDays,
  sourceGuid,
  currencyId,
  ...addressInputs,
  accountName,
  accountNumber,
  sortCode,
  bic,
  iban,
};

/** Update Contact: the same inputs, all optional, so only what the user fills in is changed. */
export const updateContactInputs = {
  ...createContactInputs,
  name: input({ ...name, required: false, clean: optionalString("Name") }),
  contactTypeIds: input({ ...contactTypeIds, required: false, clean: optionalIdList("Contact Type Ids") }),
  isMainAddress: isMainAddressOnUpdate,
  deliveryIsMainAddress: deliveryIsMainAddressOnUpdate,
};

// Filters of List Contacts and Find Contacts (Sage's `search`, `email`, `contact_type_id`).

export const search = input({
  label: "Search",
  type: "string",
  required: false,
  comments: "Only contacts whose name, company name or reference contains this text.",
  example: "Acme",
  clean: optionalTrimmed("Search"),
});

export const email = input({
  label: "Email",
  type: "string",
  required: false,
  comments: "Only contacts with a contact person who has this email address.",
  example: "accounts@acme.example",
  clean: optionalTrimmed("Email"),
});

export const contactTypeId = input({
  label: "Contact Type Id",
  type: "string",
  required: false,
  comments: "Only contacts of this contact type, e.g. CUSTOMER or VENDOR.",
  example: "CUSTOMER",
  dataSource: "selectContactType",
  clean: optionalId("Contact Type Id"),
});

/** Sage's system contacts (a UK business's HMRC Payments and HMRC Reclaimed), left out on request. */
export const excludeSystem = sageQueryFlag({
  label: "Exclude System Contacts",
  comments:
    'Leave out Sage\'s system contacts (in UK businesses HMRC Payments and HMRC Reclaimed, which carry "system": true and cannot be used on transactions).',
});

/** Sage sends a contact's balance only when asked (show_balance). */
export const showBalance = sageQueryFlag({
  label: "Include Balance",
  comments: "Also return each contact's balance (Sage leaves it out unless asked).",
});

/** Find or Create Contact's Email: matched first, and saved on the new contact's main contact person. */
export const matchEmail = input({
  ...email,
  comments:
    "Email address of the contact. An existing contact with this email (ignoring case) on its main contact person or any other of its contact people is returned instead of creating one; a new contact gets it on its main contact person. Fill in Email or Reference.",
});

/** Find or Create Contact's Reference: the match key when no Email is given. */
export const matchReference = input({
  ...reference,
  comments:
    "Provide a string value for the reference of the contact. Without an Email, an existing contact with this reference (exactly, ignoring case) is returned instead of creating one.",
});

export { contactId };
