import nock from "nock";
import { createSageClient } from "../../src/client";
import { fetchAllPages } from "../../src/util/pagination";
import { BASE_PATH, runAction, SAGE_ORIGIN, sageApi, testConnection, useNock } from "../helpers";

useNock();

/** A fake Sage list that pages `total` records the way Sage does, counting the requests made. */
const fakeList = (total: number, path = "/contacts") => {
  const seen: Record<string, string>[] = [];
  const records = Array.from({ length: total }, (_, i) => ({ id: `c${i}`, displayed_as: `Contact ${i}` }));
  const scope = nock(SAGE_ORIGIN)
    .get(`${BASE_PATH}${path}`)
    .query(true)
    .times(Infinity)
    .reply((uri) => {
      const query = Object.fromEntries(new URL(uri, SAGE_ORIGIN).searchParams);
      seen.push(query);
      const page = Number(query.page ?? 1);
      const per = Number(query.items_per_page ?? 20);
      const items = records.slice((page - 1) * per, page * per);
      const next = page * per < total ? `${path}?page=${page + 1}&items_per_page=${per}` : null;
      return [200, { $total: total, $page: page, $next: next, $back: null, $itemsPerPage: per, $items: items }];
    });
  return { seen, scope };
};

describe("Fetch All", () => {
  afterEach(() => nock.cleanAll());

  test.each([
    [0, 1],
    [1, 1],
    [200, 1],
    [201, 2],
    [1000, 5],
  ])("%p records take exactly %p request(s) of 200", async (total, requests) => {
    const { seen } = fakeList(total);
    const result = await fetchAllPages(createSageClient(testConnection()), "/contacts", { attributes: "all" });
    expect(result.$total).toBe(total);
    expect(result.$items).toHaveLength(total);
    expect(new Set(result.$items.map((c) => (c as { id: string }).id)).size).toBe(total);
    expect(seen).toHaveLength(requests);
    expect(seen.map((q) => q.page)).toEqual(Array.from({ length: requests }, (_, i) => String(i + 1)));
    expect(seen.every((q) => q.items_per_page === "200" && q.attributes === "all")).toBe(true);
  });

  test("a list action with Fetch All returns every record with $total and ignores Page", async () => {
    const { seen } = fakeList(450, "/contact_types");
    const { data } = (await runAction("listContactTypes", { fetchAll: "true", page: "7", itemsPerPage: "3" })) as {
      data: { $total: number; $items: unknown[] };
    };
    expect(data.$total).toBe(450);
    expect(data.$items).toHaveLength(450);
    expect(Object.keys(data)).toEqual(["$total", "$items"]);
    expect(seen.map((q) => [q.page, q.items_per_page])).toEqual([
      ["1", "200"],
      ["2", "200"],
      ["3", "200"],
    ]);
  });
});

describe("X-Business", () => {
  test("is sent on every request when the connection names a business", async () => {
    const scope = sageApi()
      .matchHeader("x-business", "biz-42")
      .get(`${BASE_PATH}/countries`)
      .query(true)
      .reply(200, {
        $total: 201,
        $page: 1,
        $next: "/countries?page=2",
        $back: null,
        $itemsPerPage: 200,
        $items: [{ id: "GB" }],
      })
      .get(`${BASE_PATH}/countries`)
      .query(true)
      .reply(200, { $total: 201, $page: 2, $next: null, $back: null, $itemsPerPage: 200, $items: [{ id: "IE" }] });
    const client = createSageClient(testConnection({ businessId: " biz-42 " }));
    await expect(fetchAllPages(client, "/countries")).resolves.toEqual({
      $total: 201,
      $items: [{ id: "GB" }, { id: "IE" }],
    });
    expect(scope.isDone()).toBe(true);
  });

  test("is absent when the connection leaves it blank", async () => {
    sageApi()
      .get(`${BASE_PATH}/countries`)
      .query(true)
      .reply(function () {
        return [200, { sent: this.req.headers["x-business"] ?? null }];
      });
    const { data } = await createSageClient(testConnection({ businessId: "" })).get("/countries");
    expect(data).toEqual({ sent: null });
  });
});
