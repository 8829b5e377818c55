import { failureOf, withSandbox, ref } from "./withSandbox";

// Contact people end to end: every action through Spectral's harness against the sandbox over real HTTP.
const sage = withSandbox();

beforeEach(() => sage.sandbox().clearLog());

const log = () => sage.sandbox().requestLog;
const stored = (id: string) => sage.sandbox().store.get("contact_persons", id);

let serial = 0;
/** A contact with a main and a delivery address, created through the action. */
const newContact = async () => {
  serial++;
  const { data } = await sage.run("createContact", {
    name: `People Holder ${serial} Ltd`,
    contactTypeIds: ["CUSTOMER"],
    addressLine1: `${serial} Main Street`,
    deliveryAddressLine1: `${serial} Dock Road`,
  });
  return data as { id: string; main_address: { id: string }; delivery_address: { id: string } };
};

const newPerson = async (addressId: string, extra: Record<string, unknown> = {}) => {
  const { data } = await sage.run("createContactPerson", {
    addressId,
    name: "Pat Person",
    contactPersonTypeIds: ["SALES"],
    ...extra,
  });
  return data as { id: string };
};

describe("Create Contact Person", () => {
  test("sends every input under its Sage name; the store holds the person at that address", async () => {
    const contact = await newContact();
    sage.sandbox().clearLog();
    const { data } = await sage.run("createContactPerson", {
      addressId: contact.delivery_address.id,
      name: "Jane Smith",
      contactPersonTypeIds: ["ACCOUNTS", "PURCHASING"],
      jobTitle: "Finance Manager",
      telephone: "0191 123 4567",
      mobile: "07700 900123",
      email: "jane.smith@acme.example",
      fax: "0191 123 4568",
      isMainContact: "false",
      isPreferredContact: "true",
    });
    expect(log()).toEqual([expect.objectContaining({ method: "POST", path: "/contact_persons", status: 201 })]);
    expect(log()[0].body).toEqual({
      contact_person: {
        address_id: contact.delivery_address.id,
        name: "Jane Smith",
        contact_person_type_ids: ["ACCOUNTS", "PURCHASING"],
        job_title: "Finance Manager",
        telephone: "0191 123 4567",
        mobile: "07700 900123",
        email: "jane.smith@acme.example",
        fax: "0191 123 4568",
        is_main_contact: false,
        is_preferred_contact: true,
      },
    });
    expect(data).toEqual(stored(data.id));
    expect(data).toMatchObject({
      displayed_as: "Jane Smith",
      name: "Jane Smith",
      address: ref("addresses", contact.delivery_address.id),
      contact_person_types: [ref("contact_person_types", "ACCOUNTS"), ref("contact_person_types", "PURCHASING")],
      job_title: "Finance Manager",
      telephone: "0191 123 4567",
      mobile: "07700 900123",
      email: "jane.smith@acme.example",
      fax: "0191 123 4568",
      is_main_contact: false,
      is_preferred_contact: true,
    });
  });

  test("an address that does not exist is a 422 naming address_id (the sandbox's own rule)", async () => {
    const message = await failureOf(
      sage.run("createContactPerson", { addressId: "a".repeat(32), name: "Lost", contactPersonTypeIds: "SALES" }),
    );
    expect(message).toBe(
      `Sage API error 422 on POST /contact_persons: Address '${"a".repeat(32)}' does not exist (field: address_id).`,
    );
  });

  test("an unknown contact person type is a 422 naming the field (the sandbox's own rule)", async () => {
    const contact = await newContact();
    const message = await failureOf(
      sage.run("createContactPerson", {
        addressId: contact.main_address.id,
        name: "Typo",
        contactPersonTypeIds: ["SALESMAN"],
      }),
    );
    expect(message).toBe(
      "Sage API error 422 on POST /contact_persons: Contact person type 'SALESMAN' does not exist (field: contact_person_type_ids).",
    );
  });

  test("a missing name fails before any request", async () => {
    expect(
      await failureOf(sage.run("createContactPerson", { addressId: "a".repeat(32), contactPersonTypeIds: "SALES" })),
    ).toMatch(/^Invalid "Name": /);
    expect(log()).toEqual([]);
  });
});

describe("Get Contact Person", () => {
  test("returns the full record, asking for attributes=all", async () => {
    const contact = await newContact();
    const person = await newPerson(contact.main_address.id);
    sage.sandbox().clearLog();
    await expect(sage.run("getContactPerson", { contactPersonId: person.id })).resolves.toEqual({
      data: stored(person.id),
    });
    expect(log()).toEqual([
      expect.objectContaining({ method: "GET", path: `/contact_persons/${person.id}`, query: { attributes: "all" } }),
    ]);
  });

  test("an unknown id is Sage's 404", async () => {
    expect(await failureOf(sage.run("getContactPerson", { contactPersonId: "f".repeat(32) }))).toBe(
      `Sage API error 404 on GET /contact_persons/${"f".repeat(32)}: Contact person not found.`,
    );
  });
});

describe("Update Contact Person", () => {
  test("changes only the given fields; the flags are left unchanged by default", async () => {
    const contact = await newContact();
    const person = await newPerson(contact.main_address.id, {
      jobTitle: "Buyer",
      telephone: "01",
      isPreferredContact: "true",
    });
    const before = stored(person.id);
    sage.sandbox().clearLog();
    const { data } = await sage.run("updateContactPerson", {
      contactPersonId: person.id,
      jobTitle: "Head Buyer",
      mobile: "07700 900999",
    });
    expect(log()).toEqual([
      expect.objectContaining({ method: "PUT", path: `/contact_persons/${person.id}`, status: 200 }),
    ]);
    expect(log()[0].body).toEqual({ contact_person: { job_title: "Head Buyer", mobile: "07700 900999" } });
    expect(data).toEqual(stored(person.id));
    expect(data).toEqual({
      ...before,
      job_title: "Head Buyer",
      mobile: "07700 900999",
      updated_at: expect.any(String),
    });
  });

  test("moves the person to another address and sets a flag to False", async () => {
    const contact = await newContact();
    const person = await newPerson(contact.main_address.id, { isPreferredContact: "true" });
    await sage.run("updateContactPerson", {
      contactPersonId: person.id,
      addressId: contact.delivery_address.id,
      isPreferredContact: "false",
    });
    expect(log().at(-1)?.body).toEqual({
      contact_person: { address_id: contact.delivery_address.id, is_preferred_contact: false },
    });
    expect(stored(person.id)).toMatchObject({
      address: ref("addresses", contact.delivery_address.id),
      is_preferred_contact: false,
    });
  });

  test("an unknown id is Sage's 404", async () => {
    expect(await failureOf(sage.run("updateContactPerson", { contactPersonId: "e".repeat(32), name: "X" }))).toBe(
      `Sage API error 404 on PUT /contact_persons/${"e".repeat(32)}: Contact person not found.`,
    );
  });
});

describe("Delete Contact Person", () => {
  test("deletes it: gone from the store, and a Get is then a 404", async () => {
    const contact = await newContact();
    const person = await newPerson(contact.main_address.id);
    sage.sandbox().clearLog();
    await expect(sage.run("deleteContactPerson", { contactPersonId: person.id })).resolves.toEqual({
      data: { deleted: true, id: person.id },
    });
    expect(log()).toEqual([
      expect.objectContaining({ method: "DELETE", path: `/contact_persons/${person.id}`, status: 204 }),
    ]);
    expect(stored(person.id)).toBeUndefined();
    expect(await failureOf(sage.run("getContactPerson", { contactPersonId: person.id }))).toBe(
      `Sage API error 404 on GET /contact_persons/${person.id}: Contact person not found.`,
    );
  });

  test("an unknown id is Sage's 404", async () => {
    expect(await failureOf(sage.run("deleteContactPerson", { contactPersonId: "d".repeat(32) }))).toBe(
      `Sage API error 404 on DELETE /contact_persons/${"d".repeat(32)}: Contact person not found.`,
    );
  });
});

describe("List Contact People", () => {
  const business = () => sage.sandbox().businesses.second;
  const second = () => sage.connection({ businessId: business() });
  const all = () => sage.sandbox().store.list("contact_persons", business());

  beforeAll(() => {
    const { second: id } = sage.sandbox().businesses;
    sage.sandbox().seed("contacts", 3, { businessId: id });
    sage.sandbox().seed("contact_persons", 420, { businessId: id });
  });

  test("Items Per Page and Page return that page with $next", async () => {
    const { data } = await sage.run("listContactPeople", { connection: second(), itemsPerPage: "100", page: "4" });
    expect(data).toEqual({
      $total: all().length,
      $page: 4,
      $next: "/contact_persons?page=5&items_per_page=100&attributes=all",
      $back: "/contact_persons?page=3&items_per_page=100&attributes=all",
      $itemsPerPage: 100,
      $items: all().slice(300, 400),
    });
  });

  test("Fetch All reads every page: exactly ceil(N/200) requests", async () => {
    const total = all().length;
    expect(total).toBeGreaterThan(400);
    const { data } = await sage.run("listContactPeople", { connection: second(), fetchAll: "true" });
    expect(data).toEqual({ $total: total, $items: all() });
    expect(log()).toHaveLength(Math.ceil(total / 200));
    expect(log().map((entry) => entry.query.page)).toEqual(["1", "2", "3"]);
  });

  test("Contact Id and Address Id filters reach Sage under its names", async () => {
    const contact = sage.sandbox().store.list("contacts", business())[1];
    const atMain = all().filter((p) => p.address?.id === contact.main_address.id);
    expect(atMain.length).toBeGreaterThan(0);
    const { data: byContact } = await sage.run("listContactPeople", {
      connection: second(),
      contactId: contact.id,
      fetchAll: "true",
    });
    expect(byContact.$items.map((p: { id: string }) => p.id).sort()).toEqual(
      all()
        .filter((p) => [contact.main_address.id, contact.delivery_address?.id].includes(p.address?.id))
        .map((p) => p.id)
        .sort(),
    );
    const { data: byAddress } = await sage.run("listContactPeople", {
      connection: second(),
      addressId: contact.main_address.id,
      itemsPerPage: "200",
    });
    expect(byAddress.$items).toEqual(atMain);
    expect(log().map((entry) => entry.query)).toEqual([
      { contact_id: contact.id, attributes: "all", page: "1", items_per_page: "200" },
      { address_id: contact.main_address.id, attributes: "all", items_per_page: "200" },
    ]);
  });
});
