import { BASE_PATH, envelope, failureOf, runAction, sageApi, useNock } from "../../helpers";

useNock();

const lookups = [
  ["listBankAccounts", "/bank_accounts"],
  ["listPaymentMethods", "/payment_methods"],
  ["listProducts", "/products"],
  ["listServices", "/services"],
] as const;

describe.each(lookups)("%s", (key, path) => {
  test("sends items_per_page, page and attributes and returns Sage's envelope unchanged", async () => {
    const body = envelope([{ id: "A", displayed_as: "A thing", $path: `${path}/A` }], {
      page: 2,
      itemsPerPage: 5,
      total: 6,
    });
    sageApi().get(`${BASE_PATH}${path}`).query({ items_per_page: "5", page: "2", attributes: "all" }).reply(200, body);
    await expect(runAction(key, { itemsPerPage: "5", page: "2" })).resolves.toEqual({ data: body });
  });

  test("a blank Attributes asks for Sage's base fields only", async () => {
    sageApi().get(`${BASE_PATH}${path}`).query({}).reply(200, envelope([]));
    await expect(runAction(key, { attributes: "" })).resolves.toEqual({ data: envelope([]) });
  });

  test("Fetch All walks every page, 200 at a time, until $next is null", async () => {
    sageApi()
      .get(`${BASE_PATH}${path}`)
      .query({ page: "1", items_per_page: "200", attributes: "all" })
      .reply(200, envelope([{ id: "A" }, { id: "B" }], { total: 3, itemsPerPage: 2 }))
      .get(`${BASE_PATH}${path}`)
      .query({ page: "2", items_per_page: "200", attributes: "all" })
      .reply(200, envelope([{ id: "C" }], { page: 2, total: 3, itemsPerPage: 2 }));
    await expect(runAction(key, { fetchAll: true, page: "7", itemsPerPage: "3" })).resolves.toEqual({
      data: { $total: 3, $items: [{ id: "A" }, { id: "B" }, { id: "C" }] },
    });
  });

  test("a bad Items Per Page is refused before any request", async () => {
    expect(await failureOf(runAction(key, { itemsPerPage: "500" }))).toBe(
      `Invalid "Items Per Page": expected a whole number from 1 to 200, got "500".`,
    );
  });
});
