import nock from "nock";
import recorded from "../../fixtures/sage-recordings/businesses-list.docs.json";
import { BASE_PATH, runAction, SAGE_ORIGIN, sageApi, TEST_TOKEN, testConnection, useNock } from "../../helpers";

useNock();

const businesses = [
  { id: "B1", name: "Acme Ltd", displayed_as: "Acme Ltd", is_demo: false, country: { id: "GB" } },
  { id: "B2", name: "Acme Inc", displayed_as: "Acme Inc", is_demo: true, country: { id: "US" } },
];

describe("listBusinesses", () => {
  test("reads Sage's paged envelope (as Sage's Best Practices guide prints it) into { $total, $items }", async () => {
    sageApi().get(`${BASE_PATH}/businesses`).query({}).reply(200, recorded);
    // Sage puts every business on the one page ($items_per_page is 2147483647), so one request reads them all.
    await expect(runAction("listBusinesses")).resolves.toEqual({ data: { $total: 3, $items: recorded.$items } });
  });

  test("also reads the plain array Sage's spec describes, with no paging parameters", async () => {
    sageApi().get(`${BASE_PATH}/businesses`).query({}).reply(200, businesses);
    await expect(runAction("listBusinesses")).resolves.toEqual({ data: { $total: 2, $items: businesses } });
  });

  test("works with a business set on the connection (the X-Business header is harmless here)", async () => {
    nock(SAGE_ORIGIN, { reqheaders: { authorization: `Bearer ${TEST_TOKEN}`, "x-business": "B2" } })
      .get(`${BASE_PATH}/businesses`)
      .reply(200, businesses);
    await expect(runAction("listBusinesses", { connection: testConnection({ businessId: "B2" }) })).resolves.toEqual({
      data: { $total: 2, $items: businesses },
    });
  });

  test("an expired token is a connection error", async () => {
    sageApi()
      .get(`${BASE_PATH}/businesses`)
      .reply(401, [{ $dataCode: "AuthenticationFailed", $message: "Unauthorised" }]);
    const error = await runAction("listBusinesses").catch((e) => e);
    expect(error.name).toBe("ConnectionError");
    expect(error.message).toContain("Sage API error 401 on GET /businesses: Unauthorised.");
  });
});
