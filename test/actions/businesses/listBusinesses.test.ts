import nock from "nock";
import { BASE_PATH, runAction, SAGE_ORIGIN, sageApi, TEST_TOKEN, testConnection, useNock } from "../../helpers";

useNock();

const businesses = [
  { id: "B1", name: "Acme Ltd", displayed_as: "Acme Ltd", is_demo: false, country: { id: "GB" } },
  { id: "B2", name: "Acme Inc", displayed_as: "Acme Inc", is_demo: true, country: { id: "US" } },
];

describe("listBusinesses", () => {
  test("returns Sage's plain array of businesses, with no paging parameters", async () => {
    sageApi().get(`${BASE_PATH}/businesses`).query({}).reply(200, businesses);
    await expect(runAction("listBusinesses")).resolves.toEqual({ data: businesses });
  });

  test("works with a business set on the connection (the X-Business header is harmless here)", async () => {
    nock(SAGE_ORIGIN, { reqheaders: { authorization: `Bearer ${TEST_TOKEN}`, "x-business": "B2" } })
      .get(`${BASE_PATH}/businesses`)
      .reply(200, businesses);
    await expect(runAction("listBusinesses", { connection: testConnection({ businessId: "B2" }) })).resolves.toEqual({
      data: businesses,
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
