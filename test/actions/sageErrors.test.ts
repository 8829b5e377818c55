import { BASE_PATH, runAction, sageApi, useNock } from "../helpers";

useNock();

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
    const { testConnection } = await import("../helpers");
    await expect(runAction("listCountries", { connection: testConnection({}, {}) })).rejects.toThrow(
      "The Sage connection has no access token",
    );
  });
});
