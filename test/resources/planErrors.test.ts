import { BASE_PATH, failureOf, runAction, sageApi, useNock } from "../helpers";

useNock();

// Sage does not document its answer to a business whose plan lacks stock items (Accounting Plus
// only, its spec's "Endpoint Availability"), so the error mapper reads any 403 under /stock_items,
// or a 404 on the collection itself, as that, whatever the body; a missing record keeps its 404.

const forbidden = [{ $severity: "error", $dataCode: "Forbidden", $message: "Forbidden", $source: "" }];
const PLAN = "Stock items need Sage Accounting Plus: the connected Sage business's subscription may not include them";

test("a 403 on List Stock Items says that stock items need Sage Accounting Plus", async () => {
  sageApi().get(`${BASE_PATH}/stock_items`).query(true).reply(403, forbidden);
  expect(await failureOf(runAction("listStockItems"))).toBe(
    `Sage API error 403 on GET /stock_items: Forbidden. ${PLAN} (upgrade the plan in Sage; reconnecting does not help).`,
  );
});

test("a 404 on the stock items collection (an empty body too) says the same", async () => {
  sageApi().post(`${BASE_PATH}/stock_items`).reply(404, "");
  const message = await failureOf(
    runAction("createStockItem", {
      itemCode: "BOLT",
      description: "Bolt",
      salesLedgerAccountId: "a1",
      purchaseLedgerAccountId: "b2",
    }),
  );
  expect(message).toMatch(
    /^Sage API error 404 on POST \/stock_items: empty response body\. Stock items need Sage Accounting Plus/,
  );
});

test("a 404 for one stock item is a missing record, without the plan hint", async () => {
  sageApi()
    .get(`${BASE_PATH}/stock_items/abc123`)
    .query(true)
    .reply(404, [{ $severity: "error", $dataCode: "RecordNotFound", $message: "Resource not found" }]);
  expect(await failureOf(runAction("getStockItem", { stockItemId: "abc123" }))).toBe(
    "Sage API error 404 on GET /stock_items/abc123: Resource not found.",
  );
});

test("a 403 on products keeps the general permission hint", async () => {
  sageApi().get(`${BASE_PATH}/products`).query(true).reply(403, forbidden);
  const message = await failureOf(runAction("listProducts"));
  expect(message).toContain("may lack permission or a subscription for this");
  expect(message).not.toContain("Accounting Plus");
});
