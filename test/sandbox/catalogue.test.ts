import { type Sandbox, startSandbox } from "../../sandbox";
import { api, idByNominalCode, sageError } from "./client";

// sandbox/catalogue.js: stock items as Sage's spec has them, and the sandbox's own choices where
// Sage says nothing (duplicate item codes accepted; the refusal on a plan without stock items).

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.stop());

const stockItem = (item_code: string, extra: Record<string, unknown> = {}) => ({
  stock_item: {
    item_code,
    description: `Item ${item_code}`,
    sales_ledger_account_id: idByNominalCode(sandbox, "ledger_accounts", 4000),
    purchase_ledger_account_id: idByNominalCode(sandbox, "ledger_accounts", 5000),
    ...extra,
  },
});

test("a stock item is created, listed with Sage's filters, updated and deleted", async () => {
  const sage = api(sandbox, { numbers: true });
  const created = await sage.post("/stock_items", stockItem("NUT-M6", { reorder_level: 5 }));
  expect(created.status).toBe(201);
  expect(created.data).toMatchObject({ item_code: "NUT-M6", quantity_in_stock: 0, reorder_level: 5, active: true });
  const id = created.data.id;
  const listed = async (query: Record<string, unknown>) =>
    (await sage.get("/stock_items", { ...query, attributes: "item_code" })).data.$items.map(
      (item: { item_code: string }) => item.item_code,
    );
  expect(await listed({ search: "nut-m6" })).toEqual(["NUT-M6"]);
  expect(await listed({ out_of_stock: true, search: "NUT-M6" })).toEqual(["NUT-M6"]);
  expect(await listed({ below_reorder_level: true, search: "NUT-M6" })).toEqual(["NUT-M6"]);
  expect(await listed({ active: false, search: "NUT-M6" })).toEqual([]);
  expect((await sage.put(`/stock_items/${id}`, { stock_item: { location: "Bin 7" } })).data.location).toBe("Bin 7");
  expect((await sage.delete(`/stock_items/${id}`)).status).toBe(204);
  expect((await sage.get(`/stock_items/${id}`)).status).toBe(404);
});

test("Sage requires item_code on a stock item (postStockItems)", async () => {
  const { item_code: _, ...body } = stockItem("X").stock_item;
  const response = await api(sandbox).post("/stock_items", { stock_item: body });
  expect(response.status).toBe(422);
  expect(response.data).toEqual([sageError("item_code", expect.any(String))]);
});

test("the sandbox's own choice: two records may share an item code in any case (Sage documents no uniqueness)", async () => {
  const sage = api(sandbox);
  expect((await sage.post("/stock_items", stockItem("DUP-1"))).status).toBe(201);
  expect((await sage.post("/stock_items", stockItem("dup-1"))).status).toBe(201);
  const product = (item_code: string) => ({
    product: {
      item_code,
      description: item_code,
      sales_ledger_account_id: idByNominalCode(sandbox, "ledger_accounts", 4000),
      purchase_ledger_account_id: idByNominalCode(sandbox, "ledger_accounts", 5000),
    },
  });
  expect((await sage.post("/products", product("DUP-2"))).status).toBe(201);
  expect((await sage.post("/products", product("Dup-2"))).status).toBe(201);
});

test("setAccountingPlus(false): every /stock_items call gets the sandbox's own 403 (Sage documents no body); other paths answer", async () => {
  const sage = api(sandbox);
  sandbox.setAccountingPlus(false);
  try {
    for (const response of [
      await sage.get("/stock_items"),
      await sage.post("/stock_items", stockItem("NO-PLAN")),
      await sage.get("/stock_items/abc"),
    ]) {
      expect(response.status).toBe(403);
      expect(response.data).toEqual([sageError("", /Accounting Plus only/, "Forbidden")]);
    }
    expect((await sage.get("/products")).status).toBe(200);
    expect(sandbox.store.list("stock_items").some((item) => item.item_code === "NO-PLAN")).toBe(false);
  } finally {
    sandbox.setAccountingPlus(true);
  }
  expect((await sage.get("/stock_items")).status).toBe(200);
});
