import component from "../../../src";
import { PAGE } from "./pageInputs";

interface ConvertedInput {
  key: string;
  label: string;
  comments?: string;
  default?: unknown;
  type: string;
  model?: unknown;
}

const ACTION_KEYS: Record<string, string> = {
  "Create Contact": "createContact",
  "Update Contact": "updateContact",
  "Get Contact": "getContact",
  "Delete Contact": "deleteContact",
  "List Contacts": "listContacts",
  "Get Contact Person": "getContactPerson",
  "Delete Contact Person": "deleteContactPerson",
  "List Contact People": "listContactPeople",
};

const BANK_COMMENT_FIX: Record<string, string> = {
  "Bank Account Id": "Provide the unique identifier of the bank account linked to the main address.",
  "Delivery Address Bank Account Id":
    "Provide the unique identifier of the bank account linked to the delivery address.",
};

/** The page's table with the agreed deviations applied: bank comments corrected, update flags tri-state. */
const expectedRows = (label: string): [string, string, string][] =>
  PAGE[label].inputs.map(([inputLabel, comments, fallback]) => [
    inputLabel,
    BANK_COMMENT_FIX[inputLabel] ?? comments,
    label === "Update Contact" && inputLabel === "Is Main Address" ? "" : fallback,
  ]);

const inputsOf = (key: string): ConvertedInput[] => component.actions[key].inputs;
const rowsOf = (key: string): [string, string, string][] =>
  inputsOf(key).map((i) => [i.label, i.comments ?? "", i.default === undefined ? "" : String(i.default)]);

describe.each(Object.entries(ACTION_KEYS))("%s matches the page", (label, key) => {
  test("label and description", () => {
    expect(component.actions[key].display).toEqual({ label, description: PAGE[label].description });
  });

  test("inputs: labels, comments and defaults in the page's order", () => {
    const rows = rowsOf(key);
    if (label.startsWith("List ")) {
      // List actions add filters, Fetch All and Attributes after the page's inputs.
      const pageLabels = PAGE[label].inputs.map(([inputLabel]) => inputLabel);
      expect(rows.filter(([inputLabel]) => pageLabels.includes(inputLabel))).toEqual(expectedRows(label));
      expect(rows.slice(0, pageLabels.length)).toEqual(expectedRows(label).slice(0, pageLabels.length));
    } else {
      expect(rows).toEqual(expectedRows(label));
    }
  });
});

test("Create Contact's keys are the agreed ones, both Is Main Address flags distinct", () => {
  expect(inputsOf("createContact").map((i) => i.key)).toEqual([
    "connection",
    "name",
    "contactTypeIds",
    "reference",
    "defaultSalesLedgerId",
    "defaultSalesTaxRateId",
    "defaultPurchaseLedgerId",
    "taxNumber",
    "notes",
    "creditLimit",
    "creditDays",
    "sourceGuid",
    "currencyId",
    "addressName",
    "addressLine1",
    "addressLine2",
    "city",
    "countryId",
    "postalCode",
    "bankAccountId",
    "addressTypeId",
    "region",
    "deliveryAddressName",
    "deliveryAddressRegion",
    "isMainAddress",
    "deliveryAddressLine1",
    "deliveryAddressLine2",
    "deliveryAddressCity",
    "deliveryAddressPostalCode",
    "deliveryAddressCountryId",
    "deliveryAddressBankAccountId",
    "deliveryAddressTypeId",
    "deliveryIsMainAddress",
    "accountName",
    "accountNumber",
    "sortCode",
    "bic",
    "iban",
  ]);
  expect(inputsOf("updateContact").map((i) => i.key)).toEqual([
    "connection",
    "contactId",
    ...inputsOf("createContact")
      .slice(1)
      .map((i) => i.key),
  ]);
});

test("Update Contact's Is Main Address flags are tri-state dropdowns; create keeps booleans", () => {
  const triState = [
    { label: "Leave unchanged", value: "" },
    { label: "True", value: "true" },
    { label: "False", value: "false" },
  ];
  for (const key of ["isMainAddress", "deliveryIsMainAddress"]) {
    expect(inputsOf("updateContact").find((i) => i.key === key)).toMatchObject({
      type: "string",
      default: "",
      model: triState,
    });
    expect(inputsOf("createContact").find((i) => i.key === key)).toMatchObject({ type: "boolean", default: "false" });
  }
});

test("contact ids pick from selectContact; Contact Type Ids is a value list", () => {
  for (const key of ["getContact", "updateContact", "deleteContact"]) {
    expect(inputsOf(key).find((i) => i.key === "contactId")).toMatchObject({
      dataSource: "selectContact",
      required: true,
    });
  }
  expect(inputsOf("listContactPeople").find((i) => i.key === "contactId")).toMatchObject({
    dataSource: "selectContact",
  });
  expect(inputsOf("createContact").find((i) => i.key === "contactTypeIds")).toMatchObject({
    type: "string",
    collection: "valuelist",
    required: true,
  });
  expect(inputsOf("listContacts").find((i) => i.key === "contactTypeId")).toMatchObject({
    dataSource: "selectContactType",
  });
});

test("the list actions expose the agreed filter keys", () => {
  expect(inputsOf("listContacts").map((i) => i.key)).toEqual([
    "connection",
    "itemsPerPage",
    "page",
    "updatedOrCreatedSince",
    "search",
    "email",
    "contactTypeId",
    "fetchAll",
    "attributes",
  ]);
  expect(inputsOf("listContactPeople").map((i) => i.key)).toEqual([
    "connection",
    "itemsPerPage",
    "page",
    "updatedOrCreatedSince",
    "contactId",
    "addressId",
    "fetchAll",
    "attributes",
  ]);
});

test("every data source these actions point at is registered", () => {
  const keys = [
    ...Object.values(ACTION_KEYS),
    "findContacts",
    "findOrCreateContact",
    "createContactPerson",
    "updateContactPerson",
  ];
  const referenced = keys.flatMap((key) =>
    (inputsOf(key) as { dataSource?: string }[]).flatMap((i) => i.dataSource ?? []),
  );
  expect(referenced.length).toBeGreaterThan(0);
  for (const dataSource of new Set(referenced)) expect(Object.keys(component.dataSources)).toContain(dataSource);
});
