import component from "../../src";

// The catalogue's actions as a flow builder sees them in the designer.

const inputKeys = (key: string) => component.actions[key].inputs.map((input) => input.key);

test.each(["listProducts", "listServices"])(
  "%s, now built from its declaration, keeps the page's inputs in their order and adds Sage's filters after Page",
  (key) => {
    const keys = inputKeys(key);
    expect(keys).toEqual([
      "connection",
      "itemsPerPage",
      "page",
      "updatedOrCreatedSince",
      "search",
      "active",
      "fetchAll",
      "attributes",
    ]);
  },
);

test("every stock item action and its dropdown say that stock items need Sage Accounting Plus", () => {
  const stock = Object.entries(component.actions).filter(([key]) => key.includes("StockItem"));
  expect(stock.map(([key]) => key).sort()).toEqual([
    "createStockItem",
    "deleteStockItem",
    "findStockItem",
    "getStockItem",
    "listStockItems",
    "updateStockItem",
  ]);
  for (const [, action] of stock) expect(action.display.description).toContain("Needs Sage Accounting Plus.");
  expect(component.dataSources.selectStockItem.display.description).toContain("Needs Sage Accounting Plus.");
});

test("Find or Create Product and Service take Item Code first and required, and no Idempotency Key (it is derived from the code)", () => {
  for (const key of ["findOrCreateProduct", "findOrCreateService"]) {
    const { inputs } = component.actions[key];
    expect(inputKeys(key).slice(0, 2)).toEqual(["connection", "itemCode"]);
    expect(inputs[1]).toMatchObject({ label: "Item Code", required: true });
    expect(inputKeys(key)).not.toContain("idempotencyKey");
  }
});
