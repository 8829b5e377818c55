import { failureOf, withSandbox, ref } from "./withSandbox";

// Contacts end to end: every action through Spectral's harness against the sandbox over real HTTP.
const sage = withSandbox();

beforeEach(() => sage.sandbox().clearLog());

const log = () => sage.sandbox().requestLog;
const stored = (id: string) => sage.sandbox().store.get("contacts", id);
/** Sage's answer to a read with nested_attributes=all: what the contact reads return. */
const NESTED = { nested_attributes: "all" };
/** The sandbox answers writes with nested records in full and every optional field. */
const WRITTEN = { nested_attributes: "all", show_balance: "true", show_payments_allocations: "true" };
const answered = (id: string, query: Record<string, string> = NESTED, business?: string) =>
  sage.sandbox().store.answer("contacts", id, query, business);

let serial = 0;
/** A customer with a unique name, created through the action. */
const newCustomer = async (extra: Record<string, unknown> = {}) => {
  serial++;
  const { data } = await sage.run("createContact", {
    name: `Fixture Customer ${serial}`,
    contactTypeIds: ["CUSTOMER"],
    ...extra,
  });
  return data as { id: string; name: string };
};

describe("Create Contact", () => {
  test("sends every input under its Sage name; the store holds the contact with both addresses and the bank details", async () => {
    const params = {
      name: "Northwind Traders Ltd",
      contactTypeIds: ["CUSTOMER", "VENDOR"],
      reference: "NORTH01",
      defaultSalesLedgerId: sage.ledgerId(4000),
      defaultSalesTaxRateId: "GB_STANDARD",
      defaultPurchaseLedgerId: sage.ledgerId(5000),
      taxNumber: "GB123456789",
      notes: "Pays on time.",
      creditLimit: "5000",
      creditDays: "45",
      sourceGuid: "3f2504e0-4f89-11d3-9a0c-0305e82c3301",
      currencyId: "GBP",
      addressName: "Head Office",
      addressLine1: "1 High Street",
      addressLine2: "Suite 4",
      city: "Newcastle upon Tyne",
      countryId: "GB",
      postalCode: "NE1 1AA",
      bankAccountId: sage.bankAccountId(1200),
      addressTypeId: "ACCOUNTS",
      region: "Tyne and Wear",
      deliveryAddressName: "Warehouse",
      deliveryAddressRegion: "West Yorkshire",
      isMainAddress: "true",
      deliveryAddressLine1: "Unit 7, Riverside Park",
      deliveryAddressLine2: "Dock Road",
      deliveryAddressCity: "Leeds",
      deliveryAddressPostalCode: "LS1 4AP",
      deliveryAddressCountryId: "IE",
      deliveryAddressBankAccountId: sage.bankAccountId(1210),
      deliveryAddressTypeId: "DELIVERY",
      deliveryIsMainAddress: "false",
      accountName: "Northwind Traders Ltd",
      accountNumber: "12345678",
      sortCode: "12-34-56",
      bic: "NWBKGB2L",
      iban: "GB29NWBK60161331926819",
    };
    const { data } = await sage.run("createContact", params);

    expect(log()).toHaveLength(1);
    expect(log()[0]).toMatchObject({ method: "POST", path: "/contacts", status: 201 });
    expect(log()[0].body).toEqual({
      contact: {
        name: "Northwind Traders Ltd",
        contact_type_ids: ["CUSTOMER", "VENDOR"],
        reference: "NORTH01",
        default_sales_ledger_account_id: sage.ledgerId(4000),
        default_sales_tax_rate_id: "GB_STANDARD",
        default_purchase_ledger_account_id: sage.ledgerId(5000),
        tax_number: "GB123456789",
        notes: "Pays on time.",
        credit_limit: 5000,
        credit_days: 45,
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
          bank_account_id: sage.bankAccountId(1200),
          is_main_address: true,
        },
        delivery_address: {
          name: "Warehouse",
          address_line_1: "Unit 7, Riverside Park",
          address_line_2: "Dock Road",
          city: "Leeds",
          postal_code: "LS1 4AP",
          region: "West Yorkshire",
          country_id: "IE",
          address_type_id: "DELIVERY",
          bank_account_id: sage.bankAccountId(1210),
          is_main_address: false,
        },
        bank_account_details: {
          account_name: "Northwind Traders Ltd",
          account_number: "12345678",
          sort_code: "12-34-56",
          bic: "NWBKGB2L",
          iban: "GB29NWBK60161331926819",
        },
      },
    });

    const contact = stored(data.id);
    expect(data).toEqual(answered(data.id, WRITTEN));
    expect(contact).toMatchObject({
      displayed_as: "Northwind Traders Ltd (NORTH01)",
      name: "Northwind Traders Ltd",
      reference: "NORTH01",
      contact_types: [ref("contact_types", "CUSTOMER"), ref("contact_types", "VENDOR")],
      default_sales_ledger_account: ref("ledger_accounts", sage.ledgerId(4000)),
      default_sales_tax_rate: ref("tax_rates", "GB_STANDARD"),
      default_purchase_ledger_account: ref("ledger_accounts", sage.ledgerId(5000)),
      tax_number: "GB123456789",
      notes: "Pays on time.",
      credit_limit: 5000,
      credit_days: 45,
      source_guid: "3f2504e0-4f89-11d3-9a0c-0305e82c3301",
      currency: ref("currencies", "GBP"),
      main_address: {
        name: "Head Office",
        address_line_1: "1 High Street",
        address_line_2: "Suite 4",
        city: "Newcastle upon Tyne",
        postal_code: "NE1 1AA",
        region: "Tyne and Wear",
        country: ref("countries", "GB"),
        address_type: ref("address_types", "ACCOUNTS"),
        bank_account: ref("bank_accounts", sage.bankAccountId(1200)),
        is_main_address: true,
      },
      delivery_address: {
        name: "Warehouse",
        address_line_1: "Unit 7, Riverside Park",
        address_line_2: "Dock Road",
        city: "Leeds",
        postal_code: "LS1 4AP",
        region: "West Yorkshire",
        country: ref("countries", "IE"),
        address_type: ref("address_types", "DELIVERY"),
        bank_account: ref("bank_accounts", sage.bankAccountId(1210)),
        is_main_address: false,
      },
      bank_account_details: {
        account_name: "Northwind Traders Ltd",
        account_number: "12345678",
        sort_code: "12-34-56",
        bic: "NWBKGB2L",
        iban: "GB29NWBK60161331926819",
      },
    });
  });

  test("with only the required inputs sends just name and types (no address block made of the default flag)", async () => {
    const { data } = await sage.run("createContact", { name: "Minimal Ltd", contactTypeIds: "VENDOR" });
    expect(log()[0].body).toEqual({ contact: { name: "Minimal Ltd", contact_type_ids: ["VENDOR"] } });
    expect(stored(data.id)).toMatchObject({
      name: "Minimal Ltd",
      contact_types: [ref("contact_types", "VENDOR")],
      delivery_address: null,
      bank_account_details: { account_name: null, account_number: null, sort_code: null, bic: null, iban: null },
    });
  });

  test("an unknown contact type id is a 422 naming the field (the sandbox's own rule, in Sage's error shape); nothing is stored", async () => {
    const before = sage.sandbox().store.count("contacts");
    const message = await failureOf(sage.run("createContact", { name: "Typo Ltd", contactTypeIds: ["CUSTOMERS"] }));
    expect(message).toBe(
      "Sage API error 422 on POST /contacts: Contact type 'CUSTOMERS' does not exist (field: contact_type_ids).",
    );
    expect(sage.sandbox().store.count("contacts")).toBe(before);
  });

  test("several problems are reported at once, each with its field", async () => {
    const message = await failureOf(
      sage.run("createContact", {
        name: "Bad Refs Ltd",
        contactTypeIds: ["CUSTOMER"],
        countryId: "XX",
        currencyId: "ZZZ",
      }),
    );
    expect(message).toBe(
      "Sage API error 422 on POST /contacts: Currency 'ZZZ' does not exist (field: currency_id); Country 'XX' does not exist (field: main_address.country_id).",
    );
  });

  test("a reference already taken is a readable 422", async () => {
    await newCustomer({ reference: "DUP-1" });
    const message = await failureOf(
      sage.run("createContact", { name: "Second Ltd", contactTypeIds: ["CUSTOMER"], reference: "dup-1" }),
    );
    expect(message).toBe(
      "Sage API error 422 on POST /contacts: Reference 'dup-1' has already been taken (field: reference).",
    );
  });

  test("bad input fails before any request, naming the input", async () => {
    expect(
      await failureOf(sage.run("createContact", { name: "X", contactTypeIds: ["CUSTOMER"], creditDays: "400" })),
    ).toMatch(/^Invalid "Credit Days": /);
    expect(log()).toEqual([]);
  });
});

describe("Get Contact", () => {
  test("returns the full record with full addresses and people, asking for attributes=all and nested_attributes=all", async () => {
    const created = await newCustomer({ city: "York" });
    sage.sandbox().clearLog();
    const { data } = await sage.run("getContact", { contactId: created.id });
    expect(data).toEqual(answered(created.id));
    expect(data.main_address).toMatchObject({ city: "York" });
    expect(log()).toEqual([
      expect.objectContaining({
        method: "GET",
        path: `/contacts/${created.id}`,
        query: { attributes: "all", nested_attributes: "all" },
      }),
    ]);
  });

  test("an unknown id is Sage's 404", async () => {
    expect(await failureOf(sage.run("getContact", { contactId: "f".repeat(32) }))).toBe(
      `Sage API error 404 on GET /contacts/${"f".repeat(32)}: Contact not found.`,
    );
  });
});

describe("Update Contact", () => {
  test("changes only the given fields; the address merges and the flags are left alone", async () => {
    const created = await newCustomer({
      reference: "UPD-1",
      notes: "Old notes",
      addressLine1: "2 Low Road",
      city: "Bath",
      postalCode: "BA1 1AA",
      accountName: "Old Name",
      sortCode: "11-22-33",
    });
    const before = stored(created.id);
    sage.sandbox().clearLog();

    const { data } = await sage.run("updateContact", {
      contactId: created.id,
      notes: "New notes",
      city: "Bristol",
      accountNumber: "87654321",
    });

    expect(log()).toEqual([expect.objectContaining({ method: "PUT", path: `/contacts/${created.id}`, status: 200 })]);
    expect(log()[0].body).toEqual({
      contact: {
        notes: "New notes",
        main_address: { city: "Bristol" },
        bank_account_details: { account_number: "87654321" },
      },
    });
    const after = stored(created.id);
    expect(data).toEqual(answered(created.id, WRITTEN));
    expect(after).toEqual({
      ...before,
      notes: "New notes",
      updated_at: expect.any(String),
      main_address: {
        ...before?.main_address,
        city: "Bristol",
        displayed_as: "2 Low Road\nBristol\nBA1 1AA",
        updated_at: expect.any(String),
        // Re-linked on every write; on create the sandbox links it with displayed_as "" (sandbox bug, resources.js applyContactPatch).
        contact: expect.objectContaining({ id: created.id }),
      },
      bank_account_details: { ...before?.bank_account_details, account_number: "87654321" },
    });
  });

  test("a Delivery Is Main Address of True is sent; Leave unchanged (the default) is not", async () => {
    const created = await newCustomer({ deliveryAddressLine1: "1 Dock Road" });
    sage.sandbox().clearLog();
    await sage.run("updateContact", {
      contactId: created.id,
      deliveryAddressCity: "Hull",
      deliveryIsMainAddress: "true",
    });
    await sage.run("updateContact", { contactId: created.id, deliveryAddressCity: "Leeds" });
    expect(log().map((entry) => entry.body)).toEqual([
      { contact: { delivery_address: { city: "Hull", is_main_address: true } } },
      { contact: { delivery_address: { city: "Leeds" } } },
    ]);
    expect(stored(created.id)?.delivery_address).toMatchObject({ city: "Leeds", is_main_address: true });
  });

  // On update the tri-state flag is an explicit choice: it is sent even with no other address field.
  test("Is Main Address set to True on its own makes the delivery address the main one", async () => {
    const created = await newCustomer({ deliveryAddressLine1: "9 Quay Street" });
    sage.sandbox().clearLog();
    await sage.run("updateContact", { contactId: created.id, deliveryIsMainAddress: "true" });
    expect(log()[0].body).toEqual({ contact: { delivery_address: { is_main_address: true } } });
    expect(stored(created.id)?.delivery_address).toMatchObject({ is_main_address: true });
  });

  test("new contact types replace the old ones", async () => {
    const created = await newCustomer();
    await sage.run("updateContact", { contactId: created.id, contactTypeIds: "VENDOR" });
    expect(stored(created.id)?.contact_types).toEqual([ref("contact_types", "VENDOR")]);
  });

  test("an unknown ledger account is a 422 naming the field; the contact is unchanged", async () => {
    const created = await newCustomer();
    const before = stored(created.id);
    const message = await failureOf(
      sage.run("updateContact", { contactId: created.id, defaultSalesLedgerId: "a".repeat(32), notes: "never" }),
    );
    expect(message).toBe(
      `Sage API error 422 on PUT /contacts/${created.id}: Default sales ledger account '${"a".repeat(32)}' does not exist (field: default_sales_ledger_account_id).`,
    );
    expect(stored(created.id)).toEqual(before);
  });

  test("an unknown id is Sage's 404", async () => {
    expect(await failureOf(sage.run("updateContact", { contactId: "e".repeat(32), notes: "x" }))).toBe(
      `Sage API error 404 on PUT /contacts/${"e".repeat(32)}: Contact not found.`,
    );
  });
});

describe("Delete Contact", () => {
  test("deletes it: gone from the store, and a Get is then a 404", async () => {
    const created = await newCustomer();
    sage.sandbox().clearLog();
    await expect(sage.run("deleteContact", { contactId: created.id })).resolves.toEqual({
      data: { deleted: true, id: created.id },
    });
    expect(log()).toEqual([
      expect.objectContaining({ method: "DELETE", path: `/contacts/${created.id}`, status: 204 }),
    ]);
    expect(stored(created.id)).toBeUndefined();
    expect(await failureOf(sage.run("getContact", { contactId: created.id }))).toBe(
      `Sage API error 404 on GET /contacts/${created.id}: Contact not found.`,
    );
  });

  test("an unknown id is Sage's 404", async () => {
    expect(await failureOf(sage.run("deleteContact", { contactId: "d".repeat(32) }))).toBe(
      `Sage API error 404 on DELETE /contacts/${"d".repeat(32)}: Contact not found.`,
    );
  });

  test("a contact with an invoice cannot be deleted (the sandbox's own rule and wording), and the contact stays", async () => {
    const created = await newCustomer();
    sage.sandbox().seed("sales_invoices", 1, { contactId: created.id });
    expect(await failureOf(sage.run("deleteContact", { contactId: created.id }))).toBe(
      `Sage API error 422 on DELETE /contacts/${created.id}: This contact cannot be deleted because it has transactions; void or delete them first.`,
    );
    expect(stored(created.id)).toBeDefined();
  });
});

describe("List Contacts", () => {
  // Its own business keeps the counts exact whatever the other tests create.
  const business = () => sage.sandbox().businesses.second;
  const second = () => sage.connection({ businessId: business() });
  // The seed's 6 contacts, then 450 synthetic ones, as the contact reads return them.
  const all = () =>
    sage
      .sandbox()
      .store.list("contacts", business())
      .map((c) => answered(c.id, NESTED, business()));

  beforeAll(() => {
    sage.sandbox().seed("contacts", 450, { businessId: sage.sandbox().businesses.second });
  });

  test("Items Per Page and Page return that page with $next and $back", async () => {
    const { data } = await sage.run("listContacts", { connection: second(), itemsPerPage: "50", page: "2" });
    expect(data).toEqual({
      $total: 456,
      $page: 2,
      $next: "/contacts?page=3&items_per_page=50&nested_attributes=all&attributes=all",
      $back: "/contacts?page=1&items_per_page=50&nested_attributes=all&attributes=all",
      $itemsPerPage: 50,
      $items: all().slice(50, 100),
    });
    expect(log()).toEqual([
      expect.objectContaining({
        path: "/contacts",
        query: { nested_attributes: "all", attributes: "all", page: "2", items_per_page: "50" },
        headers: expect.objectContaining({ "x-business": business() }),
      }),
    ]);
  });

  test("the last page has no $next", async () => {
    const { data } = await sage.run("listContacts", { connection: second(), itemsPerPage: "200", page: "3" });
    expect(data).toMatchObject({ $total: 456, $page: 3, $next: null, $items: all().slice(400) });
  });

  test("Fetch All reads every page: $total 456 in ceil(456/200) = 3 requests", async () => {
    const { data } = await sage.run("listContacts", { connection: second(), fetchAll: "true" });
    expect(data).toEqual({ $total: 456, $items: all() });
    expect(log().map((entry) => entry.query)).toEqual(
      ["1", "2", "3"].map((page) => ({ nested_attributes: "all", attributes: "all", page, items_per_page: "200" })),
    );
  });

  test("filters: Search, Email, Contact Type Id and Update or Created Since reach Sage under its names", async () => {
    const vendors = all().filter((c) => c?.contact_types.some((t: { id: string }) => t.id === "VENDOR"));
    const { data: byType } = await sage.run("listContacts", {
      connection: second(),
      contactTypeId: "VENDOR",
      fetchAll: "true",
      attributes: "",
    });
    expect(byType.$total).toBe(vendors.length);
    expect(byType.$items.map((c: { id: string }) => c.id)).toEqual(vendors.map((c) => c?.id));

    const { data: bySearch } = await sage.run("listContacts", { connection: second(), search: "SYN-00007" });
    expect(bySearch.$items.map((c: { reference: string }) => c.reference)).toEqual(["SYN-00007"]);

    const target = all()[10];
    const { data: byEmail } = await sage.run("listContacts", {
      connection: second(),
      email: target?.email.toUpperCase(),
    });
    expect(byEmail.$items).toEqual([target]);

    const { data: since } = await sage.run("listContacts", {
      connection: second(),
      updatedOrCreatedSince: "2999-01-01T00:00:00Z",
    });
    expect(since).toMatchObject({ $total: 0, $items: [] });

    expect(vendors.length).toBeLessThanOrEqual(200);
    expect(log().map((entry) => entry.query)).toEqual([
      { nested_attributes: "all", contact_type_id: "VENDOR", page: "1", items_per_page: "200" },
      { nested_attributes: "all", search: "SYN-00007", attributes: "all" },
      { nested_attributes: "all", email: target?.email.toUpperCase(), attributes: "all" },
      { nested_attributes: "all", updated_or_created_since: "2999-01-01T00:00:00Z", attributes: "all" },
    ]);
  });

  test("an Items Per Page over 200 fails before any request", async () => {
    expect(await failureOf(sage.run("listContacts", { connection: second(), itemsPerPage: "500" }))).toMatch(
      /^Invalid "Items Per Page": /,
    );
    expect(log()).toEqual([]);
  });
});

describe("Find Contacts", () => {
  const business = () => sage.sandbox().businesses.second;
  const second = () => sage.connection({ businessId: business() });

  test("returns every match across pages as a plain array of full records", async () => {
    // The 450 synthetic contacts of List Contacts: three in four are customers.
    const customers = sage
      .sandbox()
      .store.list("contacts", business())
      .filter((c) => c.contact_types.some((t: { id: string }) => t.id === "CUSTOMER"))
      .map((c) => answered(c.id, NESTED, business()));
    expect(customers.length).toBeGreaterThan(200);
    const { data } = await sage.run("findContacts", { connection: second(), contactTypeId: "CUSTOMER" });
    expect(data).toEqual(customers);
    expect(log().map((entry) => entry.query)).toEqual(
      ["1", "2"].map((page) => ({
        attributes: "all",
        nested_attributes: "all",
        contact_type_id: "CUSTOMER",
        page,
        items_per_page: "200",
      })),
    );
  });

  test("by email (any case) and by search", async () => {
    const stored3 = sage.sandbox().store.list("contacts", business())[3];
    const target = answered(stored3.id, NESTED, business());
    await expect(
      sage.run("findContacts", { connection: second(), email: target?.email.toUpperCase() }),
    ).resolves.toEqual({
      data: [target],
    });
    await expect(sage.run("findContacts", { connection: second(), search: target?.reference })).resolves.toEqual({
      data: [target],
    });
  });

  test("no match is an empty array after one request", async () => {
    await expect(sage.run("findContacts", { connection: second(), search: "no such contact" })).resolves.toEqual({
      data: [],
    });
    expect(log()).toHaveLength(1);
  });
});

describe("Find or Create Contact", () => {
  test("creates the contact when no one has the email, with the email on its main contact person", async () => {
    const { data } = await sage.run("findOrCreateContact", {
      name: "Fresh Foods Ltd",
      contactTypeIds: ["CUSTOMER"],
      email: "orders@freshfoods.example",
      city: "Cardiff",
    });
    expect(data).toEqual({ created: true, contact: answered(data.contact.id, WRITTEN) });
    expect(data.contact).toMatchObject({
      email: "orders@freshfoods.example",
      main_address: expect.objectContaining({ city: "Cardiff" }),
      main_contact_person: expect.objectContaining({ email: "orders@freshfoods.example" }),
    });
    expect(log().map((entry) => [entry.method, entry.path, entry.query])).toEqual([
      [
        "GET",
        "/contacts",
        {
          email: "orders@freshfoods.example",
          attributes: "all",
          nested_attributes: "all",
          page: "1",
          items_per_page: "200",
        },
      ],
      ["POST", "/contacts", {}],
    ]);
    expect(log()[1].body).toEqual({
      contact: {
        name: "Fresh Foods Ltd",
        contact_type_ids: ["CUSTOMER"],
        main_address: { city: "Cardiff", is_main_address: false },
        main_contact_person: { email: "orders@freshfoods.example" },
      },
    });
  });

  test("a second call with the same email (other case) returns the existing contact: no duplicate, no POST", async () => {
    const first = await sage.run("findOrCreateContact", {
      name: "Repeat Ltd",
      contactTypeIds: ["CUSTOMER"],
      email: "hello@repeat.example",
    });
    sage.sandbox().clearLog();
    const second = await sage.run("findOrCreateContact", {
      name: "Repeat Ltd (again)",
      contactTypeIds: ["CUSTOMER"],
      email: "HELLO@Repeat.example",
    });
    expect(second.data).toEqual({ created: false, contact: answered(first.data.contact.id) });
    expect(log().filter((entry) => entry.method === "POST")).toEqual([]);
    expect(
      sage
        .sandbox()
        .store.list("contacts")
        .filter((c) => c.name.startsWith("Repeat Ltd")),
    ).toHaveLength(1);
  });

  test("an email that belongs to one of the contact's other people is a match too: no duplicate", async () => {
    const contact = await newCustomer({ addressLine1: "1 Mill Lane" });
    await sage.run("createContactPerson", {
      addressId: (stored(contact.id)?.main_address as { id: string }).id,
      name: "Other Person",
      contactPersonTypeIds: ["ACCOUNTS"],
      email: "other@mill.example",
    });
    sage.sandbox().clearLog();
    const found = await sage.run("findOrCreateContact", {
      name: "Mill Duplicate",
      contactTypeIds: ["CUSTOMER"],
      email: "OTHER@mill.example",
    });
    expect(found.data).toEqual({ created: false, contact: answered(contact.id) });
    expect(log().filter((entry) => entry.method === "POST")).toEqual([]);
  });

  test("a reference matches ignoring case (Sage's spec says only 'Unique reference'; ignoring case is the sandbox's and the component's assumption)", async () => {
    const contact = await newCustomer({ reference: "CASE-7" });
    const found = await sage.run("findOrCreateContact", {
      name: "Case Duplicate",
      contactTypeIds: ["CUSTOMER"],
      reference: "case-7",
    });
    expect(found.data).toEqual({ created: false, contact: answered(contact.id) });
  });

  test("without an email it matches the exact reference, not a contact whose reference merely contains it", async () => {
    await newCustomer({ reference: "REF-100" });
    const created = await sage.run("findOrCreateContact", {
      name: "Ref Ten Ltd",
      contactTypeIds: ["VENDOR"],
      reference: "REF-10",
    });
    expect(created.data).toMatchObject({ created: true, contact: { reference: "REF-10", name: "Ref Ten Ltd" } });
    const found = await sage.run("findOrCreateContact", {
      name: "Ignored",
      contactTypeIds: ["VENDOR"],
      reference: "REF-10",
    });
    expect(found.data).toEqual({ created: false, contact: answered(created.data.contact.id) });
    expect(
      sage
        .sandbox()
        .store.list("contacts")
        .filter((c) => c.reference === "REF-10"),
    ).toHaveLength(1);
  });

  test("neither Email nor Reference fails before any request", async () => {
    expect(await failureOf(sage.run("findOrCreateContact", { name: "Nobody", contactTypeIds: ["CUSTOMER"] }))).toMatch(
      /^Invalid "Email": /,
    );
    expect(log()).toEqual([]);
  });

  test("a creation the sandbox refuses (a 422 in Sage's error shape) surfaces its 422", async () => {
    const message = await failureOf(
      sage.run("findOrCreateContact", { name: "Odd Ltd", contactTypeIds: ["NOPE"], email: "odd@odd.example" }),
    );
    expect(message).toBe(
      "Sage API error 422 on POST /contacts: Contact type 'NOPE' does not exist (field: contact_type_ids).",
    );
  });
});
