// @ts-check
"use strict";

/**
 * Stock items (Sage's /stock_items), next to the products and services of resources.js, whose
 * plain-record rules they share.
 *
 * Item codes: Sage's spec, guides and recordings say nothing about item codes being unique, so
 * the sandbox accepts two records with the same item code (in any case), for products, services
 * and stock items alike. That is the sandbox's own choice, and exactly why Find or Create Product
 * and Find or Create Service look first and key their create by the item code.
 *
 * Plan: Sage's spec lists /stock_items under Accounting Plus only ("Endpoint Availability").
 * With `accountingPlus: false` (startSandbox option or setAccountingPlus) every /stock_items call
 * is refused with PLAN_REFUSAL. Sage does not document what it answers a business whose plan
 * lacks an endpoint: the status (403) and the body are the sandbox's own invention, in Sage's
 * error shape.
 */

const { sageError } = require("./schema");

/** @typedef {Record<string, any>} SageRecord */

/** "true" query flag: the stock item passes it. */
const flag = (
  /** @type {import("./resources").QueryLookup} */ q,
  /** @type {string} */ name,
  /** @type {boolean} */ holds,
) => q.get(name) !== "true" || holds;

/**
 * The stock_items resource, built from resources.js's plain-record helpers (passed in: this file
 * is required while resources.js is still being evaluated).
 * @param {{ plainResource: (spec: any) => any, catalogueDefaults: () => SageRecord, activeFilter: (r: SageRecord, q: import("./resources").QueryLookup) => boolean }} helpers
 */
const stockItems = ({ plainResource, catalogueDefaults, activeFilter }) => ({
  ...plainResource({
    collection: "stock_items",
    wrapper: "stock_item",
    label: "Stock item",
    post: "postStockItems",
    put: "putStockItems",
    display: (/** @type {SageRecord} */ r) => r.description,
    defaults: () => ({
      ...catalogueDefaults(),
      sales_prices: [],
      reorder_level: null,
      reorder_quantity: null,
      location: null,
      barcode: null,
      supplier_part_number: null,
      weight: null,
      measurement_unit: null,
      weight_converted: null,
      quantity_in_stock: 0,
      last_cost_price: null,
      last_cost_price_stock_value: null,
      average_cost_price: null,
      average_cost_price_stock_value: null,
      cost_price_last_updated: null,
    }),
    queries: ["updated_or_created_since", "deleted_since", "search", "active", "out_of_stock", "below_reorder_level"],
    searchFields: ["description", "item_code"],
    filter: (/** @type {SageRecord} */ r, /** @type {import("./resources").QueryLookup} */ q) =>
      activeFilter(r, q) &&
      flag(q, "out_of_stock", Number(r.quantity_in_stock ?? 0) <= 0) &&
      flag(q, "below_reorder_level", r.reorder_level != null && Number(r.quantity_in_stock ?? 0) < r.reorder_level),
  }),
  /** Only businesses on Accounting Plus have stock items (Sage's spec). */
  plan: "accountingPlus",
});

/** The sandbox's own answer to a business without Accounting Plus (see the file comment). */
const planRefusal = () =>
  new (require("./resources").SandboxError)(403, [
    sageError("", "Stock items are not available on this business's subscription (Accounting Plus only)", "Forbidden"),
  ]);

module.exports = { stockItems, planRefusal };
