import component from "../../../src";
import { BASE_PATH, failureOf, runAction, sageApi, useNock, captureBody } from "../../helpers";
import { keyPaths, schemaProblems } from "../../sageSchema";

useNock();

const PERSON_ID = "2c4e0c1b6f5c11ecb2660236bd82ab5b";
const ADDRESS_ID = "1b0f1e5a6f5c11ecb2660236bd82ab5b";
const person = { id: PERSON_ID, displayed_as: "Jane Smith", $path: `/contact_persons/${PERSON_ID}` };
const BAD_ID = `Invalid "Contact Person Id": expected a Sage Id (letters, digits, '-', '_', '.' or ':'), got "../businesses".`;

/** Mock one write and hand back the body Sage received. */
const captureWrite = (method: "post" | "put", path: string) => captureBody(method, path, person);

describe("Get Contact Person", () => {
  test("GET /contact_persons/{id} asks for the full record", async () => {
    sageApi().get(`${BASE_PATH}/contact_persons/${PERSON_ID}`).query({ attributes: "all" }).reply(200, person);
    await expect(runAction("getContactPerson", { contactPersonId: PERSON_ID })).resolves.toEqual({ data: person });
  });

  test("404 names the path", async () => {
    sageApi()
      .get(`${BASE_PATH}/contact_persons/missing`)
      .query({ attributes: "all" })
      .reply(404, [{ $severity: "error", $dataCode: "RecordNotFound", $message: "Resource not found" }]);
    await expect(runAction("getContactPerson", { contactPersonId: "missing" })).rejects.toThrow(
      "Sage API error 404 on GET /contact_persons/missing: Resource not found.",
    );
  });

  test("a path-changing id is refused before any request", async () => {
    expect(await failureOf(runAction("getContactPerson", { contactPersonId: "../businesses" }))).toBe(BAD_ID);
  });
});

describe("Delete Contact Person", () => {
  test("DELETE /contact_persons/{id}, never /contacts", async () => {
    // Only this path is mocked: a call to /contacts/{id} would fail with "No match".
    sageApi().delete(`${BASE_PATH}/contact_persons/${PERSON_ID}`).reply(204);
    await expect(runAction("deleteContactPerson", { contactPersonId: PERSON_ID })).resolves.toEqual({
      data: { deleted: true, id: PERSON_ID },
    });
  });

  test("404 names the contact_persons path", async () => {
    sageApi()
      .delete(`${BASE_PATH}/contact_persons/gone`)
      .reply(404, [{ $severity: "error", $dataCode: "RecordNotFound", $message: "Resource not found" }]);
    await expect(runAction("deleteContactPerson", { contactPersonId: "gone" })).rejects.toThrow(
      "Sage API error 404 on DELETE /contact_persons/gone: Resource not found.",
    );
  });

  test("a path-changing id is refused before any request", async () => {
    expect(await failureOf(runAction("deleteContactPerson", { contactPersonId: "../businesses" }))).toBe(BAD_ID);
  });
});

describe("List Contact People", () => {
  test("a bad Contact Id filter is refused before any request", async () => {
    expect(await failureOf(runAction("listContactPeople", { contactId: "a/b" }))).toBe(
      `Invalid "Contact Id": expected a Sage Id (letters, digits, '-', '_', '.' or ':'), got "a/b".`,
    );
  });
});

const FULL_PERSON = {
  addressId: ADDRESS_ID,
  name: "Jane Smith",
  contactPersonTypeIds: ["ACCOUNTS", "SALES"],
  jobTitle: "Finance Manager",
  telephone: "0191 123 4567",
  mobile: "07700 900123",
  email: "jane.smith@acme.example",
  fax: "0191 123 4568",
  isMainContact: "true",
  isPreferredContact: "false",
  idempotencyKey: "crm-person-17",
};

const FULL_PERSON_BODY = {
  contact_person: {
    address_id: ADDRESS_ID,
    name: "Jane Smith",
    contact_person_type_ids: ["ACCOUNTS", "SALES"],
    job_title: "Finance Manager",
    telephone: "0191 123 4567",
    mobile: "07700 900123",
    email: "jane.smith@acme.example",
    fax: "0191 123 4568",
    is_main_contact: true,
    is_preferred_contact: false,
  },
};

describe("Create Contact Person", () => {
  test("the fixture fills in every input", () => {
    const keys = (component.actions.createContactPerson.inputs as { key: string }[]).map((i) => i.key);
    expect(keys).toEqual(["connection", ...Object.keys(FULL_PERSON)]);
  });

  test("all inputs: POST /contact_persons with the wrapped body, every key in postContactPersons", async () => {
    const sent = captureWrite("post", "/contact_persons");
    await expect(runAction("createContactPerson", FULL_PERSON)).resolves.toEqual({ data: person });
    expect(sent.body).toEqual(FULL_PERSON_BODY);
    expect(keyPaths(sent.body)).toHaveLength(11);
    expect(schemaProblems("postContactPersons", sent.body)).toEqual([]);
  });

  test("required inputs only: the flags keep their false defaults", async () => {
    const sent = captureWrite("post", "/contact_persons");
    await runAction("createContactPerson", {
      addressId: ADDRESS_ID,
      name: "Jane Smith",
      contactPersonTypeIds: "ACCOUNTS",
    });
    expect(sent.body).toEqual({
      contact_person: {
        address_id: ADDRESS_ID,
        name: "Jane Smith",
        contact_person_type_ids: ["ACCOUNTS"],
        is_main_contact: false,
        is_preferred_contact: false,
      },
    });
    expect(schemaProblems("postContactPersons", sent.body)).toEqual([]);
  });

  test.each([
    [{ addressId: "" }, 'Invalid "Address Id": expected a value; this input is required.'],
    [{ name: " " }, 'Invalid "Name": expected a value; this input is required.'],
    [
      { contactPersonTypeIds: "" },
      'Invalid "Contact Person Type Ids": expected at least one Id; this input is required.',
    ],
    [{ isMainContact: "maybe" }, 'Invalid "Is Main Contact": expected true or false, got "maybe".'],
  ])("%p is refused before any request", async (bad, message) => {
    expect(await failureOf(runAction("createContactPerson", { ...FULL_PERSON, ...bad }))).toBe(message);
  });

  test("Sage's 422 reaches the user", async () => {
    sageApi()
      .post(`${BASE_PATH}/contact_persons`)
      .reply(422, [
        { $severity: "error", $dataCode: "RecordInvalid", $message: "Address can't be blank", $source: "address_id" },
      ]);
    await expect(runAction("createContactPerson", FULL_PERSON)).rejects.toThrow(
      "Sage API error 422 on POST /contact_persons: Address can't be blank (field: address_id).",
    );
  });
});

describe("Update Contact Person", () => {
  test("only the job title: PUT /contact_persons/{id} with exactly that field (flags left alone)", async () => {
    const sent = captureWrite("put", `/contact_persons/${PERSON_ID}`);
    await expect(runAction("updateContactPerson", { contactPersonId: PERSON_ID, jobTitle: "CFO" })).resolves.toEqual({
      data: person,
    });
    expect(sent.body).toEqual({ contact_person: { job_title: "CFO" } });
  });

  test("a flag set to False is sent as false", async () => {
    const sent = captureWrite("put", `/contact_persons/${PERSON_ID}`);
    await runAction("updateContactPerson", { contactPersonId: PERSON_ID, isPreferredContact: "false" });
    expect(sent.body).toEqual({ contact_person: { is_preferred_contact: false } });
  });

  test("all inputs: the same body as create, every key in putContactPersons", async () => {
    const sent = captureWrite("put", `/contact_persons/${PERSON_ID}`);
    await runAction("updateContactPerson", { contactPersonId: PERSON_ID, ...FULL_PERSON });
    expect(sent.body).toEqual(FULL_PERSON_BODY);
    expect(schemaProblems("putContactPersons", sent.body)).toEqual([]);
  });

  test("the flags are tri-state dropdowns defaulting to leave unchanged", () => {
    const inputs = component.actions.updateContactPerson.inputs as {
      key: string;
      default?: string;
      model?: unknown[];
    }[];
    for (const key of ["isMainContact", "isPreferredContact"]) {
      expect(inputs.find((i) => i.key === key)).toMatchObject({ type: "string", default: "" });
      expect(inputs.find((i) => i.key === key)?.model).toHaveLength(3);
    }
  });

  test("a path-changing id is refused before any request", async () => {
    expect(await failureOf(runAction("updateContactPerson", { contactPersonId: "../businesses", name: "x" }))).toBe(
      BAD_ID,
    );
  });
});
