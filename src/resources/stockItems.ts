import { catalogueBody, catalogueFilters, catalogueId, catalogueInputs, stockItemFilters } from "../inputs/catalogue";
import type { SageResource } from "./resource";

const inputs = catalogueInputs("stock item");

/** Sage lists /stock_items under Accounting Plus only ("Endpoint Availability" in its spec): every description says so. */
const PLUS = "Needs Sage Accounting Plus.";

export const stockItems: SageResource = {
  path: "/stock_items",
  wrapper: "stock_item",
  definition: "StockItem",
  singular: "Stock Item",
  plural: "Stock Items",
  id: { key: "stockItemId", input: catalogueId("Stock Item", "selectStockItem") },
  filters: { ...catalogueFilters("stock items", "Stock Items"), ...stockItemFilters },
  body: catalogueBody("stock item"),
  create: {
    key: "createStockItem",
    label: "Create Stock Item",
    description: `Create a stock item (a product whose quantity Sage tracks) with its item code, prices, ledger accounts and reorder level. ${PLUS}`,
    inputs: inputs.create,
  },
  update: {
    key: "updateStockItem",
    label: "Update Stock Item",
    description: `Update a stock item by Id; only the inputs filled in are changed. ${PLUS}`,
    inputs: inputs.update,
  },
  get: {
    key: "getStockItem",
    label: "Get Stock Item",
    description: `Get a stock item by Id, with its prices and quantity in stock. ${PLUS}`,
  },
  delete: {
    key: "deleteStockItem",
    label: "Delete Stock Item",
    description: `Delete a stock item by Id (Sage refuses one with transactions: make it inactive instead). ${PLUS}`,
  },
  list: { key: "listStockItems", label: "List Stock Items", description: `List all stock items. ${PLUS}` },
  dropdown: { key: "selectStockItem", label: "Select Stock Item", description: `Select a stock item. ${PLUS}` },
  pollable: true,
  sample: {
    create: {
      itemCode: "LAMP-DESK",
      description: "Desk Lamp",
      salesLedgerAccountId: "$salesLedger",
      purchaseLedgerAccountId: "$purchaseLedger",
      costPrice: "14",
      salesPrices: [{ price_name: "Selling Price", price: 35, price_includes_tax: false }],
      reorderLevel: "5",
      reorderQuantity: "20",
      location: "Warehouse A",
    },
    update: { notes: "Ships flat-packed." },
  },
};
