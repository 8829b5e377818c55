import { type Sandbox, startSandbox } from "../../sandbox";
import { type Api, api, customer, ledgerId, sageError } from "./client";

// Where each rule comes from is said per test: Sage's spec (sandbox/openapi/), Sage's guides or the
// recordings of real Sage (test/fixtures/sage-recordings/), or the sandbox's own choice where none of them
// shows one. Sage's error array ([{ $severity, $dataCode, $message, $source }]) is the shape its guides print;
// the $dataCode and message of each refusal below are the sandbox's own wording.
let sandbox: Sandbox;
let sage: Api;
let clock = new Date("2026-03-01T10:00:00.000Z");

beforeAll(async () => {
  sandbox = await startSandbox({ now: () => clock });
  sage = api(sandbox);
});
afterAll(() => sandbox.stop());

const at = (iso: string) => {
  clock = new Date(iso);
};

describe("server", () => {
  test("listens on 127.0.0.1 on a random port under /v3.1, with a random token per start", async () => {
    expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v3\.1$/);
    const other = await startSandbox();
    try {
      expect(other.port).not.toBe(sandbox.port);
      expect(other.token).not.toBe(sandbox.token);
      expect(other.token.length).toBeGreaterThanOrEqual(32);
    } finally {
      await other.stop();
    }
  });

  test("stop() closes the port", async () => {
    const other = await startSandbox();
    await other.stop();
    await expect(api(other).get("/countries")).rejects.toMatchObject({ code: "ECONNREFUSED" });
  });
});

describe("authentication", () => {
  test.each([
    ["no Authorization header", null],
    ["a wrong token", "not-the-token"],
  ])("401 with Sage's error array for %s", async (_case, token) => {
    const response = await api(sandbox, { token }).get("/contacts");
    expect(response.status).toBe(401);
    expect(response.data).toEqual([sageError("", /Unauthorised/, "AuthenticationFailed")]);
  });

  test("a request without the token is refused before its body is read: nothing of it reaches the log (the sandbox's own hygiene)", async () => {
    sandbox.clearLog();
    const response = await api(sandbox, { token: "not-the-token" }).post("/contacts", customer("Never Read Ltd"));
    expect(response.status).toBe(401);
    expect(sandbox.requestLog.map((entry) => [entry.status, entry.body])).toEqual([[401, undefined]]);
  });

  test("the token must come as a Bearer token (Sage's OAuth 2 guide; its spec has no securityDefinitions)", async () => {
    const response = await api(sandbox, { token: null }).get("/contacts", undefined);
    expect(response.status).toBe(401);
    const basic = await (
      await import("axios")
    ).default.get(`${sandbox.url}/contacts`, {
      headers: { Authorization: sandbox.token },
      validateStatus: () => true,
    });
    expect(basic.status).toBe(401);
  });
});

describe("not found", () => {
  test("an unknown id is 404 with Sage's error array", async () => {
    const response = await sage.get("/contacts/0123456789abcdef0123456789abcdef");
    expect(response.status).toBe(404);
    expect(response.data).toEqual([sageError("", "Contact not found", "RecordNotFound")]);
  });

  test("an unknown path or a method Sage's spec lacks is 404 in the same shape (the status is the sandbox's own choice)", async () => {
    expect((await sage.get("/nothing_here")).data).toEqual([
      sageError("", "No route matches GET /nothing_here", "RouteNotFound"),
    ]);
    const account = ledgerId(sandbox, 4000);
    const response = await sage.delete(`/ledger_accounts/${account}`);
    expect(response.status).toBe(404);
    expect(response.data[0].$dataCode).toBe("RouteNotFound");
  });
});

describe("bodies are checked against Sage's schema", () => {
  test("unknown field, wrong type and a missing required field are 422s naming each field (types and required from Sage's spec; refusing unknown fields is the sandbox's own, stricter choice)", async () => {
    const before = sandbox.store.count("contacts");
    const response = await sage.post("/contacts", {
      contact: { contact_type_ids: ["CUSTOMER"], nickname: "Acme", credit_limit: "lots" },
    });
    expect(response.status).toBe(422);
    expect(response.data).toEqual(
      expect.arrayContaining([
        sageError("name", "Name can't be blank"),
        sageError("nickname", /nickname is not an attribute/),
        sageError("credit_limit", "Credit limit must be a number (got string)"),
      ]),
    );
    expect(response.data).toHaveLength(3);
    expect(sandbox.store.count("contacts")).toBe(before);
  });

  test("nested paths: invoice line fields and address fields are named with their path", async () => {
    const contact = (await sage.post("/contacts", customer("Nested Paths Ltd"))).data;
    const response = await sage.post("/sales_invoices", {
      sales_invoice: {
        contact_id: contact.id,
        date: "2026-02-30",
        invoice_lines: [
          { description: "x", ledger_account_id: ledgerId(sandbox, 4000), unit_price: "9.99", colour: "red" },
        ],
        main_address: { city: 42 },
      },
    });
    expect(response.status).toBe(422);
    expect(response.data).toEqual(
      expect.arrayContaining([
        sageError("date", /YYYY-MM-DD/),
        sageError("invoice_lines.0.unit_price", "Unit price must be a number (got string)"),
        sageError("invoice_lines.0.colour", /not an attribute/),
        sageError("main_address.city", "City must be a string (got integer)"),
      ]),
    );
  });

  test("schema bounds apply (credit_days 0–365, Sage's spec)", async () => {
    const response = await sage.post("/contacts", customer("Bounds Ltd", { credit_days: 400 }));
    expect(response.status).toBe(422);
    expect(response.data).toEqual([sageError("credit_days", "Credit days must be less than or equal to 365")]);
  });

  test("a body without the resource wrapper (Sage's spec wraps every body) names the wrapper", async () => {
    const response = await sage.post("/contacts", { name: "Unwrapped", contact_type_ids: ["CUSTOMER"] });
    expect(response.status).toBe(422);
    expect(response.data).toEqual(
      expect.arrayContaining([sageError("contact", "Contact can't be blank"), sageError("name", /not an attribute/)]),
    );
  });

  test("invalid JSON is a 400 (the sandbox's own choice of status)", async () => {
    const axios = (await import("axios")).default;
    const response = await axios.post(`${sandbox.url}/contacts`, "{not json", {
      headers: { Authorization: `Bearer ${sandbox.token}`, "Content-Type": "application/json" },
      validateStatus: () => true,
      transformRequest: (data) => data,
    });
    expect(response.status).toBe(400);
  });
});

// Sage's spec does not state these rules; the sandbox's own, modelled on what Sage's UI enforces, so the
// component's errors can be tested. The messages are the sandbox's wording.
describe("business rules (the sandbox's own)", () => {
  test("contact_type_ids must be existing contact types", async () => {
    const response = await sage.post("/contacts", { contact: { name: "Typo Ltd", contact_type_ids: ["CUSTOMR"] } });
    expect(response.status).toBe(422);
    expect(response.data).toEqual([sageError("contact_type_ids", "Contact type 'CUSTOMR' does not exist")]);
  });

  test("referenced ids must exist, named by their path", async () => {
    const response = await sage.post(
      "/contacts",
      customer("Refs Ltd", { currency_id: "XXX", main_address: { country_id: "ZZ" } }),
    );
    expect(response.status).toBe(422);
    expect(response.data).toEqual(
      expect.arrayContaining([
        sageError("currency_id", /'XXX' does not exist/),
        sageError("main_address.country_id", /'ZZ' does not exist/),
      ]),
    );
  });

  test("ledger account nominal codes are unique", async () => {
    const body = {
      ledger_account: {
        ledger_account_type_id: "SALES",
        included_in_chart: true,
        name: "Dup",
        display_name: "Dup",
        nominal_code: 4000,
      },
    };
    const response = await sage.post("/ledger_accounts", body);
    expect(response.status).toBe(422);
    expect(response.data).toEqual([sageError("nominal_code", /4000 is already in use/)]);
  });
});

describe("create, update, delete", () => {
  test("POST is 201 with the full record (Sage's spec): 32-char hex id, $path, whole-second timestamps from the clock (the recordings)", async () => {
    at("2026-03-02T08:30:00.456Z");
    const response = await sage.post(
      "/contacts",
      customer("Acme Ltd", {
        reference: "ACME",
        main_address: { address_line_1: "1 High St", city: "London", country_id: "GB" },
        delivery_address: { address_line_1: "2 Dock Rd", city: "Tilbury" },
        bank_account_details: { account_name: "Acme", sort_code: "40-11-62" },
      }),
    );
    expect(response.status).toBe(201);
    const contact = response.data;
    expect(contact).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f]{32}$/),
      displayed_as: "Acme Ltd (ACME)",
      $path: `/contacts/${contact.id}`,
      created_at: "2026-03-02T08:30:00Z",
      updated_at: "2026-03-02T08:30:00Z",
      contact_types: [{ id: "CUSTOMER", displayed_as: "Customer", $path: "/contact_types/CUSTOMER" }],
      main_address: {
        address_line_1: "1 High St",
        city: "London",
        country: { id: "GB", displayed_as: "United Kingdom (GB)", $path: "/countries/GB" },
        is_main_address: true,
      },
      delivery_address: { address_line_1: "2 Dock Rd", city: "Tilbury", address_type: { id: "DELIVERY" } },
      bank_account_details: { account_name: "Acme", sort_code: "40-11-62", iban: null },
      currency: { id: "GBP" },
    });
    // The write's answer carries nested records in full (the sandbox's own choice); a GET asks for them.
    const query = { nested_attributes: "all", show_balance: "true" };
    expect((await sage.get(`/contacts/${contact.id}`, query)).data).toEqual(contact);
  });

  test("PUT changes only the given fields and merges nested objects", async () => {
    at("2026-03-02T09:00:00.000Z");
    const contact = (
      await sage.post(
        "/contacts",
        customer("Merge Ltd", { notes: "keep", main_address: { address_line_1: "1 Road", city: "Leeds" } }),
      )
    ).data;
    at("2026-03-02T09:05:00.123Z");
    const response = await sage.put(`/contacts/${contact.id}`, { contact: { main_address: { city: "York" } } });
    expect(response.status).toBe(200);
    expect(response.data).toMatchObject({
      notes: "keep",
      name: "Merge Ltd",
      main_address: { address_line_1: "1 Road", city: "York" },
      updated_at: "2026-03-02T09:05:00Z",
      created_at: "2026-03-02T09:00:00Z",
    });
    expect(sandbox.store.get("contacts", contact.id)?.main_address.city).toBe("York");
  });

  test("a rejected PUT changes nothing", async () => {
    const contact = (await sage.post("/contacts", customer("Unchanged Ltd"))).data;
    const response = await sage.put(`/contacts/${contact.id}`, { contact: { name: "New name", currency_id: "XXX" } });
    expect(response.status).toBe(422);
    expect(sandbox.store.get("contacts", contact.id)?.name).toBe("Unchanged Ltd");
  });

  test("DELETE is 204 (Sage's spec) and the record is gone (and listed by deleted_since)", async () => {
    at("2026-03-03T00:00:00.000Z");
    const contact = (await sage.post("/contacts", customer("Short Lived Ltd"))).data;
    at("2026-03-03T00:00:01.000Z");
    const response = await sage.delete(`/contacts/${contact.id}`);
    expect(response.status).toBe(204);
    expect(response.data).toBe("");
    expect((await sage.get(`/contacts/${contact.id}`)).status).toBe(404);
    const deleted = (await sage.get("/contacts", { deleted_since: "2026-03-03T00:00:00Z" })).data;
    expect(deleted.$items).toEqual([
      {
        id: contact.id,
        displayed_as: "Short Lived Ltd",
        $path: `/contacts/${contact.id}`,
        deleted_at: "2026-03-03T00:00:01Z",
      },
    ]);
  });

  test("deleted_since is exclusive (Sage's spec: 'Not inclusive of the passed timestamp'), per business, stamped by the injected clock", async () => {
    at("2026-03-04T00:00:00.000Z");
    const first = (await sage.post("/contacts", customer("Gone First Ltd"))).data;
    const second = (await sage.post("/contacts", customer("Gone Second Ltd"))).data;
    at("2026-03-04T10:00:00.000Z");
    await sage.delete(`/contacts/${first.id}`);
    at("2026-03-04T10:00:05.000Z");
    await sage.delete(`/contacts/${second.id}`);
    const idsSince = async (since: string, client = sage) =>
      (await client.get("/contacts", { deleted_since: since })).data.$items.map((item: { id: string }) => item.id);
    expect(await idsSince("2026-03-04T09:59:59Z")).toEqual([first.id, second.id]);
    expect(await idsSince("2026-03-04T10:00:00Z")).toEqual([second.id]);
    expect(await idsSince("2026-03-04T10:00:05Z")).toEqual([]);
    // The other business has its own (no) deletions.
    expect(await idsSince("2026-03-04T00:00:00Z", api(sandbox, { business: sandbox.businesses.second }))).toEqual([]);
  });
});

describe("lists", () => {
  let business: string;
  beforeAll(() => {
    // A business of its own so the counts below are exact.
    business = sandbox.businesses.second;
    sandbox.seed("contacts", 45, { businessId: business });
  });

  test("the envelope, items_per_page and $next/$back as relative paths keeping the filters (Sage's pagination guide)", async () => {
    const list = api(sandbox, { business });
    const first = (await list.get("/contacts", { items_per_page: 20, contact_type_id: "CUSTOMER" })).data;
    const customers = sandbox.store.list("contacts", business).filter((c) => c.contact_types[0].id === "CUSTOMER");
    expect(first).toMatchObject({ $total: customers.length, $page: 1, $back: null, $itemsPerPage: 20 });
    expect(first.$next).toBe("/contacts?page=2&items_per_page=20&contact_type_id=CUSTOMER");
    expect(first.$items.map((c: { id: string }) => c.id)).toEqual(customers.slice(0, 20).map((c) => c.id));
    const second = (await list.get(first.$next.replace(/^\/contacts/, "/contacts"))).data;
    expect(second).toMatchObject({ $page: 2, $back: "/contacts?page=1&items_per_page=20&contact_type_id=CUSTOMER" });
    const all = (await list.get("/contacts", { items_per_page: 200 })).data;
    // 45 synthetic contacts after the seed's 6 (two HMRC system contacts, four demo contacts).
    expect(all).toMatchObject({ $total: 51, $next: null });
    expect(all.$items).toHaveLength(51);
  });

  test("default page size is 20 (Sage's spec); a page past the end answers the last page (Sage's pagination guide)", async () => {
    const list = api(sandbox, { business });
    expect((await list.get("/contacts")).data.$items).toHaveLength(20);
    const last = (await list.get("/contacts", { page: 3 })).data;
    expect(last.$items).toHaveLength(11);
    expect((await list.get("/contacts", { page: 9 })).data).toEqual(last);
    expect(last).toMatchObject({ $page: 3, $next: null, $back: "/contacts?page=2&items_per_page=20" });
  });

  test.each(["0", "201", "abc", "1.5"])(
    "items_per_page=%s is outside Sage's spec (1–200): a 422 naming items_per_page (the sandbox's own status)",
    async (bad) => {
      const response = await sage.get("/contacts", { items_per_page: bad });
      expect(response.status).toBe(422);
      expect(response.data).toEqual([sageError("items_per_page")]);
    },
  );

  test("attributes: base fields by default, a comma list adds fields, all returns full records (Sage's spec)", async () => {
    const list = api(sandbox, { business });
    const [base] = (await list.get("/contacts", { items_per_page: 1 })).data.$items;
    expect(Object.keys(base)).toEqual(["id", "displayed_as", "$path"]);
    const [some] = (await list.get("/contacts", { items_per_page: 1, attributes: "name,reference" })).data.$items;
    expect(some).toEqual({ ...base, name: expect.any(String), reference: expect.any(String) });
    const [full] = (await list.get("/contacts", { items_per_page: 1, attributes: "all" })).data.$items;
    expect(full).toEqual((await list.get(`/contacts/${base.id}`)).data);
  });

  test("search (name or reference, case-insensitive) and email filter contacts (parameters of Sage's spec; the matching is the sandbox's own)", async () => {
    const list = api(sandbox, { business });
    const found = (await list.get("/contacts", { search: "customer 00002", attributes: "name" })).data;
    expect(found.$items.map((c: { name: string }) => c.name)).toEqual(["Synthetic Customer 00002 Ltd"]);
    expect((await list.get("/contacts", { search: "syn-00003" })).data.$total).toBe(1);
    expect((await list.get("/contacts", { email: "CONTACT5@synthetic.example" })).data.$total).toBe(1);
  });

  test("updated_or_created_since is inclusive of the given time (Sage's spec)", async () => {
    at("2026-04-01T12:00:00.000Z");
    const atNoon = (await sage.post("/contacts", customer("Noon Ltd"))).data;
    at("2026-04-01T12:00:01.000Z");
    const after = (await sage.post("/contacts", customer("After Noon Ltd"))).data;
    const ids = async (since: string) =>
      (await sage.get("/contacts", { updated_or_created_since: since, items_per_page: 200 })).data.$items.map(
        (c: { id: string }) => c.id,
      );
    expect(await ids("2026-04-01T12:00:00.000Z")).toEqual([atNoon.id, after.id]);
    expect(await ids("2026-04-01T12:00:01Z")).toEqual([after.id]);
    expect(await ids("2026-04-01T12:00:00.500Z")).toEqual([after.id]);
    expect(await ids("2026-04-01")).toEqual([atNoon.id, after.id]);
    expect((await sage.get("/contacts", { updated_or_created_since: "yesterday" })).data).toEqual([
      sageError("updated_or_created_since"),
    ]);
  });

  test("ledger accounts filter by visible_in and ledger_account_type_id (Sage's spec)", async () => {
    const bank = (
      await sage.get("/ledger_accounts", { visible_in: "banking", attributes: "nominal_code", items_per_page: 200 })
    ).data;
    expect(bank.$items.map((a: { nominal_code: number }) => a.nominal_code)).toEqual([1200, 1210, 1230]);
    const sales = (await sage.get("/ledger_accounts", { ledger_account_type_id: "SALES", attributes: "nominal_code" }))
      .data;
    expect(sales.$items.map((a: { nominal_code: number }) => a.nominal_code)).toEqual(
      expect.arrayContaining([4000, 4010]),
    );
    expect((await sage.get("/ledger_accounts", { visible_in: "everywhere" })).status).toBe(422);
  });
});

describe("seed data and businesses", () => {
  test("lookups, tax rates and the chart of accounts are seeded (Sage's codes; the records are the sandbox's own)", async () => {
    const ids = async (path: string) =>
      (await sage.get(path, { items_per_page: 200 })).data.$items.map((r: { id: string }) => r.id);
    expect(await ids("/contact_types")).toEqual(["CUSTOMER", "VENDOR"]);
    expect(await ids("/address_types")).toEqual(
      expect.arrayContaining(["DELIVERY", "ACCOUNTS", "SALES", "PURCHASING"]),
    );
    expect(await ids("/countries")).toEqual(expect.arrayContaining(["GB", "IE", "US", "CA"]));
    expect(await ids("/currencies")).toEqual(expect.arrayContaining(["GBP", "EUR", "USD", "CAD"]));
    expect(await ids("/payment_methods")).toEqual(
      expect.arrayContaining(["BANK_TRANSFER", "CASH", "CHEQUE", "CREDIT_DEBIT"]),
    );
    const standard = (await sage.get("/tax_rates/GB_STANDARD")).data;
    expect(standard).toMatchObject({ id: "GB_STANDARD", percentage: "20.0", displayed_as: "Standard 20.00%" });
    expect((await sage.get("/bank_accounts")).data.$total).toBeGreaterThanOrEqual(1);
    expect((await sage.get("/products")).data.$total).toBeGreaterThanOrEqual(2);
    expect((await sage.get("/services")).data.$total).toBeGreaterThanOrEqual(2);
  });

  test("like a UK trial business: the HMRC system contacts (the recordings) and demo customers, suppliers and invoices (the sandbox's own)", async () => {
    const contacts = (await sage.get("/contacts", { attributes: "system,contact_types", items_per_page: 200 })).data;
    const seeded = contacts.$items.slice(0, 6);
    expect(seeded.map((c: { displayed_as: string; system: boolean }) => [c.displayed_as, c.system])).toEqual([
      ["HMRC Payments (HMRC Pay)", true],
      ["HMRC Reclaimed (HMRC Rec)", true],
      ["Kinghorn & French (KIN001)", false],
      ["Bayside Bakery (BAY001)", false],
      ["Northgate Stationers (NOR001)", false],
      ["Cloudline Hosting (CLO001)", false],
    ]);
    const [sales] = (await sage.get("/sales_invoices", { attributes: "all" })).data.$items;
    expect(sales).toMatchObject({ invoice_number: "SI-1", contact_name: "Kinghorn & French", total_amount: "3761.39" });
    expect((await sage.get("/purchase_invoices")).data.$total).toBe(1);
    // Stable across starts, as the other seeded ids.
    const other = await startSandbox();
    try {
      expect(other.store.list("contacts").map((c) => c.id)).toEqual(
        sandbox.store
          .list("contacts")
          .slice(0, 6)
          .map((c) => c.id),
      );
    } finally {
      await other.stop();
    }
  });

  test("GET /businesses answers the paged envelope with $items_per_page (Sage's guide, not its spec); GET /businesses/{id} one of them", async () => {
    const businesses = (await sage.get("/businesses")).data;
    expect(businesses).toEqual({
      $total: 2,
      $page: 1,
      $next: null,
      $back: null,
      $items_per_page: 2,
      $items: [
        expect.objectContaining({ id: sandbox.businesses.lead, name: "Sandbox Trading Ltd" }),
        expect.objectContaining({ id: sandbox.businesses.second }),
      ],
    });
    expect((await sage.get(`/businesses/${sandbox.businesses.second}`)).data.id).toBe(sandbox.businesses.second);
    expect((await sage.get("/businesses/nope")).status).toBe(404);
  });

  test("X-Business selects the business; absent means the lead; data is separate (Sage's guide; the header is not in its spec)", async () => {
    const created = (
      await api(sandbox, { business: sandbox.businesses.second }).post("/contacts", customer("Second Only Ltd"))
    ).data;
    expect((await sage.get(`/contacts/${created.id}`)).status).toBe(404);
    expect((await api(sandbox, { business: sandbox.businesses.lead }).get(`/contacts/${created.id}`)).status).toBe(404);
    expect((await api(sandbox, { business: sandbox.businesses.second }).get(`/contacts/${created.id}`)).status).toBe(
      200,
    );
    // Seeded ids differ per business, as in Sage.
    expect(ledgerId(sandbox, 4000)).not.toBe(ledgerId(sandbox, 4000, sandbox.businesses.second));
    expect((await api(sandbox, { business: "0".repeat(32) }).get("/contacts")).status).toBe(404);
  });
});

describe("request bodies", () => {
  const rawPost = async (body: string) =>
    (await import("axios")).default.post(`${sandbox.url}/contacts`, body, {
      headers: { Authorization: `Bearer ${sandbox.token}`, "Content-Type": "application/json" },
      transformRequest: (data: string) => data,
      validateStatus: () => true,
    });

  // The sandbox's own choice: Sage's guides do not say what it answers to a body that is not an object.
  test.each(["null", "42", '"contact"'])("a JSON %s body is a 400 in Sage's error shape, not a crash", async (body) => {
    const response = await rawPost(body);
    expect(response.status).toBe(400);
    expect(response.data).toEqual([sageError("", "The request body must be a JSON object", "InvalidJson")]);
  });

  test("the log keeps the start of a large body, not all of it", async () => {
    sandbox.clearLog();
    const notes = "x".repeat(200_000);
    await sage.post("/contacts", customer("Long Notes Ltd", { notes }));
    const [entry] = sandbox.requestLog;
    expect(typeof entry.body).toBe("string");
    expect((entry.body as string).length).toBeLessThan(70_000);
    expect(entry.body).toMatch(/characters; the log keeps the first 65536\)$/);
  });
});
