import { BASE_PATH, envelope, failureOf, runAction, sageApi, useNock, captureBody } from "../../helpers";
import { schemaProblems } from "../../sageSchema";

useNock();

// Full records with their addresses and people in full (nested_attributes=all), every page.
const ALL_PAGES = { attributes: "all", nested_attributes: "all", items_per_page: "200" };

/** One page of GET /contacts for the given query, with `$next` when more follow. */
const contactsPage = (query: Record<string, string>, page: number, items: unknown[], more = false) =>
  sageApi()
    .get(`${BASE_PATH}/contacts`)
    .query({ ...ALL_PAGES, ...query, page: String(page) })
    .reply(200, { ...envelope(items, { page }), $next: more ? `/contacts?page=${page + 1}` : null });

describe("Find Contacts", () => {
  test("GET /contacts with attributes=all and the filters, every page, returns the records", async () => {
    const query = { email: "accounts@acme.example", search: "Acme", contact_type_id: "CUSTOMER" };
    contactsPage(query, 1, [{ id: "a" }, { id: "b" }], true);
    contactsPage(query, 2, [{ id: "c" }]);
    const result = await runAction("findContacts", {
      email: "accounts@acme.example",
      search: "Acme",
      contactTypeId: "CUSTOMER",
    });
    expect(result).toEqual({ data: [{ id: "a" }, { id: "b" }, { id: "c" }] });
  });

  test("no filters: every contact; no match: an empty list", async () => {
    contactsPage({}, 1, []);
    await expect(runAction("findContacts")).resolves.toEqual({ data: [] });
  });

  test("a bad Contact Type Id is refused before any request", async () => {
    expect(await failureOf(runAction("findContacts", { contactTypeId: "CUSTOMER?x=1" }))).toBe(
      `Invalid "Contact Type Id": expected a Sage Id (letters, digits, '-', '_', '.' or ':'), got "CUSTOMER?x=1".`,
    );
  });
});

describe("Find or Create Contact", () => {
  const base = { name: "Acme Trading Ltd", contactTypeIds: ["CUSTOMER"] };

  /** Mock POST /contacts and hand back the body Sage received. */
  const captureCreate = () => captureBody("post", "/contacts", { id: "new", name: "Acme Trading Ltd" });

  test("an existing contact with the email (any case) is returned and nothing is created", async () => {
    const match = { id: "c1", email: "Accounts@Acme.example", reference: "ACME001" };
    contactsPage({ email: "accounts@acme.EXAMPLE" }, 1, [{ id: "c0", email: "someone@else.example" }, match]);
    // No POST is mocked: a create would fail the test with a network error.
    const result = await runAction("findOrCreateContact", {
      ...base,
      email: "accounts@acme.EXAMPLE",
      reference: "ACME001",
    });
    expect(result).toEqual({ data: { created: false, contact: match } });
  });

  test("a contact whose other person has the email is a match: nothing is created", async () => {
    // Sage's email filter also returns contacts where a non-main person has the address.
    const other = { id: "c0", email: "boss@acme.example" };
    contactsPage({ email: "jane@acme.example" }, 1, [other]);
    sageApi()
      .get(`${BASE_PATH}/contact_persons`)
      .query({ contact_id: "c0", attributes: "email", page: "1", items_per_page: "200" })
      .reply(
        200,
        envelope([
          { id: "p1", email: "boss@acme.example" },
          { id: "p2", email: "Jane@Acme.example" },
        ]),
      );
    const result = await runAction("findOrCreateContact", { ...base, email: "jane@acme.example" });
    expect(result).toEqual({ data: { created: false, contact: other } });
  });

  test("a candidate whose people only loosely match the email is not a match: a new contact is created", async () => {
    contactsPage({ email: "jane@acme.example" }, 1, [{ id: "c0", email: "boss@acme.example" }]);
    sageApi()
      .get(`${BASE_PATH}/contact_persons`)
      .query({ contact_id: "c0", attributes: "email", page: "1", items_per_page: "200" })
      .reply(200, envelope([{ id: "p1", email: "mary.jane@acme.example" }]));
    const sent = captureCreate();
    const result = await runAction("findOrCreateContact", { ...base, email: "jane@acme.example", city: "Leeds" });
    expect(sent.body).toEqual({
      contact: {
        name: "Acme Trading Ltd",
        contact_type_ids: ["CUSTOMER"],
        main_address: { city: "Leeds", is_main_address: false },
        main_contact_person: { email: "jane@acme.example" },
      },
    });
    expect(schemaProblems("postContacts", sent.body)).toEqual([]);
    expect(result).toEqual({ data: { created: true, contact: { id: "new", name: "Acme Trading Ltd" } } });
  });

  test("without Email, an exact Reference match is found on a later page", async () => {
    const match = { id: "c9", reference: "ACME001", email: null };
    contactsPage({ search: "ACME001" }, 1, [{ id: "c1", reference: "ACME0012" }], true);
    contactsPage({ search: "ACME001" }, 2, [match]);
    const result = await runAction("findOrCreateContact", { ...base, reference: "ACME001" });
    expect(result).toEqual({ data: { created: false, contact: match } });
  });

  test("pages are read only until a match is found", async () => {
    const match = { id: "c1", reference: "ACME001" };
    sageApi()
      .get(`${BASE_PATH}/contacts`)
      .query({ ...ALL_PAGES, search: "ACME001", page: "1" })
      .reply(200, { ...envelope([match]), $next: "/contacts?page=2" });
    await expect(runAction("findOrCreateContact", { ...base, reference: "ACME001" })).resolves.toEqual({
      data: { created: false, contact: match },
    });
  });

  test("a reference that only contains the given one is not a match", async () => {
    contactsPage({ search: "ACME001" }, 1, [
      { id: "c1", reference: "ACME0012" },
      { id: "c3", name: "ACME001 Holdings", reference: null },
    ]);
    const sent = captureCreate();
    const result = await runAction("findOrCreateContact", { ...base, reference: "ACME001" });
    expect(sent.body).toEqual({
      contact: { name: "Acme Trading Ltd", contact_type_ids: ["CUSTOMER"], reference: "ACME001" },
    });
    expect(result).toEqual({ data: { created: true, contact: { id: "new", name: "Acme Trading Ltd" } } });
  });

  test("a reference that differs only in case is a match: Sage keeps references unique regardless of case", async () => {
    const match = { id: "c2", reference: "acme001" };
    contactsPage({ search: "ACME001" }, 1, [{ id: "c1", reference: "ACME0012" }, match]);
    const result = await runAction("findOrCreateContact", { ...base, reference: "ACME001" });
    expect(result).toEqual({ data: { created: false, contact: match } });
  });

  test("with both Email and Reference, only Email is matched on", async () => {
    contactsPage({ email: "jane@acme.example" }, 1, []);
    const sent = captureCreate();
    await runAction("findOrCreateContact", { ...base, email: "jane@acme.example", reference: "ACME001" });
    expect(sent.body).toEqual({
      contact: {
        name: "Acme Trading Ltd",
        contact_type_ids: ["CUSTOMER"],
        reference: "ACME001",
        main_contact_person: { email: "jane@acme.example" },
      },
    });
  });

  test("neither Email nor Reference: refused before any request", async () => {
    expect(await failureOf(runAction("findOrCreateContact", base))).toBe(
      'Invalid "Email": expected an Email or a Reference to look for an existing contact by; fill in "Email" or "Reference".',
    );
  });

  test("create inputs are validated before the lookup", async () => {
    expect(
      await failureOf(runAction("findOrCreateContact", { ...base, email: "a@b.example", creditDays: "400" })),
    ).toBe('Invalid "Credit Days": expected a whole number from 0 to 365, got "400".');
    expect(
      await failureOf(runAction("findOrCreateContact", { email: "a@b.example", contactTypeIds: ["CUSTOMER"] })),
    ).toBe('Invalid "Name": expected a value; this input is required.');
  });

  test("a failed create reports Sage's message", async () => {
    contactsPage({ search: "ACME001" }, 1, []);
    sageApi()
      .post(`${BASE_PATH}/contacts`)
      .reply(422, [
        {
          $severity: "error",
          $dataCode: "RecordInvalid",
          $message: "Reference has already been taken",
          $source: "reference",
        },
      ]);
    await expect(runAction("findOrCreateContact", { ...base, reference: "ACME001" })).rejects.toThrow(
      "Sage API error 422 on POST /contacts: Reference has already been taken (field: reference).",
    );
  });

  test("takes Create Contact's inputs plus Email", async () => {
    const { default: component } = await import("../../../src");
    const keys = (key: string) => (component.actions[key].inputs as { key: string }[]).map((i) => i.key);
    expect([...keys("findOrCreateContact")].sort()).toEqual([...keys("createContact"), "email"].sort());
    expect(component.actions.findOrCreateContact.display.label).toBe("Find or Create Contact");
    expect(component.actions.findContacts.display.label).toBe("Find Contacts");
    expect(keys("findContacts")).toEqual(["connection", "email", "search", "contactTypeId", "excludeSystem"]);
  });
});
