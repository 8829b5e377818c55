// @ts-check
"use strict";

const { RESOURCES, withIds } = require("./resources");
const { SEED_TIME, base, stableId } = require("./seed");

/**
 * What a fresh Sage UK trial business holds beyond its lookups: the two HMRC system contacts
 * (`"system": true`, as recorded from a real UK business) and a few demo customers, suppliers and
 * invoices, so a list on a fresh sandbox shows records. The demo names and amounts are the
 * sandbox's own. Built by the same resource code as POST, with ids that are stable across starts.
 */

/** @typedef {import("./store").BusinessData} BusinessData */
/** @typedef {Record<string, any>} SageRecord */

const ledgerIdOf = (/** @type {BusinessData} */ db, /** @type {number} */ code) =>
  db.collection("ledger_accounts").items.find((account) => account.nominal_code === code)?.id;

/** @param {BusinessData} db @param {string} businessId */
const seedDemo = (db, businessId) => {
  let counter = 0;
  withIds(
    () => stableId(businessId, "demo", String(++counter)),
    () => {
      const ctx = { db, at: SEED_TIME, errors: [] };
      // Sage gives customers the business's default price list.
      const salesPrice = base("product_sales_price_types", stableId(businessId, "sales-price"), "Sales Price");
      const contact = (/** @type {SageRecord} */ body, system = false) => {
        const record = db.collection("contacts").add(RESOURCES.contacts.create(ctx, body));
        if (body.contact_type_ids.includes("CUSTOMER")) record.product_sales_price_type = salesPrice;
        record.system = system;
        // Sage will not delete its system contacts.
        if (system) record.deletable = false;
        return record;
      };
      const sales = ledgerIdOf(db, 4000);
      const otherIncome = ledgerIdOf(db, 4900);
      const purchases = ledgerIdOf(db, 5000);
      contact(
        {
          name: "HMRC Payments",
          reference: "HMRC Pay",
          contact_type_ids: ["VENDOR"],
          default_purchase_ledger_account_id: purchases,
        },
        true,
      );
      contact(
        {
          name: "HMRC Reclaimed",
          reference: "HMRC Rec",
          contact_type_ids: ["CUSTOMER"],
          default_sales_ledger_account_id: otherIncome,
        },
        true,
      );
      const kinghorn = contact({
        name: "Kinghorn & French",
        reference: "KIN001",
        contact_type_ids: ["CUSTOMER"],
        tax_number: "GB938484382",
        credit_limit: 6000,
        credit_days: 30,
        default_sales_ledger_account_id: otherIncome,
        default_sales_tax_rate_id: "GB_STANDARD",
        main_address: {
          address_line_1: "Unit 12",
          address_line_2: "Corporation Buildings",
          city: "North Shields",
          region: "North Tyneside",
          postal_code: "NE12 6GH",
          country_id: "GB",
        },
        delivery_address: {
          address_line_1: "599 Church Road",
          city: "Hounslow",
          postal_code: "TW8 7TY",
          country_id: "GB",
        },
        main_contact_person: {
          name: "Dorcas McCullough",
          email: "accounts@kinghorn-french.example",
          telephone: "+44 2035 111111",
          mobile: "+44 2035 222222",
        },
        bank_account_details: { account_name: "Kinghorn & French", account_number: "56565656", sort_code: "997888" },
      });
      contact({
        name: "Bayside Bakery",
        reference: "BAY001",
        contact_type_ids: ["CUSTOMER"],
        credit_limit: 1500.5,
        credit_days: 14,
        main_address: { address_line_1: "4 Harbour Walk", city: "Whitby", postal_code: "YO21 1DN", country_id: "GB" },
        main_contact_person: { name: "Ellen Marsh", email: "ellen@bayside-bakery.example", telephone: "01947 600100" },
      });
      const stationers = contact({
        name: "Northgate Stationers",
        reference: "NOR001",
        contact_type_ids: ["VENDOR"],
        default_purchase_ledger_account_id: purchases,
        main_address: { address_line_1: "18 Northgate", city: "Darlington", postal_code: "DL1 1QQ", country_id: "GB" },
        main_contact_person: { name: "Raj Patel", email: "orders@northgate-stationers.example" },
      });
      contact({
        name: "Cloudline Hosting",
        reference: "CLO001",
        contact_type_ids: ["VENDOR"],
        main_address: { address_line_1: "2 Data Park", city: "Reading", postal_code: "RG2 6UB", country_id: "GB" },
      });
      const [widget, cable] = db.collection("products").items;
      const invoice = (/** @type {string} */ collection, /** @type {SageRecord} */ body) =>
        db.collection(collection).add(RESOURCES[collection].create(ctx, body));
      invoice("sales_invoices", {
        contact_id: kinghorn.id,
        date: "2024-01-02",
        reference: "PO-4471",
        invoice_lines: [
          {
            description: widget.description,
            product_id: widget.id,
            ledger_account_id: sales,
            quantity: 100,
            unit_price: 30,
            tax_rate_id: "GB_STANDARD",
          },
          {
            description: cable.description,
            product_id: cable.id,
            ledger_account_id: sales,
            quantity: 3,
            unit_price: 45.83,
            discount_amount: 3,
            tax_rate_id: "GB_STANDARD",
          },
        ],
      });
      invoice("purchase_invoices", {
        contact_id: stationers.id,
        date: "2024-01-02",
        vendor_reference: "NS-20931",
        invoice_lines: [
          {
            description: "Printer paper (box of 5 reams)",
            ledger_account_id: purchases,
            quantity: 4,
            unit_price: 21.5,
            tax_rate_id: "GB_STANDARD",
          },
        ],
      });
      if (ctx.errors.length) throw new Error(`Sandbox demo seed is invalid: ${JSON.stringify(ctx.errors)}`);
    },
  );
};

module.exports = { seedDemo };
