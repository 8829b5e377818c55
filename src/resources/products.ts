import { catalogueBody, catalogueFilters, catalogueId, catalogueInputs } from "../inputs/catalogue";
import type { SageResource } from "./resource";

const inputs = catalogueInputs("product");

export const products: SageResource = {
  path: "/products",
  wrapper: "product",
  definition: "Product",
  singular: "Product",
  plural: "Products",
  id: { key: "productId", input: catalogueId("Product", "selectProduct") },
  filters: catalogueFilters("products", "Products"),
  body: catalogueBody("product"),
  create: {
    key: "createProduct",
    label: "Create Product",
    description:
      "Create a product (something the business sells or buys, not stock-tracked) with its item code, prices and ledger accounts.",
    inputs: inputs.create,
  },
  update: {
    key: "updateProduct",
    label: "Update Product",
    description: "Update a product by Id; only the inputs filled in are changed.",
    inputs: inputs.update,
  },
  get: { key: "getProduct", label: "Get Product", description: "Get a product by Id, with all its fields and prices." },
  delete: {
    key: "deleteProduct",
    label: "Delete Product",
    description: "Delete a product by Id (Sage refuses one used on invoices: make it inactive instead).",
  },
  // Prismatic's page action (src/actions/lookups before): same key, label, description and inputs, plus Sage's filters after Page.
  list: { key: "listProducts", label: "List Products", description: "List all products" },
  dropdown: { key: "selectProduct", label: "Select Product", description: "Select a product." },
  pollable: true,
  sample: {
    create: {
      itemCode: "MUG-RED",
      description: "Red Mug",
      salesLedgerAccountId: "$salesLedger",
      purchaseLedgerAccountId: "$purchaseLedger",
      salesTaxRateId: "GB_STANDARD",
      costPrice: "3.20",
      salesPrices: [{ price_name: "Selling Price", price: 8.5, price_includes_tax: false }],
    },
    update: { notes: "Dishwasher safe." },
  },
};
