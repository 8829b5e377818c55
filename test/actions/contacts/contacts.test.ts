import nock from "nock";
import component from "../../../src";
import { BASE_PATH, failureOf, runAction, sageApi, useNock, captureBody } from "../../helpers";
import { keyPaths, schemaProblems } from "../../sageSchema";
import { idempotencyIdFor } from "../../../src/util/idempotency";

useNock();

const CONTACT_ID = "1b0ebd8a6f5c11ecb2660236bd82ab5b";
const created = { id: CONTACT_ID, displayed_as: "Acme Trading Ltd (ACME001)", $path: `/contacts/${CONTACT_ID}` };

/** Mock one write and hand back the body Sage received. */
const captureWrite = (method: "post" | "put", path: string, reply: nock.Body = created) =>
  captureBody(method, path, reply);

// Every input of Create Contact except the connection, filled in as a flow builder would.
const FULL_CREATE = {
  name: "Acme Trading Ltd",
  contactTypeIds: ["CUSTOMER", "VENDOR"],
  reference: "ACME001",
  defaultSalesLedgerId: "9a9a4b4dc3f711e9b6b30ad7a5c4a1a0",
  defaultSalesTaxRateId: "GB_STANDARD",
  defaultPurchaseLedgerId: "9a9a5a26c3f711e9b6b30ad7a5c4a1a0",
  taxNumber: "GB123456789",
  notes: "Prefers invoices by email.",
  creditLimit: "5000.50",
  creditDays: "30",
  sourceGuid: "3f2504e0-4f89-11d3-9a0c-0305e82c3301",
  currencyId: "GBP",
  addressName: "Head Office",
  addressLine1: "1 High Street",
  addressLine2: "Suite 4",
  city: "Newcastle upon Tyne",
  countryId: "GB",
  postalCode: "NE1 1AA",
  bankAccountId: "ba0000000000000000000000000000a1",
  addressTypeId: "ACCOUNTS",
  region: "Tyne and Wear",
  deliveryAddressName: "Warehouse",
  deliveryAddressRegion: "County Durham",
  isMainAddress: "true",
  deliveryAddressLine1: "Unit 7, Riverside Park",
  deliveryAddressLine2: "Gate B",
  deliveryAddressCity: "Durham",
  deliveryAddressPostalCode: "DH1 1AA",
  deliveryAddressCountryId: "IE",
  deliveryAddressBankAccountId: "ba0000000000000000000000000000a2",
  deliveryAddressTypeId: "DELIVERY",
  deliveryIsMainAddress: "false",
  accountName: "Acme Trading Ltd",
  accountNumber: "12345678",
  sortCode: "12-34-56",
  bic: "NWBKGB2L",
  iban: "GB29NWBK60161331926819",
  idempotencyKey: "order-10042",
};

const FULL_CREATE_BODY = {
  contact: {
    name: "Acme Trading Ltd",
    contact_type_ids: ["CUSTOMER", "VENDOR"],
    reference: "ACME001",
    default_sales_ledger_account_id: "9a9a4b4dc3f711e9b6b30ad7a5c4a1a0",
    default_sales_tax_rate_id: "GB_STANDARD",
    default_purchase_ledger_account_id: "9a9a5a26c3f711e9b6b30ad7a5c4a1a0",
    tax_number: "GB123456789",
    notes: "Prefers invoices by email.",
    credit_limit: 5000.5,
    credit_days: 30,
    source_guid: "3f2504e0-4f89-11d3-9a0c-0305e82c3301",
    currency_id: "GBP",
    main_address: {
      name: "Head Office",
      address_line_1: "1 High Street",
      address_line_2: "Suite 4",
      city: "Newcastle upon Tyne",
      postal_code: "NE1 1AA",
      region: "Tyne and Wear",
      country_id: "GB",
      address_type_id: "ACCOUNTS",
      bank_account_id: "ba0000000000000000000000000000a1",
      is_main_address: true,
    },
    delivery_address: {
      name: "Warehouse",
      address_line_1: "Unit 7, Riverside Park",
      address_line_2: "Gate B",
      city: "Durham",
      postal_code: "DH1 1AA",
      region: "County Durham",
      country_id: "IE",
      address_type_id: "DELIVERY",
      bank_account_id: "ba0000000000000000000000000000a2",
      is_main_address: false,
    },
    bank_account_details: {
      account_name: "Acme Trading Ltd",
      account_number: "12345678",
      sort_code: "12-34-56",
      bic: "NWBKGB2L",
      iban: "GB29NWBK60161331926819",
    },
  },
};

describe("Create Contact", () => {
  test("the fixture fills in every input of the action", () => {
    const inputKeys = component.actions.createContact.inputs.map((i: { key: string }) => i.key);
    expect(inputKeys).toHaveLength(39);
    expect(["connection", ...Object.keys(FULL_CREATE)].sort()).toEqual([...inputKeys].sort());
  });

  test("all inputs filled: POST /contacts with the full wrapped body, returns Sage's contact", async () => {
    const sent = captureWrite("post", "/contacts");
    const result = await runAction("createContact", FULL_CREATE);
    expect(sent.body).toEqual(FULL_CREATE_BODY);
    expect(sent.idempotencyId).toBe(idempotencyIdFor("contact", "order-10042"));
    expect(result).toEqual({ data: created });
  });

  test("name and contact types only: nothing else is sent (no address, no bank block, no flags)", async () => {
    const sent = captureWrite("post", "/contacts");
    await runAction("createContact", { name: "Acme Trading Ltd", contactTypeIds: ["CUSTOMER"] });
    expect(sent.body).toEqual({ contact: { name: "Acme Trading Ltd", contact_type_ids: ["CUSTOMER"] } });
  });

  test("contact types given as comma-separated text become a list", async () => {
    const sent = captureWrite("post", "/contacts");
    await runAction("createContact", { name: "Acme", contactTypeIds: "CUSTOMER, VENDOR" });
    expect(sent.body).toEqual({ contact: { name: "Acme", contact_type_ids: ["CUSTOMER", "VENDOR"] } });
  });

  test("an Address Name alone sends the main address block, with its flag as set", async () => {
    const sent = captureWrite("post", "/contacts");
    await runAction("createContact", { name: "Acme", contactTypeIds: ["CUSTOMER"], addressName: "Head Office" });
    expect(sent.body).toEqual({
      contact: {
        name: "Acme",
        contact_type_ids: ["CUSTOMER"],
        main_address: { name: "Head Office", is_main_address: false },
      },
    });
  });

  test("Is Main Address set without any address field sends no address block", async () => {
    const sent = captureWrite("post", "/contacts");
    await runAction("createContact", {
      name: "Acme",
      contactTypeIds: ["CUSTOMER"],
      isMainAddress: "true",
      deliveryIsMainAddress: "true",
    });
    expect(sent.body).toEqual({ contact: { name: "Acme", contact_type_ids: ["CUSTOMER"] } });
  });

  test("one delivery field sends only the delivery block; one bank field sends only that field", async () => {
    const sent = captureWrite("post", "/contacts");
    await runAction("createContact", {
      name: "Acme",
      contactTypeIds: ["CUSTOMER"],
      deliveryAddressPostalCode: "DH1 1AA",
      deliveryIsMainAddress: "true",
      iban: "GB29NWBK60161331926819",
    });
    expect(sent.body).toEqual({
      contact: {
        name: "Acme",
        contact_type_ids: ["CUSTOMER"],
        delivery_address: { postal_code: "DH1 1AA", is_main_address: true },
        bank_account_details: { iban: "GB29NWBK60161331926819" },
      },
    });
  });

  test("Credit Limit and Credit Days of 0 are values and are sent", async () => {
    const sent = captureWrite("post", "/contacts");
    await runAction("createContact", { name: "Acme", contactTypeIds: ["CUSTOMER"], creditLimit: "0", creditDays: "0" });
    expect(sent.body).toEqual({
      contact: { name: "Acme", contact_type_ids: ["CUSTOMER"], credit_limit: 0, credit_days: 0 },
    });
  });

  test("Sage's 422 reaches the user with the message and the field", async () => {
    sageApi()
      .post(`${BASE_PATH}/contacts`)
      .reply(422, [
        { $severity: "error", $dataCode: "RecordInvalid", $message: "Name can't be blank", $source: "name" },
      ]);
    await expect(runAction("createContact", { name: "x", contactTypeIds: ["CUSTOMER"] })).rejects.toThrow(
      "Sage API error 422 on POST /contacts: Name can't be blank (field: name).",
    );
  });

  test.each([
    [{ creditDays: "400" }, 'Invalid "Credit Days": expected a whole number from 0 to 365, got "400".'],
    [{ creditDays: "-1" }, 'Invalid "Credit Days": expected a whole number from 0 to 365, got "-1".'],
    [{ creditDays: "7.5" }, 'Invalid "Credit Days": expected a whole number from 0 to 365, got "7.5".'],
    [
      { creditLimit: "abc" },
      'Invalid "Credit Limit": expected a number of 0 or more such as 12.50 (at most 2 decimal places, size up to 1e12), got "abc".',
    ],
    [
      { creditLimit: "-5" },
      'Invalid "Credit Limit": expected a number of 0 or more such as 12.50 (at most 2 decimal places, size up to 1e12), got "-5".',
    ],
    [{ name: "" }, 'Invalid "Name": expected a value; this input is required.'],
    [{ name: "   " }, 'Invalid "Name": expected a value; this input is required.'],
    [{ contactTypeIds: "" }, 'Invalid "Contact Type Ids": expected at least one Id; this input is required.'],
    [{ contactTypeIds: [] }, 'Invalid "Contact Type Ids": expected at least one Id; this input is required.'],
    [
      { contactTypeIds: ["CUSTOMER", "../x"] },
      `Invalid "Contact Type Ids": expected a Sage Id (letters, digits, '-', '_', '.' or ':'), got "../x".`,
    ],
    [
      { currencyId: "GBP/../x" },
      `Invalid "Currency Id": expected a Sage Id (letters, digits, '-', '_', '.' or ':'), got "GBP/../x".`,
    ],
  ])("%p is refused before any request", async (bad, message) => {
    // Net connect is disabled and nothing is mocked: a request would fail with another message.
    expect(await failureOf(runAction("createContact", { name: "Acme", contactTypeIds: ["CUSTOMER"], ...bad }))).toBe(
      message,
    );
  });
});

describe("Update Contact", () => {
  test("only the name filled in: PUT /contacts/{id} with exactly {contact: {name}}", async () => {
    const sent = captureWrite("put", `/contacts/${CONTACT_ID}`);
    const result = await runAction("updateContact", { contactId: CONTACT_ID, name: "Acme Ltd" });
    expect(sent.body).toEqual({ contact: { name: "Acme Ltd" } });
    expect(result).toEqual({ data: created });
  });

  test("the Is Main Address dropdowns default to leaving the flags alone", async () => {
    const sent = captureWrite("put", `/contacts/${CONTACT_ID}`);
    await runAction("updateContact", {
      contactId: CONTACT_ID,
      addressLine1: "2 High Street",
      deliveryAddressCity: "Leeds",
    });
    expect(sent.body).toEqual({
      contact: { main_address: { address_line_1: "2 High Street" }, delivery_address: { city: "Leeds" } },
    });
  });

  test("a flag chosen alongside an address field is sent in that block", async () => {
    const sent = captureWrite("put", `/contacts/${CONTACT_ID}`);
    await runAction("updateContact", {
      contactId: CONTACT_ID,
      deliveryAddressCity: "Leeds",
      deliveryIsMainAddress: "true",
      isMainAddress: "false",
    });
    // On update a flag chosen on its own is a change too, so the main address gets just its flag.
    expect(sent.body).toEqual({
      contact: { delivery_address: { city: "Leeds", is_main_address: true }, main_address: { is_main_address: false } },
    });
  });

  test("all inputs filled sends the same body as create", async () => {
    const sent = captureWrite("put", `/contacts/${CONTACT_ID}`);
    await runAction("updateContact", { contactId: CONTACT_ID, ...FULL_CREATE });
    expect(sent.body).toEqual(FULL_CREATE_BODY);
    expect(schemaProblems("putContacts", sent.body)).toEqual([]);
  });

  test("Name and Contact Type Ids are optional on update; 0 is still sent", async () => {
    const sent = captureWrite("put", `/contacts/${CONTACT_ID}`);
    await runAction("updateContact", { contactId: CONTACT_ID, creditDays: "0", contactTypeIds: "VENDOR" });
    expect(sent.body).toEqual({ contact: { credit_days: 0, contact_type_ids: ["VENDOR"] } });
  });

  test("the contact id is URL-encoded into one path segment", async () => {
    const sent = captureWrite("put", "/contacts/ab%3Acd");
    await runAction("updateContact", { contactId: "ab:cd", notes: "n" });
    expect(sent.body).toEqual({ contact: { notes: "n" } });
  });

  test.each([
    [
      { contactId: "../businesses" },
      `Invalid "Contact Id": expected a Sage Id (letters, digits, '-', '_', '.' or ':'), got "../businesses".`,
    ],
    [{ contactId: "" }, 'Invalid "Contact Id": expected a value; this input is required.'],
    [{ creditDays: "366" }, 'Invalid "Credit Days": expected a whole number from 0 to 365, got "366".'],
    [
      { creditLimit: "1,000" },
      'Invalid "Credit Limit": expected a number of 0 or more such as 12.50 (at most 2 decimal places, size up to 1e12), got "1,000".',
    ],
    [{ isMainAddress: "yes" }, 'Invalid "Is Main Address": expected true or false, got "yes".'],
  ])("%p is refused before any request", async (bad, message) => {
    expect(await failureOf(runAction("updateContact", { contactId: CONTACT_ID, name: "Acme", ...bad }))).toBe(message);
  });
});

describe("Get Contact and Delete Contact", () => {
  test("Get Contact asks for the full record with full nested addresses and people", async () => {
    sageApi()
      .get(`${BASE_PATH}/contacts/${CONTACT_ID}`)
      .query({ attributes: "all", nested_attributes: "all" })
      .reply(200, created);
    await expect(runAction("getContact", { contactId: CONTACT_ID })).resolves.toEqual({ data: created });
  });

  test("Include Balance asks Sage for the balance (show_balance), which comes back as a number", async () => {
    sageApi()
      .get(`${BASE_PATH}/contacts/${CONTACT_ID}`)
      .query({ attributes: "all", nested_attributes: "all", show_balance: "true" })
      .reply(200, { ...created, balance: "-12.5" });
    const result = await runAction("getContact", { contactId: CONTACT_ID, showBalance: "true" });
    expect(result).toMatchObject({ data: { id: created.id, balance: -12.5 } });
    expect(await failureOf(runAction("getContact", { contactId: CONTACT_ID, showBalance: "maybe" }))).toBe(
      'Invalid "Include Balance": expected true or false, got "maybe".',
    );
  });

  test("Get Contact's 404 names the path", async () => {
    sageApi()
      .get(`${BASE_PATH}/contacts/missing`)
      .query({ attributes: "all", nested_attributes: "all" })
      .reply(404, [{ $severity: "error", $dataCode: "RecordNotFound", $message: "Resource not found" }]);
    await expect(runAction("getContact", { contactId: "missing" })).rejects.toThrow(
      "Sage API error 404 on GET /contacts/missing: Resource not found.",
    );
  });

  test("Delete Contact sends DELETE /contacts/{id} and says what it deleted", async () => {
    sageApi().delete(`${BASE_PATH}/contacts/${CONTACT_ID}`).reply(204);
    await expect(runAction("deleteContact", { contactId: CONTACT_ID })).resolves.toEqual({
      data: { deleted: true, id: CONTACT_ID },
    });
  });

  test("Delete Contact's 404 names the path", async () => {
    sageApi()
      .delete(`${BASE_PATH}/contacts/gone`)
      .reply(404, [{ $severity: "error", $dataCode: "RecordNotFound", $message: "Resource not found" }]);
    await expect(runAction("deleteContact", { contactId: "gone" })).rejects.toThrow(
      "Sage API error 404 on DELETE /contacts/gone: Resource not found.",
    );
  });

  test.each(["getContact", "deleteContact"])("%s refuses a path-changing id before any request", async (key) => {
    expect(await failureOf(runAction(key, { contactId: "../businesses" }))).toBe(
      `Invalid "Contact Id": expected a Sage Id (letters, digits, '-', '_', '.' or ':'), got "../businesses".`,
    );
  });
});

describe("List Contacts", () => {
  test("a bad Update or Created Since is refused before any request", async () => {
    expect(await failureOf(runAction("listContacts", { updatedOrCreatedSince: "yesterday" }))).toBe(
      'Invalid "Update or Created Since": expected a date (YYYY-MM-DD) or an ISO-8601 date-time (YYYY-MM-DDThh:mm:ssZ), got "yesterday".',
    );
  });
});

describe("bodies against Sage's schema", () => {
  test("every key of the full create body exists in postContacts, with the right type", async () => {
    const sent = captureWrite("post", "/contacts");
    await runAction("createContact", FULL_CREATE);
    // The walk must have something to check: 12 top-level fields, 2 x 10 address fields, 5 bank fields and 3 blocks.
    expect(keyPaths(sent.body)).toHaveLength(1 + 12 + 3 + 20 + 5);
    expect(schemaProblems("postContacts", sent.body)).toEqual([]);
  });

  test("the walk catches unknown keys, wrong types and missing required fields", () => {
    expect(
      schemaProblems("postContacts", {
        contact: { name: "A", email: "a@b.c", credit_days: 1.5, main_address: { postcode: "X" } },
      }),
    ).toEqual([
      "postContacts.contact.contact_type_ids: Contact type can't be blank",
      "postContacts.contact.email: email is not an attribute of contact",
      "postContacts.contact.credit_days: Credit days must be a whole number (got 1.5)",
      "postContacts.contact.main_address.postcode: postcode is not an attribute of main_address",
    ]);
  });
});
