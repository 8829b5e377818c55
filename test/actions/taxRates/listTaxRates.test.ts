import { BASE_PATH, envelope, failureOf, runAction, sageApi, useNock } from "../../helpers";

useNock();

describe("listTaxRates", () => {
  test("sends paging, attributes and updated_or_created_since", async () => {
    const body = envelope([{ id: "GB_STANDARD", displayed_as: "Standard 20.00%", percentage: "20.0" }]);
    sageApi()
      .get(`${BASE_PATH}/tax_rates`)
      .query({ items_per_page: "10", page: "1", attributes: "all", updated_or_created_since: "2026-01-31" })
      .reply(200, body);
    await expect(
      runAction("listTaxRates", { itemsPerPage: "10", page: "1", updatedOrCreatedSince: "2026-01-31" }),
    ).resolves.toEqual({
      data: body,
    });
  });

  test("without inputs only attributes=all is sent", async () => {
    sageApi().get(`${BASE_PATH}/tax_rates`).query({ attributes: "all" }).reply(200, envelope([]));
    await expect(runAction("listTaxRates")).resolves.toEqual({ data: envelope([]) });
  });

  test("Fetch All walks every page with the filter", async () => {
    sageApi()
      .get(`${BASE_PATH}/tax_rates`)
      .query({ page: "1", items_per_page: "200", attributes: "all", updated_or_created_since: "2026-01-31T00:00:00Z" })
      .reply(200, envelope([{ id: "GB_STANDARD" }], { total: 2, itemsPerPage: 1 }))
      .get(`${BASE_PATH}/tax_rates`)
      .query({ page: "2", items_per_page: "200", attributes: "all", updated_or_created_since: "2026-01-31T00:00:00Z" })
      .reply(200, envelope([{ id: "GB_ZERO" }], { page: 2, total: 2, itemsPerPage: 1 }));
    await expect(
      runAction("listTaxRates", { fetchAll: true, updatedOrCreatedSince: "2026-01-31T00:00:00Z" }),
    ).resolves.toEqual({
      data: { $total: 2, $items: [{ id: "GB_STANDARD" }, { id: "GB_ZERO" }] },
    });
  });

  test("a bad date is refused before any request", async () => {
    expect(await failureOf(runAction("listTaxRates", { updatedOrCreatedSince: "31/01/2026" }))).toBe(
      `Invalid "Update or Created Since": expected a date (YYYY-MM-DD) or an ISO-8601 date-time (YYYY-MM-DDThh:mm:ssZ), got "31/01/2026".`,
    );
  });
});
