import { input, type InputFieldDefinition } from "@prismatic-io/spectral";
import type { ListFilters } from "../actions/listAction";
import {
  InputError,
  isBlank,
  optionalBoolean,
  optionalId,
  optionalJsonObjectArray,
  optionalNumber,
  optionalString,
  optionalTrimmed,
  requiredId,
  requiredString,
} from "../util/validation";
import { leaveUnchangedBoolean, sageQueryFlag, updatedOrCreatedSinceFor } from "./common";

/**
 * Inputs of Sage's product catalogue (products, services, stock items), built per kind so each
 * label and comment names its record. Required on create exactly where Sage's POST definition
 * requires the field (postProducts, postServices, postStockItems); every update field is optional.
 */

const EXAMPLE_ID = "9a994b92267a11e797950a57719b2edb";

/** Items: "product", "service", "stock item". */
export type CatalogueKind = "product" | "service" | "stock item";

/** The id input of one kind, e.g. "Product Id", with its dropdown. */
export const catalogueId = (singular: string, dataSource: string) =>
  input({
    label: `${singular} Id`,
    type: "string",
    required: true,
    comments: `Provide the unique identifier of a ${singular.toLowerCase()}.`,
    example: EXAMPLE_ID,
    placeholder: `Select a ${singular.toLowerCase()}`,
    dataSource,
    clean: requiredId(`${singular} Id`),
  });

const text = (label: string, comments: string, { required = false, example = "" } = {}) =>
  input({
    label,
    type: "string",
    required,
    comments,
    ...(example ? { example } : {}),
    clean: required ? requiredString(label) : optionalString(label),
  });

const id = (label: string, comments: string, dataSource: string | undefined, { required = false } = {}) =>
  input({
    label,
    type: "string",
    required,
    comments,
    example: EXAMPLE_ID,
    ...(dataSource ? { dataSource } : {}),
    clean: required ? requiredId(label) : optionalId(label),
  });

/** Prices, costs and stock levels: Sage keeps 2 decimal places and none is below zero. */
const amount = (label: string, comments: string) =>
  input({
    label,
    type: "string",
    required: false,
    comments,
    example: "12.50",
    clean: optionalNumber(label, { nonNegative: true }),
  });

/**
 * One entry of a sales price list: which fields it takes, which is the amount (0 or more, 2
 * decimal places), which the yes/no, which an id (Sage's postProducts `sales_prices` items and
 * postServices `sales_rates` items).
 */
interface PriceFields {
  name: string;
  amount: string;
  includesTax: string;
  typeId: string;
}

/**
 * A JSON array of prices or rates, each checked before any request: only Sage's fields, the
 * amount required and not negative, the tax flag true or false, the type a Sage id.
 */
const priceList = (label: string, fields: PriceFields) =>
  Object.assign(
    (value: unknown): Record<string, unknown>[] | undefined => {
      const entries = optionalJsonObjectArray(label)(value);
      if (!entries) return undefined;
      const allowed = Object.values(fields);
      return entries.map((entry, index) => {
        const unknown = Object.keys(entry).filter((key) => !allowed.includes(key));
        const at = `entry ${index + 1}`;
        if (unknown.length)
          throw new InputError(
            label,
            "",
            undefined,
            `${at} has ${unknown.join(", ")}; Sage takes ${allowed.join(", ")}`,
          );
        if (isBlank(entry[fields.amount]))
          throw new InputError(label, "", undefined, `${at} needs "${fields.amount}", a number of 0 or more`);
        // The entry's own problem, named under the input's label: 'entry 2 "price": expected …'.
        const checked = <T>(field: string, clean: (label: string) => (value: unknown) => T): T => {
          try {
            return clean(label)(entry[field]);
          } catch (error) {
            if (!(error instanceof InputError)) throw error;
            const reason = error.message.replace(/^Invalid "[^"]*": /, "").replace(/\.$/, "");
            throw new InputError(label, "", undefined, `${at} "${field}": ${reason}`);
          }
        };
        return {
          ...entry,
          [fields.amount]: checked(fields.amount, (name) => optionalNumber(name, { nonNegative: true })),
          [fields.includesTax]: checked(fields.includesTax, optionalBoolean),
          [fields.typeId]: checked(fields.typeId, optionalId),
        };
      });
    },
    { accepts: `a JSON array of objects with ${Object.values(fields).join(", ")}` },
  );

const PRODUCT_PRICE: PriceFields = {
  name: "price_name",
  amount: "price",
  includesTax: "price_includes_tax",
  typeId: "product_sales_price_type_id",
};
const SERVICE_RATE: PriceFields = {
  name: "rate_name",
  amount: "rate",
  includesTax: "rate_includes_tax",
  typeId: "service_rate_type_id",
};

const salesPrices = input({
  label: "Sales Prices",
  type: "code",
  language: "json",
  required: false,
  comments:
    'Selling prices as a JSON array: [{"price_name": "Selling Price", "price": 29.99, "price_includes_tax": false}]. Each price is 0 or more; product_sales_price_type_id picks one of the business\'s price types.',
  example: '[{"price_name": "Selling Price", "price": 29.99, "price_includes_tax": false}]',
  clean: priceList("Sales Prices", PRODUCT_PRICE),
});

const salesRates = input({
  label: "Sales Rates",
  type: "code",
  language: "json",
  required: false,
  comments:
    'Selling rates as a JSON array: [{"rate_name": "Hourly", "rate": 95, "rate_includes_tax": false}]. Each rate is 0 or more; service_rate_type_id picks one of the business\'s rate types.',
  example: '[{"rate_name": "Hourly", "rate": 95, "rate_includes_tax": false}]',
  clean: priceList("Sales Rates", SERVICE_RATE),
});

/** Item Code: Sage's own identifier of a catalogue record, what Find and Find or Create match on. */
export const itemCodeInput = (noun: CatalogueKind, { required }: { required: boolean }) =>
  text("Item Code", `The ${noun}'s item code (SKU), e.g. WIDGET-BLUE.`, { required, example: "WIDGET-BLUE" });

const active = input({
  label: "Active",
  type: "boolean",
  required: false,
  comments: "Whether the record can be picked on new invoices; inactive records stay in Sage's history.",
  clean: optionalBoolean("Active"),
});

/**
 * The create and update inputs of one kind. `needsPurchaseLedger`: Sage's POST definition
 * requires purchase_ledger_account_id (products and stock items, not services);
 * `itemCodeRequired`: Sage requires item_code (stock items).
 */
type Inputs = Record<string, InputFieldDefinition>;

export const catalogueInputs = (noun: CatalogueKind): { create: Inputs; update: Inputs } => {
  const prices: Inputs = noun === "service" ? { salesRates } : { salesPrices };
  const needsPurchaseLedger = noun !== "service";
  const stock: Inputs =
    noun === "stock item"
      ? {
          reorderLevel: amount(
            "Reorder Level",
            "Sage flags the stock item when the quantity in stock falls below this.",
          ),
          reorderQuantity: amount("Reorder Quantity", "How many to order when the stock item is reordered."),
          location: text("Location", "Where the stock item is kept, e.g. Warehouse A, shelf 3."),
          barcode: text("Barcode", "The stock item's barcode."),
          supplierPartNumber: text("Supplier Part Number", "The usual supplier's part number for the stock item."),
        }
      : {};
  const fields = (required: boolean): Inputs => ({
    itemCode: itemCodeInput(noun, { required: required && noun === "stock item" }),
    description: text("Description", `The ${noun}'s description, shown on invoice lines.`, {
      required,
      example: "Blue Widget",
    }),
    ...prices,
    costPrice: amount("Cost Price", `What the ${noun} costs the business (0 or more).`),
    salesLedgerAccountId: id(
      "Sales Ledger Account Id",
      `The ledger account the ${noun}'s sales are posted to.`,
      "selectLedgerAccount",
      { required },
    ),
    purchaseLedgerAccountId: id(
      "Purchase Ledger Account Id",
      `The ledger account the ${noun}'s purchases are posted to.`,
      "selectLedgerAccount",
      { required: required && needsPurchaseLedger },
    ),
    salesTaxRateId: id("Sales Tax Rate Id", `The tax rate of the ${noun}'s sales, e.g. GB_STANDARD.`, "selectTaxRate"),
    purchaseTaxRateId: id(
      "Purchase Tax Rate Id",
      `The tax rate of the ${noun}'s purchases, e.g. GB_STANDARD.`,
      "selectTaxRate",
    ),
    usualSupplierId: id("Usual Supplier Id", `The contact the ${noun} is usually bought from.`, "selectContact"),
    purchaseDescription: text("Purchase Description", `The ${noun}'s description on purchase invoices.`),
    notes: text("Notes", `Notes about the ${noun}.`),
    ...stock,
  });
  return {
    create: { ...fields(true), active },
    update: { ...fields(false), active: leaveUnchangedBoolean(active) },
  };
};

/** Body mapper of catalogueInputs: input key → Sage field. */
export const catalogueBody = (noun: CatalogueKind): Record<string, string> => ({
  itemCode: "item_code",
  description: "description",
  ...(noun === "service" ? { salesRates: "sales_rates" } : { salesPrices: "sales_prices" }),
  costPrice: "cost_price",
  salesLedgerAccountId: "sales_ledger_account_id",
  purchaseLedgerAccountId: "purchase_ledger_account_id",
  salesTaxRateId: "sales_tax_rate_id",
  purchaseTaxRateId: "purchase_tax_rate_id",
  usualSupplierId: "usual_supplier_id",
  purchaseDescription: "purchase_description",
  notes: "notes",
  ...(noun === "stock item"
    ? {
        reorderLevel: "reorder_level",
        reorderQuantity: "reorder_quantity",
        location: "location",
        barcode: "barcode",
        supplierPartNumber: "supplier_part_number",
      }
    : {}),
  active: "active",
});

/** The text Sage's `search` matches, by item code or description. */
export const catalogueSearch = (plural: string) =>
  input({
    label: "Search",
    type: "string",
    required: false,
    comments: `Limit the response to ${plural} whose item code or description contains this text (Sage's search).`,
    example: "WIDGET",
    clean: optionalTrimmed("Search"),
  });

/** Sage's list filters of /products, /services and /stock_items (2023 spec), worded for one kind. */
export const catalogueFilters = (plural: string, title: string): ListFilters => ({
  updatedOrCreatedSince: { query: "updated_or_created_since", input: updatedOrCreatedSinceFor(title) },
  search: { query: "search", input: catalogueSearch(plural) },
  active: {
    query: "active",
    input: input({
      label: "Active",
      type: "string",
      required: false,
      comments: `Limit the response to active (true) or inactive (false) ${plural}; blank lists both.`,
      default: "",
      model: [
        { label: "Both", value: "" },
        { label: "Active only", value: "true" },
        { label: "Inactive only", value: "false" },
      ],
      clean: optionalBoolean("Active"),
    }),
  },
});

/** Sage's two extra filters of /stock_items. */
export const stockItemFilters: ListFilters = {
  outOfStock: {
    query: "out_of_stock",
    input: sageQueryFlag({ label: "Out of Stock", comments: "Only stock items that are out of stock." }),
  },
  belowReorderLevel: {
    query: "below_reorder_level",
    input: sageQueryFlag({
      label: "Below Reorder Level",
      comments: "Only stock items whose quantity in stock is below their reorder level.",
    }),
  },
};
