import { failureOf, withSandbox } from "./withSandbox";

// Real HTTP against the local sandbox: nothing here loads nock, so no request is intercepted.
const sage = withSandbox();

beforeEach(() => sage.sandbox().clearLog());

const lookups = [
  ["listAddressTypes", "/address_types", "address_types"],
  ["listContactTypes", "/contact_types", "contact_types"],
  ["listCountries", "/countries", "countries"],
  ["listCurrencies", "/currencies", "currencies"],
  ["listLedgerAccountTypes", "/ledger_account_types", "ledger_account_types"],
] as const;

describe.each(lookups)("%s", (key, path, collection) => {
  test("returns Sage's envelope with full records, asking with the bearer token and attributes=all", async () => {
    const { data } = await sage.run(key);
    const records = sage.sandbox().store.list(collection);
    expect(data).toEqual({
      $total: records.length,
      $page: 1,
      $next: null,
      $back: null,
      $itemsPerPage: 20,
      $items: records.slice(0, 20),
    });
    expect(sage.sandbox().requestLog).toEqual([
      expect.objectContaining({
        method: "GET",
        path,
        query: { attributes: "all" },
        status: 200,
        headers: expect.objectContaining({ authorization: "[REDACTED]", accept: "application/json" }),
      }),
    ]);
  });

  test("pages with Items Per Page and Page", async () => {
    const records = sage.sandbox().store.list(collection);
    const { data } = await sage.run(key, { itemsPerPage: "1", page: "2" });
    expect(data).toMatchObject({
      $total: records.length,
      $page: 2,
      $itemsPerPage: 1,
      $back: `${path}?page=1&items_per_page=1&attributes=all`,
    });
    expect(data.$items).toEqual([records[1]]);
    expect(data.$next).toBe(records.length > 2 ? `${path}?page=3&items_per_page=1&attributes=all` : null);
  });

  test("Fetch All returns every record as { $total, $items }", async () => {
    const records = sage.sandbox().store.list(collection);
    await expect(sage.run(key, { fetchAll: "true" })).resolves.toEqual({
      data: { $total: records.length, $items: records },
    });
    expect(sage.sandbox().requestLog.map((entry) => entry.query)).toEqual([
      { attributes: "all", page: "1", items_per_page: "200" },
    ]);
  });
});

describe("Fetch All over several pages", () => {
  test("follows $next until the last page (450 contacts and the seed's 6: three requests of 200)", async () => {
    const business = sage.sandbox().businesses.second;
    sage.sandbox().seed("contacts", 450, { businessId: business });
    const { data } = await sage.run("listContacts", {
      connection: sage.connection({ businessId: business }),
      fetchAll: "true",
      attributes: "",
    });
    expect(data.$total).toBe(456);
    expect(data.$items.map((c: { id: string }) => c.id)).toEqual(
      sage
        .sandbox()
        .store.list("contacts", business)
        .map((c) => c.id),
    );
    expect(sage.sandbox().requestLog.map((entry) => entry.query.page)).toEqual(["1", "2", "3"]);
  });
});

describe("errors are readable", () => {
  test("an unknown business is Sage's 404, named with the path", async () => {
    const message = await failureOf(
      sage.run("listCountries", { connection: sage.connection({ businessId: "0".repeat(32) }) }),
    );
    expect(message).toBe("Sage API error 404 on GET /countries: Business not found.");
  });

  test("a rejected token is a connection error telling the user to reconnect", async () => {
    const error = await sage
      .run("listCurrencies", { connection: sage.connection({ token: "expired-token" }) })
      .catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe("ConnectionError");
    expect((error as Error).message).toContain("Sage API error 401 on GET /currencies");
    expect((error as Error).message).toContain("reconnect the Sage connection");
    expect((error as Error).message).not.toContain(sage.sandbox().token);
  });

  test("a 503 is retried for a GET and the retry succeeds", async () => {
    sage.sandbox().setFaults({ sequence: ["503"] });
    const { data } = await sage.run("listCountries");
    expect(data.$items.length).toBeGreaterThan(0);
    expect(sage.sandbox().requestLog.map((entry) => entry.status)).toEqual([503, 200]);
  });
});

describe("Raw Request", () => {
  test("GET with query parameters returns the data and status", async () => {
    const result = await sage.run("rawRequest", {
      url: "/countries",
      method: "GET",
      queryParams: [{ key: "items_per_page", value: "2" }],
    });
    expect(result).toMatchObject({
      statusCode: 200,
      data: { $total: 7, $itemsPerPage: 2, $next: "/countries?page=2&items_per_page=2" },
    });
  });

  test("POST creates a record in the sandbox; X-Business comes from the connection", async () => {
    const business = sage.sandbox().businesses.second;
    const result = await sage.run("rawRequest", {
      connection: sage.connection({ businessId: business }),
      url: "/contacts",
      method: "POST",
      data: JSON.stringify({ contact: { name: "Raw Ltd", contact_type_ids: ["CUSTOMER"] } }),
      headers: [{ key: "Content-Type", value: "application/json" }],
    });
    expect(result).toMatchObject({ statusCode: 201, data: { name: "Raw Ltd", displayed_as: "Raw Ltd" } });
    expect(sage.sandbox().store.get("contacts", result.data.id, business)).toMatchObject({ name: "Raw Ltd" });
    expect(sage.sandbox().store.get("contacts", result.data.id)).toBeUndefined();
  });

  test("a 404 and a 422 are reported with Sage's messages", async () => {
    expect(await failureOf(sage.run("rawRequest", { url: "/countries/XX", method: "GET" }))).toBe(
      "Sage API error 404 on GET /countries/XX: Country not found.",
    );
    const message = await failureOf(
      sage.run("rawRequest", {
        url: "/contacts",
        method: "POST",
        data: JSON.stringify({ contact: { name: "Bad Ltd", contact_type_ids: ["CUSTOMER"], colour: "red" } }),
        headers: [{ key: "Content-Type", value: "application/json" }],
      }),
    );
    expect(message).toBe(
      "Sage API error 422 on POST /contacts: colour is not an attribute of contact (field: colour).",
    );
  });
});
