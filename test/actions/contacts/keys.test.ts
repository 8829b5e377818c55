import component from "../../../src";

interface ConvertedInput {
  key: string;
  label: string;
  comments?: string;
  default?: unknown;
  type: string;
  model?: unknown;
}

const inputsOf = (key: string): ConvertedInput[] => component.actions[key].inputs;

// Labels, comments and defaults against the page: test/page.test.ts. Here: the public keys.
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
    "idempotencyKey",
  ]);
  expect(inputsOf("updateContact").map((i) => i.key)).toEqual([
    "connection",
    "contactId",
    ...inputsOf("createContact")
      .slice(1)
      .map((i) => i.key)
      .filter((key) => key !== "idempotencyKey"),
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
    "excludeSystem",
    "showBalance",
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
