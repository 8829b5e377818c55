import nock from "nock";
import { BASE_PATH, envelope, failureOf, runAction, sageApi, useNock } from "../../helpers";

useNock();

const lookups = [
  ["listAddressTypes", "/address_types"],
  ["listContactTypes", "/contact_types"],
  ["listCountries", "/countries"],
  ["listCurrencies", "/currencies"],
  ["listLedgerAccountTypes", "/ledger_account_types"],
] as const;

describe.each(lookups)("%s", (key, path) => {
  test("sends items_per_page, page and attributes and returns Sage's envelope unchanged", async () => {
    const body = envelope([{ id: "A", displayed_as: "A thing", $path: `${path}/A` }], {
      page: 2,
      itemsPerPage: 5,
      total: 6,
    });
    sageApi().get(`${BASE_PATH}${path}`).query({ items_per_page: "5", page: "2", attributes: "all" }).reply(200, body);
    const result = await runAction(key, { itemsPerPage: "5", page: "2" });
    expect(result).toEqual({ data: body });
  });

  test("without paging inputs asks Sage for its defaults (no items_per_page or page sent)", async () => {
    sageApi().get(`${BASE_PATH}${path}`).query({ attributes: "all" }).reply(200, envelope([]));
    await expect(runAction(key)).resolves.toEqual({ data: envelope([]) });
  });

  test.each(["0", "201", "-1", "abc", "1.5"])("Items Per Page %p is refused before any request", async (bad) => {
    const message = await failureOf(runAction(key, { itemsPerPage: bad }));
    expect(message).toBe(`Invalid "Items Per Page": expected a whole number from 1 to 200, got "${bad}".`);
    expect(nock.pendingMocks()).toEqual([]);
  });

  test.each(["0", "-1", "abc"])("Page %p is refused before any request", async (bad) => {
    await expect(runAction(key, { page: bad })).rejects.toThrow(
      `Invalid "Page": expected a whole number of at least 1, got "${bad}".`,
    );
  });
});

describe("Sage errors become readable messages", () => {
  test("400 with Sage's error array names each message and its field", async () => {
    sageApi()
      .get(`${BASE_PATH}/countries`)
      .query(true)
      .reply(400, [
        {
          $severity: "error",
          $dataCode: "RecordInvalid",
          $message: "Items per page is invalid",
          $source: "items_per_page",
        },
        { $severity: "error", $dataCode: "RecordInvalid", $message: "Something else" },
      ]);
    await expect(runAction("listCountries")).rejects.toThrow(
      "Sage API error 400 on GET /countries: Items per page is invalid (field: items_per_page); Something else.",
    );
  });

  test("401 is a connection error telling the user to reconnect", async () => {
    sageApi()
      .get(`${BASE_PATH}/countries`)
      .query(true)
      .reply(401, [{ $severity: "error", $dataCode: "AuthenticationFailed", $message: "Unauthorised" }]);
    const error = await runAction("listCountries").catch((e) => e);
    expect(error.name).toBe("ConnectionError");
    expect(error.message).toContain("Sage API error 401 on GET /countries: Unauthorised.");
    expect(error.message).toContain("reconnect the Sage connection");
  });

  test("404 names the path", async () => {
    sageApi()
      .get(`${BASE_PATH}/currencies`)
      .query(true)
      .reply(404, [{ $severity: "error", $dataCode: "RecordNotFound", $message: "Resource not found" }]);
    await expect(runAction("listCurrencies")).rejects.toThrow(
      "Sage API error 404 on GET /currencies: Resource not found.",
    );
  });

  test("500 is retried, then reported with the HTML page's title", async () => {
    sageApi()
      .get(`${BASE_PATH}/currencies`)
      .query(true)
      .times(4)
      .reply(500, "<html><title>Internal Server Error</title></html>");
    await expect(runAction("listCurrencies")).rejects.toThrow(
      'Sage API error 500 on GET /currencies: an HTML error page ("Internal Server Error").',
    );
  });

  test("a token-less connection fails before any request", async () => {
    const { testConnection } = await import("../../helpers");
    await expect(runAction("listCountries", { connection: testConnection({}, {}) })).rejects.toThrow(
      "The Sage connection has no access token",
    );
  });
});
