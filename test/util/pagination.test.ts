import nock from "nock";
import { createSageClient } from "../../src/client";
import { fetchAllPages, PAGE_CONCURRENCY, pagesOf, type SageList } from "../../src/util/pagination";
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

describe("pages after the first are read concurrently", () => {
  afterEach(() => nock.cleanAll());

  /**
   * A fake Sage list of `total` records in pages of 200 where page n answers after delayMs(n),
   * noting how many requests were open at once.
   */
  const slowList = (total: number, delayMs: (page: number) => number, { withTotal = true } = {}) => {
    const pages = Math.max(1, Math.ceil(total / 200));
    const open = { now: 0, most: 0 };
    const records = Array.from({ length: total }, (_, i) => ({ id: `c${i}` }));
    for (let page = 1; page <= pages; page++) {
      sageApi()
        .get(`${BASE_PATH}/contacts`)
        .query({ page: String(page), items_per_page: "200" })
        .reply(() => {
          open.now++;
          open.most = Math.max(open.most, open.now);
          return new Promise<[number, unknown]>((resolve) =>
            setTimeout(() => {
              open.now--;
              resolve([
                200,
                {
                  ...(withTotal ? { $total: total } : {}),
                  $page: page,
                  $next: page < pages ? `/contacts?page=${page + 1}` : null,
                  $back: null,
                  $itemsPerPage: 200,
                  $items: records.slice((page - 1) * 200, page * 200),
                },
              ]);
            }, delayMs(page)),
          );
        });
    }
    return { open, ids: records.map((r) => r.id) };
  };

  test("records come back in Sage's order although later pages answer first", async () => {
    // Page 2 answers last, page 5 first (4 pages after the first: all in flight at once).
    expect(PAGE_CONCURRENCY).toBeGreaterThanOrEqual(4);
    const { ids, open } = slowList(1000, (page) => (page === 1 ? 0 : (6 - page) * 100));
    const answered: number[] = [];
    const yielded: number[] = [];
    const records: string[] = [];
    const pages = pagesOf<{ id: string }>(createSageClient(testConnection()), "/contacts", {}, (response) =>
      answered.push((response.data as SageList<unknown>).$page),
    );
    for await (const page of pages) {
      yielded.push(page.$page);
      for (const record of page.$items) records.push(record.id);
    }
    expect(answered).toEqual([1, 5, 4, 3, 2]);
    expect(yielded).toEqual([1, 2, 3, 4, 5]);
    expect(records).toEqual(ids);
    expect(open.most).toBe(4);
  });

  test(`Fetch All keeps Sage's order with answers in random order, never more than ${PAGE_CONCURRENCY} requests open`, async () => {
    // More pages after the first than may be in flight, answering in a shuffled order.
    const pages = 2 * PAGE_CONCURRENCY + 3;
    const delays = Array.from({ length: pages }, (_, i) => (i === 0 ? 0 : ((i * 37) % 9) * 10));
    const { ids, open } = slowList(pages * 200 - 50, (page) => delays[page - 1]);
    const result = await fetchAllPages<{ id: string }>(createSageClient(testConnection()), "/contacts");
    expect(result.$items.map((r) => r.id)).toEqual(ids);
    expect(open.most).toBe(PAGE_CONCURRENCY);
  });

  test("without a $total, pages are read one after another", async () => {
    const { ids, open } = slowList(650, () => 20, { withTotal: false });
    const result = await fetchAllPages<{ id: string }>(createSageClient(testConnection()), "/contacts");
    expect(result.$items.map((r) => r.id)).toEqual(ids);
    expect(open.most).toBe(1);
  });

  test("records added during the walk: the pages past the first $total follow $next", async () => {
    const page = (n: number, total: number, count: number, next: boolean) => ({
      $total: total,
      $page: n,
      $next: next ? `/contacts?page=${n + 1}` : null,
      $back: null,
      $itemsPerPage: 200,
      $items: Array.from({ length: count }, (_, i) => ({ id: `p${n}-${i}` })),
    });
    const scope = sageApi()
      .get(`${BASE_PATH}/contacts`)
      .query({ page: "1", items_per_page: "200" })
      .reply(200, page(1, 400, 200, true))
      .get(`${BASE_PATH}/contacts`)
      .query({ page: "2", items_per_page: "200" })
      .reply(200, page(2, 401, 200, true))
      .get(`${BASE_PATH}/contacts`)
      .query({ page: "3", items_per_page: "200" })
      .reply(200, page(3, 401, 1, false));
    const result = await fetchAllPages(createSageClient(testConnection()), "/contacts");
    expect(result.$items).toHaveLength(401);
    expect(scope.isDone()).toBe(true);
  });

  test("a page that fails fails the fetch with Sage's error", async () => {
    sageApi()
      .get(`${BASE_PATH}/contacts`)
      .query({ page: "1", items_per_page: "200" })
      .reply(200, {
        $total: 600,
        $page: 1,
        $next: "/contacts?page=2",
        $back: null,
        $itemsPerPage: 200,
        $items: [{ id: "a" }],
      })
      .get(`${BASE_PATH}/contacts`)
      .query({ page: "2", items_per_page: "200" })
      .reply(404, [{ $message: "Resource not found" }])
      .get(`${BASE_PATH}/contacts`)
      .query({ page: "3", items_per_page: "200" })
      .delay(50)
      .reply(200, { $total: 600, $page: 3, $next: null, $back: null, $itemsPerPage: 200, $items: [{ id: "c" }] });
    await expect(fetchAllPages(createSageClient(testConnection()), "/contacts")).rejects.toThrow("Resource not found");
    await new Promise((resolve) => setTimeout(resolve, 100));
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
