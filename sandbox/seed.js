// @ts-check
"use strict";

const crypto = require("crypto");

/**
 * The sandbox's starting data: two UK businesses, each with the lookups, chart of accounts,
 * tax rates, bank accounts, payment methods, a product and a service a fresh Sage Accounting
 * UK company has. Seeded ids are derived from the business and a key, so they are the same on
 * every start (and different between the two businesses, as in Sage).
 */

/** Seeded records carry a fixed, old timestamp, so "changed since the test started" never matches them. */
const SEED_TIME = "2024-01-02T09:00:00Z";

/** A stable 32-char lowercase hex id, like Sage's GUIDs without dashes. */
const stableId = (/** @type {string[]} */ ...parts) =>
  crypto.createHash("sha256").update(parts.join(":")).digest("hex").slice(0, 32);

const LEAD_BUSINESS_ID = stableId("sandbox-business", "lead");
const SECOND_BUSINESS_ID = stableId("sandbox-business", "second");

/** @param {string} collection @param {string} id @param {string} displayed_as */
const base = (collection, id, displayed_as) => ({ id, displayed_as, $path: `/${collection}/${id}` });

/** Records of the read-only lookup collections (ids are Sage's codes). */
const LOOKUPS = {
  contact_types: [
    ["CUSTOMER", "Customer"],
    ["VENDOR", "Supplier"],
  ],
  contact_person_types: [
    ["ACCOUNTS", "Accounts"],
    ["SALES", "Sales"],
    ["PURCHASING", "Purchasing"],
    ["CONTACT", "Contact"],
  ],
  address_types: [
    ["DELIVERY", "Delivery"],
    ["ACCOUNTS", "Accounts"],
    ["SALES", "Sales"],
    ["PURCHASING", "Purchasing"],
  ],
  countries: [
    ["GB", "United Kingdom (GB)"],
    ["IE", "Ireland (IE)"],
    ["US", "United States (US)"],
    ["CA", "Canada (CA)"],
    ["FR", "France (FR)"],
    ["DE", "Germany (DE)"],
    ["ES", "Spain (ES)"],
  ],
  currencies: [
    ["GBP", "Pound Sterling (GBP)"],
    ["EUR", "Euro (EUR)"],
    ["USD", "US Dollar (USD)"],
    ["CAD", "Canadian Dollar (CAD)"],
  ],
  ledger_account_types: [
    ["SALES", "Sales"],
    ["OTHER_INCOME", "Other Income"],
    ["DIRECT_EXPENSES", "Direct Expenses"],
    ["OVERHEADS", "Overheads"],
    ["DEPRECIATION", "Depreciation"],
    ["CURRENT_ASSETS", "Current Assets"],
    ["FIXED_ASSETS", "Fixed Assets"],
    ["FUTURE_ASSETS", "Future Assets"],
    ["BANK", "Bank"],
    ["CURRENT_LIABILITY", "Current Liabilities"],
    ["FUTURE_LIABILITY", "Future Liabilities"],
    ["EQUITY", "Equity"],
    ["LINE_OF_CREDIT", "Line of Credit"],
  ],
  payment_methods: [
    ["BANK_TRANSFER", "Bank Transfer"],
    ["CASH", "Cash"],
    ["CHEQUE", "Cheque"],
    ["CREDIT_DEBIT", "Credit/Debit Card"],
    ["ALTERNATIVE_PAYMENT", "Alternative Payment Method"],
  ],
  transaction_types: [
    ["SALES_INVOICE", "Sales Invoice"],
    ["PURCHASE_INVOICE", "Purchase Invoice"],
    ["CUSTOMER_RECEIPT", "Customer Receipt"],
    ["VENDOR_PAYMENT", "Supplier Payment"],
    ["CUSTOMER_REFUND", "Customer Refund"],
    ["VENDOR_REFUND", "Supplier Refund"],
    ["OTHER_PAYMENT", "Other Payment"],
    ["OTHER_RECEIPT", "Other Receipt"],
    // The ids a bank transfer and a bank deposit carry as their transaction type: the sandbox's names.
    ["BANK_TRANSFER", "Bank Transfer"],
    ["BANK_DEPOSIT", "Bank Deposit"],
  ],
  artefact_statuses: [
    ["DRAFT", "Draft"],
    ["UNPAID", "Unpaid"],
    ["PART_PAID", "Part Paid"],
    ["PAID", "Paid"],
    ["VOID", "Void"],
  ],
  bank_account_types: [
    ["CHECKING", "Current"],
    ["SAVINGS", "Savings"],
    ["CREDIT_CARD", "Credit Card"],
    ["CASH_IN_HAND", "Cash in Hand"],
    ["LOAN", "Loan"],
    ["OTHER", "Other"],
  ],
};

/** Which group a ledger account type belongs to, and where Sage shows accounts of that type by default. */
const LEDGER_TYPE_DEFAULTS = {
  SALES: { group: "INCOME", visible: ["sales", "other_receipts", "reporting", "journals"] },
  OTHER_INCOME: { group: "INCOME", visible: ["sales", "other_receipts", "reporting", "journals"] },
  DIRECT_EXPENSES: { group: "EXPENDITURE", visible: ["expenses", "other_payments", "reporting", "journals"] },
  OVERHEADS: { group: "EXPENDITURE", visible: ["expenses", "other_payments", "reporting", "journals"] },
  DEPRECIATION: { group: "EXPENDITURE", visible: ["reporting", "journals"] },
  CURRENT_ASSETS: { group: "ASSETS", visible: ["reporting", "journals"] },
  FIXED_ASSETS: { group: "ASSETS", visible: ["expenses", "reporting", "journals"] },
  FUTURE_ASSETS: { group: "ASSETS", visible: ["reporting", "journals"] },
  BANK: { group: "ASSETS", visible: ["banking", "reporting", "journals"] },
  CURRENT_LIABILITY: { group: "LIABILITY", visible: ["reporting", "journals"] },
  FUTURE_LIABILITY: { group: "LIABILITY", visible: ["reporting", "journals"] },
  EQUITY: { group: "EQUITY", visible: ["reporting", "journals"] },
  LINE_OF_CREDIT: { group: "LIABILITY", visible: ["banking", "reporting", "journals"] },
};

const GROUP_NAMES = {
  INCOME: "Income",
  EXPENDITURE: "Expenditure",
  ASSETS: "Assets",
  LIABILITY: "Liability",
  EQUITY: "Equity",
};

const VISIBILITY_SCOPES = ["banking", "expenses", "journals", "other_payments", "other_receipts", "reporting", "sales"];

const TAX_RATES = [
  { id: "GB_STANDARD", name: "Standard", percentage: 20 },
  { id: "GB_REDUCED", name: "Reduced", percentage: 5 },
  { id: "GB_ZERO", name: "Zero", percentage: 0 },
  { id: "GB_EXEMPT", name: "Exempt", percentage: 0 },
  { id: "GB_NO_TAX", name: "No VAT", percentage: 0 },
];

/** The chart of accounts of a fresh UK company (a representative subset of Sage's). */
const CHART = [
  { key: "1100", code: 1100, name: "Trade Debtors", type: "CURRENT_ASSETS", control: "SALES_LEDGER_CONTROL" },
  { key: "1200", code: 1200, name: "Current", type: "BANK" },
  { key: "1210", code: 1210, name: "Savings", type: "BANK" },
  { key: "1230", code: 1230, name: "Petty Cash", type: "BANK" },
  { key: "2100", code: 2100, name: "Trade Creditors", type: "CURRENT_LIABILITY", control: "PURCHASE_LEDGER_CONTROL" },
  { key: "2200", code: 2200, name: "VAT on Sales", type: "CURRENT_LIABILITY", control: "SALES_TAX_CONTROL" },
  { key: "2201", code: 2201, name: "VAT on Purchases", type: "CURRENT_LIABILITY", control: "PURCHASE_TAX_CONTROL" },
  { key: "3000", code: 3000, name: "Capital introduced", type: "EQUITY" },
  { key: "4000", code: 4000, name: "Sales Type A", type: "SALES", tax: "GB_STANDARD" },
  { key: "4010", code: 4010, name: "Sales Type B", type: "SALES", tax: "GB_STANDARD" },
  { key: "4900", code: 4900, name: "Other Income", type: "OTHER_INCOME", tax: "GB_STANDARD" },
  { key: "5000", code: 5000, name: "Cost of sales - goods", type: "DIRECT_EXPENSES", tax: "GB_STANDARD" },
  { key: "5010", code: 5010, name: "Cost of sales - materials", type: "DIRECT_EXPENSES", tax: "GB_STANDARD" },
  { key: "7100", code: 7100, name: "Rent", type: "OVERHEADS", tax: "GB_EXEMPT" },
  { key: "7502", code: 7502, name: "Telephone and Internet", type: "OVERHEADS", tax: "GB_STANDARD" },
  { key: "0030", code: 30, name: "Office equipment and IT", type: "FIXED_ASSETS", tax: "GB_STANDARD" },
];

/**
 * A ledger account record as Sage returns it, built from the create fields.
 * @param {{ id: string, name: string, display_name?: string, nominal_code: number, type: string, included_in_chart?: boolean, tax_rate?: any, control?: string, at: string }} spec
 */
const ledgerAccountRecord = ({
  id,
  name,
  display_name,
  nominal_code,
  type,
  included_in_chart = true,
  tax_rate = null,
  control,
  at,
}) => {
  const defaults = LEDGER_TYPE_DEFAULTS[/** @type {keyof typeof LEDGER_TYPE_DEFAULTS} */ (type)] ?? {
    group: "ASSETS",
    visible: ["reporting", "journals"],
  };
  const typeName = LOOKUPS.ledger_account_types.find(([code]) => code === type)?.[1] ?? type;
  /** @type {Record<string, any>} */
  const record = {
    ...base("ledger_accounts", id, `${name} (${nominal_code})`),
    created_at: at,
    updated_at: at,
    ledger_account_group: {
      id: defaults.group,
      displayed_as: GROUP_NAMES[/** @type {keyof typeof GROUP_NAMES} */ (defaults.group)],
    },
    name,
    display_name: display_name ?? name,
    visible_scopes: [],
    included_in_chart,
    nominal_code,
    ledger_account_type: base("ledger_account_types", type, typeName),
    ledger_account_classification: null,
    tax_rate,
    fixed_tax_rate: false,
    balance_details: null,
    is_control_account: Boolean(control),
    control_name: control ?? null,
    display_formatted: `${nominal_code} - ${name}`,
    tax_recoverable: null,
    recoverable_percentage: null,
    non_recoverable_ledger_account: null,
    cis_materials: false,
    tax_instalment: false,
    cis_labour: false,
    gifi_code: null,
  };
  for (const scope of VISIBILITY_SCOPES) record[`visible_in_${scope}`] = defaults.visible.includes(scope);
  return record;
};

/** Keep `visible_scopes` in step with the visible_in_* flags. */
const refreshVisibleScopes = (/** @type {Record<string, any>} */ record) => {
  record.visible_scopes = VISIBILITY_SCOPES.filter((scope) => record[`visible_in_${scope}`] === true);
  return record;
};

/**
 * The collections of one freshly seeded business.
 * @param {string} businessId
 * @param {string} businessName
 * @returns {Record<string, Record<string, any>[]>}
 */
const seedBusinessData = (businessId, businessName) => {
  const at = SEED_TIME;
  const id = (/** @type {string} */ key) => stableId(businessId, key);
  /** @type {Record<string, Record<string, any>[]>} */
  const data = {};
  for (const [collection, rows] of Object.entries(LOOKUPS)) {
    data[collection] = rows.map(([code, name]) => base(collection, code, name));
  }
  data.tax_rates = TAX_RATES.map((rate) => ({
    ...base("tax_rates", rate.id, `${rate.name} ${rate.percentage.toFixed(2)}%`),
    created_at: at,
    updated_at: at,
    name: rate.name,
    agency: "HMRC",
    percentage: rate.percentage,
    percentages: [{ percentage: rate.percentage, from_date: "2011-01-04", to_date: null }],
    is_visible: true,
    retailer: false,
    editable: false,
    deletable: false,
    is_combined_rate: false,
    component_tax_rates: [],
  }));
  const taxLink = (/** @type {string | undefined} */ code) => {
    const rate = code ? data.tax_rates.find((r) => r.id === code) : undefined;
    return rate ? base("tax_rates", rate.id, rate.displayed_as) : null;
  };
  data.ledger_accounts = CHART.map((account) =>
    refreshVisibleScopes(
      ledgerAccountRecord({
        id: id(`ledger:${account.key}`),
        name: account.name,
        nominal_code: account.code,
        type: account.type,
        tax_rate: taxLink(account.tax),
        control: account.control,
        at,
      }),
    ),
  );
  const ledger = (/** @type {string} */ key) => {
    const account = data.ledger_accounts.find((a) => a.id === id(`ledger:${key}`));
    if (!account) throw new Error(`seed: no ledger account ${key}`);
    return base("ledger_accounts", account.id, account.displayed_as);
  };
  const bank = (
    /** @type {string} */ key,
    /** @type {string} */ name,
    /** @type {string} */ type,
    /** @type {string} */ ledgerKey,
    /** @type {number} */ code,
    details = {},
  ) => ({
    ...base("bank_accounts", id(`bank:${key}`), `${name} (${code})`),
    created_at: at,
    updated_at: at,
    deleted_at: null,
    bank_account_details: {
      account_name: name,
      account_number: null,
      sort_code: null,
      bic: null,
      iban: null,
      ...details,
    },
    ledger_account: ledger(ledgerKey),
    bank_account_type: base(
      "bank_account_types",
      type,
      LOOKUPS.bank_account_types.find(([c]) => c === type)?.[1] ?? type,
    ),
    balance: 0,
    main_address: null,
    main_contact_person: null,
    nominal_code: code,
    editable: true,
    deletable: false,
    journal_code: null,
    default_payment_method: base("payment_methods", "BANK_TRANSFER", "Bank Transfer"),
    gifi_code: null,
  });
  data.bank_accounts = [
    bank("current", "Current", "CHECKING", "1200", 1200, {
      account_number: "41104110",
      sort_code: "40-11-62",
      iban: "GB33BUKB20201555555555",
      bic: "BUKBGB22",
    }),
    bank("savings", "Savings", "SAVINGS", "1210", 1210, { account_number: "41104129", sort_code: "40-11-62" }),
    bank("petty", "Petty Cash", "CASH_IN_HAND", "1230", 1230),
  ];
  const catalogue = {
    sales_ledger_account: ledger("4000"),
    purchase_ledger_account: ledger("5000"),
    sales_tax_rate: taxLink("GB_STANDARD"),
    purchase_tax_rate: taxLink("GB_STANDARD"),
  };
  data.products = [
    {
      ...base("products", id("product:widget"), "Blue Widget"),
      created_at: at,
      updated_at: at,
      deleted_at: null,
      deletable: true,
      deactivatable: true,
      used_on_recurring_invoice: false,
      item_code: "WIDGET-BLUE",
      description: "Blue Widget",
      notes: null,
      ...catalogue,
      usual_supplier: null,
      cost_price: 12.5,
      sales_prices: [
        {
          id: id("price:widget"),
          displayed_as: "Selling Price",
          price_name: "Selling Price",
          price: 29.99,
          price_includes_tax: false,
          product_sales_price_type: base("product_sales_price_types", id("price-type:selling"), "Selling Price"),
        },
      ],
      source_guid: null,
      purchase_description: "Blue Widget (wholesale)",
      active: true,
      catalog_item_type: base("catalog_item_types", "STOCK_ITEM", "Stock"),
    },
    {
      ...base("products", id("product:cable"), "USB-C Cable 2m"),
      created_at: at,
      updated_at: at,
      deleted_at: null,
      deletable: true,
      deactivatable: true,
      used_on_recurring_invoice: false,
      item_code: "CABLE-USBC-2M",
      description: "USB-C Cable 2m",
      notes: null,
      ...catalogue,
      usual_supplier: null,
      cost_price: 2.1,
      sales_prices: [
        {
          id: id("price:cable"),
          displayed_as: "Selling Price",
          price_name: "Selling Price",
          price: 7.5,
          price_includes_tax: false,
          product_sales_price_type: base("product_sales_price_types", id("price-type:selling"), "Selling Price"),
        },
      ],
      source_guid: null,
      purchase_description: null,
      active: true,
      catalog_item_type: base("catalog_item_types", "STOCK_ITEM", "Stock"),
    },
  ];
  data.services = [
    {
      ...base("services", id("service:consulting"), "Consulting (hourly)"),
      created_at: at,
      updated_at: at,
      deleted_at: null,
      deletable: true,
      deactivatable: true,
      used_on_recurring_invoice: false,
      item_code: "CONSULT-HR",
      description: "Consulting (hourly)",
      notes: null,
      ...catalogue,
      sales_rates: [
        { id: id("rate:consulting"), displayed_as: "Hourly", rate_name: "Hourly", rate: 95, rate_includes_tax: false },
      ],
      source_guid: null,
      purchase_description: null,
      usual_supplier: null,
      active: true,
      cost_price: null,
    },
    {
      ...base("services", id("service:support"), "Support plan (monthly)"),
      created_at: at,
      updated_at: at,
      deleted_at: null,
      deletable: true,
      deactivatable: true,
      used_on_recurring_invoice: false,
      item_code: "SUPPORT-MO",
      description: "Support plan (monthly)",
      notes: `Support for ${businessName} customers`,
      ...catalogue,
      sales_rates: [
        { id: id("rate:support"), displayed_as: "Monthly", rate_name: "Monthly", rate: 250, rate_includes_tax: false },
      ],
      source_guid: null,
      purchase_description: null,
      usual_supplier: null,
      active: true,
      cost_price: null,
    },
  ];
  for (const collection of ["contacts", "contact_persons", "sales_invoices", "purchase_invoices", "contact_payments"])
    data[collection] = [];
  // No shared nested objects between records: a PUT that merges into one must not change another.
  return JSON.parse(JSON.stringify(data));
};

/** The two businesses, as GET /businesses returns them (user-business.openapi.json `Business`). */
const seedBusinesses = () => [
  {
    created_at: SEED_TIME,
    updated_at: SEED_TIME,
    displayed_as: "Sandbox Trading Ltd",
    id: LEAD_BUSINESS_ID,
    name: "Sandbox Trading Ltd",
    address_line_1: "1 Sandbox Street",
    address_line_2: null,
    city: "London",
    postal_code: "EC1A 1BB",
    country: { id: "GB", displayed_as: "United Kingdom (GB)" },
    region: null,
    telephone: "020 7946 0000",
    mobile: null,
    website: "https://sandbox-trading.example",
    is_demo: false,
    ni_based: false,
    subscriptions: [
      {
        created_at: SEED_TIME,
        updated_at: SEED_TIME,
        displayed_as: "Accounting",
        id: stableId("subscription", "lead"),
        active: true,
        status: "active",
      },
    ],
  },
  {
    created_at: SEED_TIME,
    updated_at: SEED_TIME,
    displayed_as: "Sandbox Consulting Ltd",
    id: SECOND_BUSINESS_ID,
    name: "Sandbox Consulting Ltd",
    address_line_1: "22 Example Road",
    address_line_2: "Unit 4",
    city: "Manchester",
    postal_code: "M1 1AE",
    country: { id: "GB", displayed_as: "United Kingdom (GB)" },
    region: null,
    telephone: "0161 496 0000",
    mobile: null,
    website: null,
    is_demo: false,
    ni_based: false,
    subscriptions: [
      {
        created_at: SEED_TIME,
        updated_at: SEED_TIME,
        displayed_as: "Accounting",
        id: stableId("subscription", "second"),
        active: true,
        status: "active",
      },
    ],
  },
];

module.exports = {
  SEED_TIME,
  LEAD_BUSINESS_ID,
  SECOND_BUSINESS_ID,
  LEDGER_TYPE_DEFAULTS,
  GROUP_NAMES,
  VISIBILITY_SCOPES,
  stableId,
  base,
  ledgerAccountRecord,
  refreshVisibleScopes,
  seedBusinessData,
  seedBusinesses,
};
