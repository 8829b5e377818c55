import { schemaProblems } from "../sageSchema";
import { failureOf, withSandbox } from "./withSandbox";

// The product catalogue against the sandbox over real HTTP: every body Sage's schema accepts,
// Find and Find or Create by item code (one record per code, also when two runs race), stock
// items refused clearly on a plan without them, and bad inputs refused before any request.
// The lifecycle of each resource (create → update → get → list → delete) runs in
// resources.e2e.test.ts with every declared resource.

const sage = withSandbox();

const log = () => sage.sandbox().requestLog;
const writes = () => log().filter((entry) => entry.method === "POST" || entry.method === "PUT");
/** Products of the lead business whose item code is `code`, ignoring case (what "one product" means). */
const productsWithCode = (code: string) =>
  sage
    .sandbox()
    .store.list("products")
    .filter((product) => String(product.item_code).toLowerCase() === code.toLowerCase());

const everyProductField = () => ({
  itemCode: "TEE-BLACK-M",
  description: "Black T-shirt (M)",
  salesPrices: JSON.stringify([
    { price_name: "Selling Price", price: 18, price_includes_tax: true },
    { price_name: "Trade", price: "11.50", price_includes_tax: "false" },
  ]),
  costPrice: "6.40",
  salesLedgerAccountId: sage.ledgerId(4000),
  purchaseLedgerAccountId: sage.ledgerId(5000),
  salesTaxRateId: "GB_STANDARD",
  purchaseTaxRateId: "GB_STANDARD",
  purchaseDescription: "T-shirt, black, medium (carton of 1)",
  notes: "Organic cotton.",
  active: "true",
});

beforeEach(() => {
  sage.sandbox().clearLog();
  sage.sandbox().setAccountingPlus(true);
  sage.sandbox().setLatency(0);
});

describe("bodies pass Sage's schema (postProducts, postServices, postStockItems and their PUTs)", () => {
  test("a product, a service and a stock item with every input filled in, then updated", async () => {
    const supplier = await sage.run("createContact", { name: "Tee Supplier Ltd", contactTypeIds: "VENDOR" });
    const product = await sage.run("createProduct", { ...everyProductField(), usualSupplierId: supplier.data.id });
    await sage.run("updateProduct", { productId: product.data.id, costPrice: "6.10", active: "false" });
    const service = await sage.run("createService", {
      itemCode: "REPAIR-HR",
      description: "Repair (hourly)",
      salesRates: JSON.stringify([{ rate_name: "Hourly", rate: 45, rate_includes_tax: false }]),
      costPrice: "20",
      salesLedgerAccountId: sage.ledgerId(4000),
      purchaseLedgerAccountId: sage.ledgerId(5000),
      salesTaxRateId: "GB_STANDARD",
      purchaseTaxRateId: "GB_REDUCED",
      usualSupplierId: supplier.data.id,
      purchaseDescription: "Subcontracted repair",
      notes: "Call-out extra.",
      active: "true",
    });
    await sage.run("updateService", {
      serviceId: service.data.id,
      salesRates: '[{"rate_name": "Hourly", "rate": 50}]',
    });
    const stock = await sage.run("createStockItem", {
      ...everyProductField(),
      itemCode: "TEE-BLACK-L",
      usualSupplierId: supplier.data.id,
      reorderLevel: "10",
      reorderQuantity: "50",
      location: "Bay 4",
      barcode: "5012345678900",
      supplierPartNumber: "TS-BLK-L",
    });
    await sage.run("updateStockItem", { stockItemId: stock.data.id, reorderLevel: "12", location: "Bay 5" });

    const sent = writes().filter((entry) => !entry.path.startsWith("/contacts"));
    expect(sent.map((entry) => `${entry.method} ${entry.path.split("/")[1]} ${entry.status}`)).toEqual([
      "POST products 201",
      "PUT products 200",
      "POST services 201",
      "PUT services 200",
      "POST stock_items 201",
      "PUT stock_items 200",
    ]);
    const definition = { products: "Products", services: "Services", stock_items: "StockItems" } as const;
    for (const entry of sent) {
      const name = `${entry.method.toLowerCase()}${definition[entry.path.split("/")[1] as keyof typeof definition]}`;
      expect(schemaProblems(name, entry.body)).toEqual([]);
    }
    // Numbers typed as text reach Sage as numbers; every field the flow filled in is in the body.
    expect(sent[0].body).toEqual({
      product: {
        item_code: "TEE-BLACK-M",
        description: "Black T-shirt (M)",
        sales_prices: [
          { price_name: "Selling Price", price: 18, price_includes_tax: true },
          { price_name: "Trade", price: 11.5, price_includes_tax: false },
        ],
        cost_price: 6.4,
        sales_ledger_account_id: sage.ledgerId(4000),
        purchase_ledger_account_id: sage.ledgerId(5000),
        sales_tax_rate_id: "GB_STANDARD",
        purchase_tax_rate_id: "GB_STANDARD",
        usual_supplier_id: supplier.data.id,
        purchase_description: "T-shirt, black, medium (carton of 1)",
        notes: "Organic cotton.",
        active: true,
      },
    });
    expect(sent[1].body).toEqual({ product: { cost_price: 6.1, active: false } });
    expect(stock.data).toMatchObject({ item_code: "TEE-BLACK-L", reorder_level: 10, location: "Bay 4" });
  });
});

describe("Find or Create Product / Service: one record per item code, ignoring case", () => {
  const fields = () => ({
    description: "Green Mug",
    salesLedgerAccountId: sage.ledgerId(4000),
    purchaseLedgerAccountId: sage.ledgerId(5000),
  });

  test("twice, the second time with the code in another case: one product, found the second time", async () => {
    const first = await sage.run("findOrCreateProduct", { itemCode: "MUG-GREEN", ...fields() });
    const second = await sage.run("findOrCreateProduct", { itemCode: "mug-Green", ...fields() });
    expect(first.data).toMatchObject({ created: true, product: { item_code: "MUG-GREEN" } });
    expect(second.data).toMatchObject({ created: false, product: { id: first.data.product.id } });
    expect(productsWithCode("mug-green")).toHaveLength(1);
    expect(log().filter((entry) => entry.method === "POST")).toHaveLength(1);
    // The lookup is Sage's search for the code; the exact match is made here.
    expect(log().at(-1)).toMatchObject({ method: "GET", path: "/products", query: { search: "mug-Green" } });
  });

  test("two runs at once: both look, both find nothing, both create with one idempotency id: one product", async () => {
    // Each answer takes 150 ms, so both lookups are answered before either create is sent.
    sage.sandbox().setLatency(150);
    const [a, b] = await Promise.all([
      sage.run("findOrCreateProduct", { itemCode: "MUG-BLUE", ...fields() }),
      sage.run("findOrCreateProduct", { itemCode: "Mug-Blue", ...fields() }),
    ]);
    expect(a.data.product.id).toBe(b.data.product.id);
    expect(productsWithCode("MUG-BLUE")).toHaveLength(1);
    const posts = log().filter((entry) => entry.method === "POST");
    expect(posts).toHaveLength(2);
    expect(posts[0].idempotencyId).toMatch(/^[0-9a-f]{32}$/);
    expect(posts[1].idempotencyId).toBe(posts[0].idempotencyId);
    expect(posts.filter((entry) => entry.replayed)).toHaveLength(1);
  });

  test("a product deleted after Find or Create made it is created again, not answered from Sage's memory", async () => {
    const first = await sage.run("findOrCreateProduct", { itemCode: "MUG-GREY", ...fields() });
    await sage.run("deleteProduct", { productId: first.data.product.id });
    const again = await sage.run("findOrCreateProduct", { itemCode: "MUG-GREY", ...fields() });
    expect(again.data.created).toBe(true);
    expect(again.data.product.id).not.toBe(first.data.product.id);
    expect(productsWithCode("MUG-GREY").map((product) => product.id)).toEqual([again.data.product.id]);
  });

  test("Find or Create Service by item code, ignoring case", async () => {
    const input = { description: "Gift wrapping", salesLedgerAccountId: sage.ledgerId(4000) };
    const first = await sage.run("findOrCreateService", { itemCode: "WRAP", ...input });
    const second = await sage.run("findOrCreateService", { itemCode: "wrap", ...input });
    expect([first.data.created, second.data.created]).toEqual([true, false]);
    expect(second.data.service.id).toBe(first.data.service.id);
    expect(
      sage
        .sandbox()
        .store.list("services")
        .filter((s) => String(s.item_code).toLowerCase() === "wrap"),
    ).toHaveLength(1);
  });
});

describe("Find Product / Service / Stock Item", () => {
  test("every page is read and only exact item codes (ignoring case) come back", async () => {
    sage.sandbox().seed("products", 450);
    // Sage's search for "SYN-P" matches all 450 synthetic products (SYN-P-0001 …); only this one is exactly it.
    const exact = await sage.run("createProduct", {
      itemCode: "syn-p",
      description: "The one",
      salesLedgerAccountId: sage.ledgerId(4000),
      purchaseLedgerAccountId: sage.ledgerId(5000),
    });
    sage.sandbox().clearLog();
    const { data } = await sage.run("findProduct", { itemCode: "SYN-P" });
    // The shape of every Find: { found, <plural>, <singular> }.
    expect(data.found).toBe(true);
    expect(data.products.map((product: { id: string }) => product.id)).toEqual([exact.data.id]);
    expect(data.product.id).toBe(exact.data.id);
    expect(log().map((entry) => entry.query.page)).toEqual(["1", "2", "3"]);
  });

  test("by description, exact and ignoring case, not a substring", async () => {
    const { data } = await sage.run("findService", { description: "consulting (HOURLY)" });
    expect(data.services.map((service: { item_code: string }) => service.item_code)).toEqual(["CONSULT-HR"]);
    expect((await sage.run("findService", { description: "Consulting" })).data).toEqual({ found: false, services: [] });
  });

  test("a stock item by item code", async () => {
    await sage.run("createStockItem", {
      itemCode: "BOLT-M8",
      description: "M8 bolt",
      salesLedgerAccountId: sage.ledgerId(4000),
      purchaseLedgerAccountId: sage.ledgerId(5000),
    });
    const { data } = await sage.run("findStockItem", { itemCode: "bolt-m8" });
    expect(data.stockItems).toHaveLength(1);
    expect(data.stockItem).toMatchObject({ item_code: "BOLT-M8", quantity_in_stock: 0 });
  });
});

describe("stock items on a business without Accounting Plus", () => {
  test("every stock item action fails saying the plan lacks them; products still work", async () => {
    sage.sandbox().setAccountingPlus(false);
    const listing = await failureOf(sage.run("listStockItems", {}));
    expect(listing).toMatch(/^Sage API error 403 on GET \/stock_items: .+\. Stock items need Sage Accounting Plus: /);
    expect(listing).toContain("subscription may not include them");
    const creating = await failureOf(
      sage.run("createStockItem", {
        itemCode: "NUT-M8",
        description: "M8 nut",
        salesLedgerAccountId: sage.ledgerId(4000),
        purchaseLedgerAccountId: sage.ledgerId(5000),
      }),
    );
    expect(creating).toContain("Stock items need Sage Accounting Plus");
    expect(
      sage
        .sandbox()
        .store.list("stock_items")
        .some((item) => item.item_code === "NUT-M8"),
    ).toBe(false);
    expect((await sage.run("listProducts", { itemsPerPage: "1" })).data.$items).toHaveLength(1);
  });
});

describe("bad inputs are refused before any request, naming the input", () => {
  const product = () => ({
    description: "Widget",
    salesLedgerAccountId: sage.ledgerId(4000),
    purchaseLedgerAccountId: sage.ledgerId(5000),
  });

  test.each([
    ["createProduct", { costPrice: "-1" }, /^Invalid "Cost Price": expected a number of 0 or more/],
    ["createProduct", { costPrice: "1.234" }, /^Invalid "Cost Price": .*at most 2 decimal places/],
    ["createProduct", { description: "" }, /^Invalid "Description": expected a value; this input is required/],
    ["createProduct", { purchaseLedgerAccountId: "" }, /^Invalid "Purchase Ledger Account Id"/],
    [
      "createProduct",
      { salesPrices: '[{"price": -5}]' },
      /^Invalid "Sales Prices": entry 1 "price": expected a number of 0 or more/,
    ],
    ["createProduct", { salesPrices: '[{"price_name": "Retail"}]' }, /^Invalid "Sales Prices": entry 1 needs "price"/],
    [
      "createProduct",
      { salesPrices: '[{"price": 5, "rate": 1}]' },
      /^Invalid "Sales Prices": entry 1 has rate; Sage takes/,
    ],
    ["createProduct", { salesPrices: "{not json" }, /^Invalid "Sales Prices": expected valid JSON/],
    ["createService", { salesRates: '[{"rate": "lots"}]' }, /^Invalid "Sales Rates": entry 1 "rate"/],
    ["createStockItem", { itemCode: "" }, /^Invalid "Item Code": expected a value; this input is required/],
    [
      "createStockItem",
      { itemCode: "X", reorderLevel: "-2" },
      /^Invalid "Reorder Level": expected a number of 0 or more/,
    ],
    ["updateProduct", { productId: "abc", costPrice: "-0.01" }, /^Invalid "Cost Price"/],
    ["findOrCreateProduct", { itemCode: " " }, /^Invalid "Item Code": expected a value; this input is required/],
    ["findOrCreateProduct", { itemCode: "X", costPrice: "free" }, /^Invalid "Cost Price"/],
  ])("%s with %j", async (key, override, message) => {
    const params = { ...product(), ...override };
    expect(await failureOf(sage.run(key, params))).toMatch(message);
    expect(log()).toEqual([]);
  });

  test("Find Product without an item code or a description", async () => {
    expect(await failureOf(sage.run("findProduct", {}))).toMatch(
      /^Invalid "Item Code": expected an item code or a description of the product to find/,
    );
    expect(log()).toEqual([]);
  });
});
