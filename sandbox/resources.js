// @ts-check
"use strict";

const crypto = require("crypto");
const { sageError, humanize, isDate } = require("./schema");
const { DOCUMENT_RULES, documentRoutes } = require("./documents");
const { LEDGER_RESOURCES, withBalanceDetails } = require("./ledger");
const { attachmentsResource } = require("./attachments");
const { sageDecimal } = require("./numberFields");
const { bankingResources } = require("./banking");
const { ALLOCATION_RESOURCES, REFUND_PAYMENT_TYPES, openPaymentOnAccount } = require("./allocations");
const {
  base,
  LEDGER_TYPE_DEFAULTS,
  GROUP_NAMES,
  VISIBILITY_SCOPES,
  ledgerAccountRecord,
  refreshVisibleScopes,
} = require("./seed");

/**
 * What each Sage resource does beyond its schema: the records POST creates, how PUT merges,
 * what DELETE means, and which list filters apply. Records are kept in the shape Sage returns
 * them (references as { id, displayed_as, $path }), so GET just serialises them.
 */

/**
 * What a resource's list `filter` reads of the query: the first value of a name, or null (as
 * URLSearchParams.get answers).
 * @typedef {object} QueryLookup
 * @property {(name: string) => string | null} get
 */
/** @typedef {import("./schema").SageError} SageError */
/** @typedef {import("./store").BusinessData} BusinessData */
/** @typedef {Record<string, any>} SageRecord */
/**
 * @typedef {object} Ctx
 * @property {BusinessData} db
 * @property {string} at        ISO timestamp of this request (the injectable clock)
 * @property {SageError[]} errors
 * @property {boolean} [trusted]  bulk seeding: skip uniqueness scans (the generator makes values unique)
 */

/** A response other than success: status plus Sage's error array. */
class SandboxError extends Error {
  /** @param {number} status @param {SageError[]} errors */
  constructor(status, errors) {
    super(errors.map((e) => e.$message).join("; "));
    this.status = status;
    this.errors = errors;
  }
}

const invalid = (/** @type {string} */ source, /** @type {string} */ message) =>
  new SandboxError(422, [sageError(source, message)]);
const notFound = (/** @type {string} */ label) =>
  new SandboxError(404, [sageError("", `${label} not found`, "RecordNotFound")]);

/** Stop with 422 if anything was collected. */
const failIfErrors = (/** @type {Ctx} */ ctx) => {
  if (ctx.errors.length) throw new SandboxError(422, ctx.errors.splice(0));
};

/** Random ids, except while the seed builds its demo records (stable ids across starts, see demo.js). */
let idSource = () => crypto.randomBytes(16).toString("hex");
const newId = () => idSource();
/** Run `build` with ids drawn from `source`. @template T @param {() => string} source @param {() => T} build */
const withIds = (source, build) => {
  const previous = idSource;
  idSource = source;
  try {
    return build();
  } finally {
    idSource = previous;
  }
};
const round2 = (/** @type {number} */ n) => Math.round((n + Number.EPSILON) * 100) / 100;
const isPlainObject = (/** @type {unknown} */ v) => typeof v === "object" && v !== null && !Array.isArray(v);

/** A reference to a record, as Sage nests it. */
const link = (/** @type {string} */ collection, /** @type {SageRecord} */ record) =>
  base(collection, record.id, record.displayed_as);

/**
 * Body fields that reference another record, and the collection it must exist in. A field
 * not listed here (country_group_id, eu_goods_services_type_id ...) is kept as a reference
 * without an existence check.
 */
const REFS = {
  contact_type_id: "contact_types",
  contact_person_type_id: "contact_person_types",
  address_type_id: "address_types",
  country_id: "countries",
  currency_id: "currencies",
  ledger_account_type_id: "ledger_account_types",
  tax_rate_id: "tax_rates",
  default_sales_tax_rate_id: "tax_rates",
  shipping_tax_rate_id: "tax_rates",
  sales_tax_rate_id: "tax_rates",
  purchase_tax_rate_id: "tax_rates",
  ledger_account_id: "ledger_accounts",
  default_sales_ledger_account_id: "ledger_accounts",
  default_purchase_ledger_account_id: "ledger_accounts",
  sales_ledger_account_id: "ledger_accounts",
  purchase_ledger_account_id: "ledger_accounts",
  non_recoverable_ledger_account_id: "ledger_accounts",
  bank_account_id: "bank_accounts",
  contact_id: "contacts",
  usual_supplier_id: "contacts",
  product_id: "products",
  service_id: "services",
  payment_method_id: "payment_methods",
  default_payment_method_id: "payment_methods",
  transaction_type_id: "transaction_types",
  status_id: "artefact_statuses",
  bank_account_type_id: "bank_account_types",
};

/** @param {Ctx} ctx @param {string} collection @param {unknown} id @param {string} source */
const reference = (ctx, collection, id, source) => {
  const record = typeof id === "string" ? ctx.db.collection(collection).get(id) : undefined;
  if (!record) {
    ctx.errors.push(sageError(source, `${humanize(source.split(".").pop() ?? source)} '${String(id)}' does not exist`));
    return null;
  }
  return link(collection, record);
};

/**
 * Turn body fields into record fields: `x_id` → `x` (a reference, checked when it is in REFS),
 * `x_ids` → `xs`, nested objects and arrays likewise. Bad references are collected in ctx.errors.
 * @param {Ctx} ctx
 * @param {Record<string, unknown>} input
 * @param {string} [prefix] source path prefix, e.g. "invoice_lines.0."
 * @returns {SageRecord}
 */
const materialize = (ctx, input, prefix = "") => {
  /** @type {SageRecord} */
  const out = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    const source = `${prefix}${key}`;
    if (key.endsWith("_ids") && Array.isArray(value)) {
      const stem = key.slice(0, -4);
      const collection = /** @type {Record<string, string>} */ (REFS)[`${stem}_id`];
      out[`${stem}s`] = value.map((id) =>
        collection ? reference(ctx, collection, id, source) : { id, displayed_as: id, $path: null },
      );
    } else if (key.endsWith("_id") && key !== "source_guid") {
      const stem = key.slice(0, -3);
      const collection = /** @type {Record<string, string>} */ (REFS)[key];
      if (value === null || value === "") out[stem] = null;
      else
        out[stem] = collection
          ? reference(ctx, collection, value, source)
          : { id: value, displayed_as: value, $path: null };
    } else if (Array.isArray(value)) {
      out[key] = value.map((item, index) =>
        isPlainObject(item) ? materialize(ctx, /** @type {any} */ (item), `${source}.${index}.`) : item,
      );
    } else if (isPlainObject(value)) {
      out[key] = materialize(ctx, /** @type {any} */ (value), `${source}.`);
    } else out[key] = value;
  }
  return out;
};

/** PUT semantics: only given fields change; nested objects merge; references and arrays are replaced. */
const merge = (/** @type {SageRecord} */ target, /** @type {SageRecord} */ patch) => {
  for (const [key, value] of Object.entries(patch)) {
    if (isPlainObject(value) && !("$path" in value) && isPlainObject(target[key]) && !("$path" in target[key]))
      merge(target[key], value);
    else target[key] = value;
  }
  return target;
};

/** Require fields that Sage needs even where the PUT schema makes them optional (replacement invoice lines). */
const requireFields = (
  /** @type {Ctx} */ ctx,
  /** @type {Record<string, unknown>} */ input,
  /** @type {string[]} */ fields,
  /** @type {string} */ prefix,
) => {
  for (const field of fields) {
    const value = input[field];
    if (value === undefined || value === null || (typeof value === "string" && value.trim() === "")) {
      ctx.errors.push(sageError(`${prefix}${field}`, `${humanize(field)} can't be blank`));
    }
  }
};

// ---------------------------------------------------------------------------------------------
// Addresses (embedded in contacts) and contacts

const addressText = (/** @type {SageRecord} */ a) =>
  [a.address_line_1, a.address_line_2, a.city, a.region, a.postal_code]
    .filter((part) => typeof part === "string" && part !== "")
    .join("\n");

/** Every address of the business, with the contact that owns it. */
const addressIndex = (/** @type {BusinessData} */ db) => {
  /** @type {Map<string, { address: SageRecord, contact: SageRecord }>} */
  const index = new Map();
  for (const contact of db.collection("contacts").items) {
    for (const field of ["main_address", "delivery_address"]) {
      const address = contact[field];
      if (address?.id) index.set(address.id, { address, contact });
    }
  }
  return index;
};

/** @param {Ctx} ctx @param {SageRecord} contact @param {SageRecord | undefined} patch @param {string} defaultType @param {boolean} isMain */
const newAddress = (ctx, contact, patch, defaultType, isMain) => {
  const id = newId();
  const type = ctx.db.collection("address_types").get(defaultType);
  const address = {
    ...base("addresses", id, ""),
    address_line_1: null,
    address_line_2: null,
    city: null,
    postal_code: null,
    country: null,
    deleted_at: null,
    created_at: ctx.at,
    updated_at: ctx.at,
    bank_account: null,
    contact: link("contacts", contact),
    address_type: type ? link("address_types", type) : null,
    name: null,
    region: null,
    country_group: null,
    is_main_address: isMain,
  };
  return finishAddress(ctx, contact, merge(address, patch ?? {}));
};

/**
 * The country group Sage files an address under (the recordings show GB as "UK & Ireland"); the
 * grouping of the other seeded countries is the sandbox's own.
 */
const COUNTRY_GROUPS = {
  GB: ["GBIE", "UK & Ireland"],
  IE: ["GBIE", "UK & Ireland"],
  FR: ["EU", "European Union"],
  DE: ["EU", "European Union"],
  ES: ["EU", "European Union"],
};
const countryGroupOf = (/** @type {SageRecord | null} */ country) => {
  const [id, name] = COUNTRY_GROUPS[/** @type {keyof typeof COUNTRY_GROUPS} */ (country?.id)] ?? ["ALL", "Other"];
  return country ? base("country_groups", id, name) : null;
};

/** @param {Ctx} ctx @param {SageRecord} contact @param {SageRecord} address */
const finishAddress = (ctx, contact, address) => {
  if (!address.country_group?.$path) address.country_group = countryGroupOf(address.country);
  // The address belongs to this contact, whatever contact_id the body carried.
  address.contact = link("contacts", contact);
  address.displayed_as = addressText(address);
  address.updated_at = ctx.at;
  return address;
};

/** @param {Ctx} ctx @param {SageRecord} contact @param {SageRecord} patch */
const commitContactPerson = (ctx, contact, patch) => {
  if (!patch.main_contact_person) return;
  upsertMainContactPerson(ctx, contact, patch.main_contact_person);
  contact.email = contact.main_contact_person?.email ?? null;
};

const contactDisplay = (/** @type {SageRecord} */ c) => (c.reference ? `${c.name} (${c.reference})` : c.name);

/** @param {Ctx} ctx @param {SageRecord} contact @param {string | undefined} ownId */
const checkContactRules = (ctx, contact, ownId) => {
  if (!Array.isArray(contact.contact_types) || contact.contact_types.length === 0) {
    ctx.errors.push(sageError("contact_type_ids", "Contact type ids can't be blank"));
  }
  if (contact.reference && !ctx.trusted) {
    const taken = ctx.db
      .collection("contacts")
      .items.some(
        (other) =>
          other.id !== ownId &&
          typeof other.reference === "string" &&
          other.reference.toLowerCase() === String(contact.reference).toLowerCase(),
      );
    if (taken) ctx.errors.push(sageError("reference", `Reference '${contact.reference}' has already been taken`));
  }
};

/** @param {Ctx} ctx @param {SageRecord} contact @param {SageRecord} patch main_contact_person fields */
const upsertMainContactPerson = (ctx, contact, patch) => {
  const people = ctx.db.collection("contact_persons");
  const existing = contact.main_contact_person?.id ? people.get(contact.main_contact_person.id) : undefined;
  const { contact_person_types, address, ...fields } = patch;
  const person =
    existing ??
    people.add({
      ...base("contact_persons", newId(), fields.name ?? contact.name),
      created_at: ctx.at,
      updated_at: ctx.at,
      deleted_at: null,
      contact_person_types: [],
      name: contact.name,
      job_title: null,
      telephone: null,
      mobile: null,
      email: null,
      fax: null,
      is_main_contact: true,
      address: link("addresses", contact.main_address),
      is_preferred_contact: false,
    });
  merge(person, fields);
  if (contact_person_types) person.contact_person_types = contact_person_types;
  else if (!existing) {
    const accounts = ctx.db.collection("contact_person_types").get("ACCOUNTS");
    if (accounts) person.contact_person_types = [link("contact_person_types", accounts)];
  }
  person.displayed_as = person.name;
  person.updated_at = ctx.at;
  contact.main_contact_person = { ...person };
};

/** @param {Ctx} ctx @param {SageRecord} contact @param {SageRecord} patch */
const applyContactPatch = (ctx, contact, patch) => {
  // main_contact_person is a record of its own: written by commitContactPerson once the contact is valid.
  const { main_address, delivery_address, main_contact_person, bank_account_details, ...fields } = patch;
  merge(contact, fields);
  // Addresses link back to the contact by name, so the name must be current before they are finished.
  contact.displayed_as = contactDisplay(contact);
  if (main_address) finishAddress(ctx, contact, merge(contact.main_address, main_address));
  if (delivery_address !== undefined) {
    if (delivery_address === null) contact.delivery_address = null;
    else if (contact.delivery_address) finishAddress(ctx, contact, merge(contact.delivery_address, delivery_address));
    else contact.delivery_address = newAddress(ctx, contact, delivery_address, "DELIVERY", false);
  }
  if (bank_account_details) merge(contact.bank_account_details, bank_account_details);
  contact.email = contact.main_contact_person?.email ?? null;
  contact.displayed_as = contactDisplay(contact);
  contact.updated_at = ctx.at;
};

/** Records that refer to a contact; Sage will not delete a contact with transactions. */
const contactInUse = (/** @type {BusinessData} */ db, /** @type {string} */ contactId) =>
  [...Object.keys(DOCUMENT_RULES), "contact_payments"].some((name) =>
    db.collection(name).items.some((r) => r.contact?.id === contactId),
  );

const contacts = {
  wrapper: "contact",
  label: "Contact",
  post: "postContacts",
  put: "putContacts",
  canDelete: true,
  queries: ["updated_or_created_since", "deleted_since", "search", "email", "contact_type_id"],
  searchFields: ["name", "reference"],
  /** @param {Ctx} ctx @param {SageRecord} body */
  create(ctx, body) {
    const patch = materialize(ctx, body);
    const id = newId();
    const gbp = ctx.db.collection("currencies").get("GBP");
    /** @type {SageRecord} */
    const contact = {
      ...base("contacts", id, ""),
      created_at: ctx.at,
      updated_at: ctx.at,
      links: [],
      deleted_at: null,
      balance: 0,
      contact_types: [],
      name: "",
      reference: null,
      default_sales_ledger_account: null,
      default_sales_tax_rate: null,
      default_purchase_ledger_account: null,
      tax_number: null,
      notes: null,
      locale: "en",
      main_address: null,
      delivery_address: null,
      main_contact_person: null,
      bank_account_details: { account_name: null, account_number: null, sort_code: null, bic: null, iban: null },
      credit_limit: null,
      credit_days: null,
      credit_terms_and_conditions: null,
      product_sales_price_type: null,
      source_guid: null,
      currency: gbp ? link("currencies", gbp) : null,
      aux_reference: null,
      registered_number: null,
      deletable: true,
      tax_treatment: {
        home_tax: true,
        eu_tax_registered: false,
        eu_not_tax_registered: false,
        rest_of_world_tax: false,
        is_importer: false,
      },
      email: null,
      tax_calculation: null,
      auxiliary_account: null,
      gdpr_obfuscated: false,
      system: false,
      has_unfinished_recurring_invoices: false,
      cis_registered: false,
      ni_based: false,
      cis_settings: null,
    };
    // Sage gives every contact a main address (Accounts), even an empty one.
    contact.main_address = newAddress(ctx, contact, undefined, "ACCOUNTS", true);
    applyContactPatch(ctx, contact, patch);
    checkContactRules(ctx, contact, undefined);
    failIfErrors(ctx);
    commitContactPerson(ctx, contact, patch);
    return contact;
  },
  /** @param {Ctx} ctx @param {SageRecord} record @param {SageRecord} body */
  update(ctx, record, body) {
    const draft = structuredClone(record);
    const patch = materialize(ctx, body);
    applyContactPatch(ctx, draft, patch);
    checkContactRules(ctx, draft, record.id);
    failIfErrors(ctx);
    commitContactPerson(ctx, draft, patch);
    return draft;
  },
  /** @param {Ctx} ctx @param {SageRecord} record */
  remove(ctx, record) {
    if (contactInUse(ctx.db, record.id)) {
      throw invalid("", "This contact cannot be deleted because it has transactions; void or delete them first");
    }
    const addresses = new Set([record.main_address?.id, record.delivery_address?.id].filter(Boolean));
    const people = ctx.db.collection("contact_persons");
    for (const person of [...people.items]) {
      if (addresses.has(person.address?.id)) {
        people.remove(person.id);
        ctx.db.tombstone("contact_persons", person, ctx.at);
      }
    }
    return "deleted";
  },
  /** @param {SageRecord} record @param {QueryLookup} q @param {Ctx} ctx */
  filter(record, q, ctx) {
    const type = q.get("contact_type_id");
    if (
      type &&
      !type.split(",").some((t) => record.contact_types?.some((/** @type {SageRecord} */ ct) => ct.id === t.trim()))
    )
      return false;
    const email = q.get("email")?.trim().toLowerCase();
    if (email) {
      const emails = [
        record.email,
        ...ctx.db
          .collection("contact_persons")
          .items.filter(
            (p) => p.address?.id === record.main_address?.id || p.address?.id === record.delivery_address?.id,
          )
          .map((p) => p.email),
      ];
      if (!emails.some((e) => typeof e === "string" && e.toLowerCase() === email)) return false;
    }
    return true;
  },
};

// ---------------------------------------------------------------------------------------------
// Contact persons

/** @param {Ctx} ctx @param {SageRecord} person */
const syncMainContactPerson = (ctx, person) => {
  for (const contact of ctx.db.collection("contacts").items) {
    if (contact.main_contact_person?.id === person.id) {
      contact.main_contact_person = { ...person };
      contact.email = person.email ?? null;
      contact.updated_at = ctx.at;
    }
  }
};

const contactPersons = {
  wrapper: "contact_person",
  label: "Contact person",
  post: "postContactPersons",
  put: "putContactPersons",
  canDelete: true,
  queries: ["updated_or_created_since", "deleted_since", "contact_id", "address_id"],
  /** @param {Ctx} ctx @param {SageRecord} body */
  create(ctx, body) {
    const person = {
      ...base("contact_persons", newId(), ""),
      created_at: ctx.at,
      updated_at: ctx.at,
      deleted_at: null,
      contact_person_types: [],
      name: "",
      job_title: null,
      telephone: null,
      mobile: null,
      email: null,
      fax: null,
      is_main_contact: false,
      address: null,
      is_preferred_contact: false,
    };
    return contactPersons.apply(ctx, person, body);
  },
  /** @param {Ctx} ctx @param {SageRecord} record @param {SageRecord} body */
  update(ctx, record, body) {
    const updated = contactPersons.apply(ctx, structuredClone(record), body);
    syncMainContactPerson(ctx, updated);
    return updated;
  },
  /** @param {Ctx} ctx @param {SageRecord} person @param {SageRecord} body */
  apply(ctx, person, body) {
    const { address_id, ...rest } = body;
    const patch = materialize(ctx, rest);
    if (address_id !== undefined) {
      const found = addressIndex(ctx.db).get(String(address_id));
      if (found) patch.address = link("addresses", found.address);
      else ctx.errors.push(sageError("address_id", `Address '${String(address_id)}' does not exist`));
    }
    if (Array.isArray(body.contact_person_type_ids) && body.contact_person_type_ids.length === 0) {
      ctx.errors.push(sageError("contact_person_type_ids", "Contact person type ids can't be blank"));
    }
    failIfErrors(ctx);
    merge(person, patch);
    person.displayed_as = person.name;
    person.updated_at = ctx.at;
    return person;
  },
  /** @param {Ctx} ctx @param {SageRecord} record */
  remove(ctx, record) {
    for (const contact of ctx.db.collection("contacts").items) {
      if (contact.main_contact_person?.id === record.id) {
        contact.main_contact_person = null;
        contact.email = null;
        contact.updated_at = ctx.at;
      }
    }
    return "deleted";
  },
  /** @param {SageRecord} record @param {QueryLookup} q @param {Ctx} ctx @param {Map<string, any>} [cache] */
  filter(record, q, ctx, cache) {
    const addressId = q.get("address_id");
    if (addressId && record.address?.id !== addressId) return false;
    const contactId = q.get("contact_id");
    if (contactId) {
      const index = cache?.get("addresses") ?? addressIndex(ctx.db);
      cache?.set("addresses", index);
      if (index.get(record.address?.id)?.contact.id !== contactId) return false;
    }
    return true;
  },
};

// ---------------------------------------------------------------------------------------------
// Ledger accounts

/** @param {Ctx} ctx @param {SageRecord} account @param {string | undefined} ownId */
const checkNominalCode = (ctx, account, ownId) => {
  if (ctx.trusted) return;
  const taken = ctx.db
    .collection("ledger_accounts")
    .items.some((other) => other.id !== ownId && other.nominal_code === account.nominal_code);
  if (taken)
    ctx.errors.push(
      sageError("nominal_code", `Nominal code ${account.nominal_code} is already in use by another ledger account`),
    );
};

const refreshLedgerAccount = (/** @type {Ctx} */ ctx, /** @type {SageRecord} */ account) => {
  const type = /** @type {keyof typeof LEDGER_TYPE_DEFAULTS} */ (account.ledger_account_type?.id);
  const group = LEDGER_TYPE_DEFAULTS[type]?.group;
  if (group)
    account.ledger_account_group = {
      id: group,
      displayed_as: GROUP_NAMES[/** @type {keyof typeof GROUP_NAMES} */ (group)],
    };
  account.displayed_as = `${account.name} (${account.nominal_code})`;
  account.display_formatted = `${account.nominal_code} - ${account.name}`;
  account.updated_at = ctx.at;
  return refreshVisibleScopes(account);
};

const ledgerAccounts = {
  wrapper: "ledger_account",
  label: "Ledger account",
  post: "postLedgerAccounts",
  put: "putLedgerAccounts",
  canDelete: false,
  queries: ["updated_or_created_since", "visible_in", "not_visible_in", "ledger_account_type_id", "search"],
  searchFields: ["name", "display_name", "nominal_code"],
  // show_balance_details with from_date / to_date: the period's debits and credits (ledger.js).
  view: withBalanceDetails,
  /** @param {Ctx} ctx @param {SageRecord} body */
  create(ctx, body) {
    const patch = materialize(ctx, body);
    failIfErrors(ctx);
    const account = ledgerAccountRecord({
      id: newId(),
      name: body.name,
      display_name: body.display_name,
      nominal_code: body.nominal_code,
      type: body.ledger_account_type_id,
      included_in_chart: body.included_in_chart,
      at: ctx.at,
    });
    merge(account, patch);
    refreshLedgerAccount(ctx, account);
    checkNominalCode(ctx, account, undefined);
    failIfErrors(ctx);
    return account;
  },
  /** @param {Ctx} ctx @param {SageRecord} record @param {SageRecord} body */
  update(ctx, record, body) {
    const patch = materialize(ctx, body);
    failIfErrors(ctx);
    const account = merge(structuredClone(record), patch);
    refreshLedgerAccount(ctx, account);
    checkNominalCode(ctx, account, record.id);
    failIfErrors(ctx);
    return account;
  },
  /** @param {SageRecord} record @param {QueryLookup} q */
  filter(record, q) {
    const type = q.get("ledger_account_type_id");
    if (
      type &&
      !type
        .split(",")
        .map((t) => t.trim())
        .includes(record.ledger_account_type?.id)
    )
      return false;
    const visible = q.get("visible_in");
    if (visible && record[`visible_in_${visible}`] !== true) return false;
    const hidden = q.get("not_visible_in");
    if (hidden && record[`visible_in_${hidden}`] === true) return false;
    return true;
  },
  /** @param {URLSearchParams} q */
  checkQuery(q) {
    for (const name of ["visible_in", "not_visible_in"]) {
      const value = q.get(name);
      if (value && !VISIBILITY_SCOPES.includes(value))
        throw invalid(name, `${humanize(name)} must be one of ${VISIBILITY_SCOPES.join(", ")}`);
    }
  },
};

// ---------------------------------------------------------------------------------------------
// Sales and purchase documents: invoices (and every kind in documents.js)

/**
 * @typedef {import("./documents").DocumentRules & ReturnType<typeof documentRoutes> & { collection: string }} DocumentKind
 */

/** @param {Ctx} ctx @param {DocumentKind} kind @param {unknown[]} lines */
const buildLines = (ctx, kind, lines) =>
  lines.map((line, index) => {
    const input = /** @type {SageRecord} */ (line);
    const prefix = `${kind.linesField}.${index}.`;
    requireFields(ctx, input, kind.lineRequired, prefix);
    const patch = materialize(ctx, input, prefix);
    const quantity = typeof input.quantity === "number" ? input.quantity : 1;
    const unitPrice = typeof input.unit_price === "number" ? input.unit_price : 0;
    const discount = typeof input.discount_amount === "number" ? input.discount_amount : 0;
    const rate = patch.tax_rate ? ctx.db.collection("tax_rates").get(patch.tax_rate.id) : undefined;
    const percentage = typeof rate?.percentage === "number" ? rate.percentage : 0;
    const gross = quantity * unitPrice - discount;
    const net = round2(input.unit_price_includes_tax === true ? gross / (1 + percentage / 100) : gross);
    // A given line tax_amount wins (Sage lets callers fix rounding that way); otherwise it comes from the rate.
    const computedTax = round2(input.unit_price_includes_tax === true ? gross - net : (net * percentage) / 100);
    const tax = typeof input.tax_amount === "number" ? round2(input.tax_amount) : computedTax;
    const total = round2(net + tax);
    const breakdown = patch.tax_rate ? [{ tax_rate: patch.tax_rate, percentage, amount: tax }] : [];
    return {
      id: newId(),
      displayed_as: input.description ?? "",
      product: null,
      service: null,
      trade_of_asset: false,
      tax_rate: null,
      unit_price_includes_tax: false,
      eu_goods_services_type: null,
      discount_amount: 0,
      discount_percentage: 0,
      ...patch,
      tax_breakdown: breakdown,
      base_currency_tax_breakdown: breakdown,
      quantity,
      unit_price: unitPrice,
      net_amount: net,
      tax_amount: tax,
      total_amount: total,
      base_currency_unit_price: unitPrice,
      base_currency_net_amount: net,
      base_currency_tax_amount: tax,
      base_currency_total_amount: total,
      base_currency_discount_amount: discount,
    };
  });

/** Totals, tax analysis, outstanding amount and status from the lines and the payments. */
const refreshDocument = (/** @type {Ctx} */ ctx, /** @type {DocumentKind} */ kind, /** @type {SageRecord} */ doc) => {
  const lines = /** @type {SageRecord[]} */ (doc[kind.linesField] ?? []);
  const sum = (/** @type {string} */ field) =>
    round2(lines.reduce((total, line) => total + (Number(line[field]) || 0), 0));
  doc.net_amount = sum("net_amount");
  doc.tax_amount = sum("tax_amount");
  doc.total_amount = round2(doc.net_amount + doc.tax_amount);
  doc.total_quantity = sum("quantity");
  doc.total_discount_amount = sum("discount_amount");
  /** @type {Map<string, SageRecord>} */
  const analysis = new Map();
  for (const line of lines) {
    const key = line.tax_rate?.id ?? "";
    const entry = analysis.get(key) ?? {
      tax_rate: line.tax_rate ?? null,
      net_amount: 0,
      tax_amount: 0,
      total_amount: 0,
      goods_amount: 0,
      service_amount: 0,
    };
    entry.net_amount = round2(entry.net_amount + line.net_amount);
    entry.tax_amount = round2(entry.tax_amount + line.tax_amount);
    entry.total_amount = round2(entry.total_amount + line.total_amount);
    if (line.service) entry.service_amount = round2(entry.service_amount + line.net_amount);
    else entry.goods_amount = round2(entry.goods_amount + line.net_amount);
    analysis.set(key, entry);
  }
  doc.tax_analysis = [...analysis.values()];
  // A settlement discount settles the invoice as much as a payment does.
  const paid = round2((Number(doc.total_paid) || 0) + (Number(doc.payments_allocations_total_discount) || 0));
  doc.outstanding_amount = doc.status?.id === "VOID" ? 0 : round2(doc.total_amount - paid);
  for (const field of ["net_amount", "tax_amount", "total_amount", "outstanding_amount", "total_discount_amount"]) {
    doc[`base_currency_${field}`] = round2(doc[field] * (Number(doc.exchange_rate) || 1));
  }
  const status = doc.status?.id;
  if (kind.statuses === "artefact" && status !== "VOID" && status !== "DRAFT") {
    const next = paid <= 0 ? "UNPAID" : doc.outstanding_amount <= 0 ? "PAID" : "PART_PAID";
    const record = ctx.db.collection("artefact_statuses").get(next);
    if (record) doc.status = link("artefact_statuses", record);
  }
  doc.updated_at = ctx.at;
  // Only the fields Sage's spec gives this kind of record (a quote has no outstanding amount).
  for (const field of Object.keys(doc))
    if (!kind.fields.has(field) && !kind.extraFields?.includes(field)) delete doc[field];
  return doc;
};

const addDays = (/** @type {string} */ date, /** @type {number} */ days) => {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
};

// The fields of a contact's address that an invoice copies, as Sage's artefact address has them.
const ARTEFACT_ADDRESS_FIELDS = [
  "id",
  "displayed_as",
  "$path",
  "address_line_1",
  "address_line_2",
  "city",
  "postal_code",
  "country",
  "deleted_at",
  "address_type",
  "region",
  "country_group",
];

/** An invoice keeps a snapshot of the address: its own id and "$path": "" (as the recordings show). */
const artefactAddress = (/** @type {SageRecord | null | undefined} */ address) =>
  address
    ? { ...Object.fromEntries(ARTEFACT_ADDRESS_FIELDS.map((field) => [field, address[field]])), id: newId(), $path: "" }
    : null;

/** @param {Ctx} ctx @param {DocumentKind} kind @param {SageRecord | null} contactLink */
const checkDocumentContact = (ctx, kind, contactLink) => {
  if (!contactLink) return undefined;
  const contact = ctx.db.collection("contacts").get(contactLink.id);
  if (contact && !contact.contact_types?.some((/** @type {SageRecord} */ t) => t.id === kind.contactType)) {
    const role = kind.contactType === "CUSTOMER" ? "customer" : "supplier";
    ctx.errors.push(sageError("contact_id", `Contact '${contact.displayed_as}' is not a ${role}`));
  }
  return contact;
};

/**
 * Quote and estimate statuses (the sandbox's own ids: no recording shows Sage's QuoteStatus
 * values): a new one is PENDING (DRAFT when asked), and INVOICED once an invoice names it in
 * original_quote_estimate_id.
 */
const QUOTE_STATUSES = { DRAFT: "Draft", PENDING: "Pending", INVOICED: "Invoiced" };

/** @param {Ctx} ctx @param {DocumentKind} kind @param {string} id */
const statusLink = (ctx, kind, id) => {
  if (kind.statuses === "quote")
    return base("quote_statuses", id, QUOTE_STATUSES[/** @type {keyof typeof QUOTE_STATUSES} */ (id)] ?? id);
  const record = ctx.db.collection("artefact_statuses").get(id);
  return record ? link("artefact_statuses", record) : null;
};

/** @param {DocumentKind} kind */
const createStatuses = (kind) => (kind.statuses === "quote" ? ["DRAFT", "PENDING"] : ["DRAFT", "UNPAID"]);

/** An invoice raised from a quote or estimate marks it INVOICED and links back (the sandbox's rule). */
const linkQuoteOrEstimate = (/** @type {Ctx} */ ctx, /** @type {SageRecord} */ invoice, /** @type {unknown} */ id) => {
  if (typeof id !== "string") return;
  for (const collection of ["sales_quotes", "sales_estimates"]) {
    const source = ctx.db.collection(collection).get(id);
    if (!source) continue;
    if (source.status?.id === "INVOICED")
      throw invalid("original_quote_estimate_id", `${source.displayed_as} has already been invoiced`);
    /** @type {SageRecord} */
    const updated = { ...structuredClone(source), updated_at: ctx.at };
    updated.status = base("quote_statuses", "INVOICED", QUOTE_STATUSES.INVOICED);
    updated.invoice = link("sales_invoices", invoice);
    ctx.db.collection(collection).replace(updated);
    return;
  }
  throw invalid("original_quote_estimate_id", "Original quote or estimate not found");
};

const withArticle = (/** @type {string} */ noun) => `${/^[aeiou]/.test(noun) ? "an" : "a"} ${noun}`;

/** @param {string} collection */
const documentResource = (collection) => {
  const routes = documentRoutes(collection);
  /** @type {DocumentKind} */
  const kind = { ...DOCUMENT_RULES[collection], ...routes, collection };
  const numberField = `${kind.number}_number`;
  return {
    wrapper: kind.wrapper,
    label: kind.label,
    post: kind.post,
    put: kind.put,
    canDelete: kind.canDelete,
    canRelease: kind.canRelease,
    pdf: kind.pdf,
    numberField,
    queries: kind.queries,
    searchFields: kind.searchFields,
    /** @param {Ctx} ctx @param {SageRecord} doc */
    refresh: (ctx, doc) => refreshDocument(ctx, kind, doc),
    /** @param {Ctx} ctx @param {SageRecord} body */
    create(ctx, body) {
      const {
        [kind.linesField]: bodyLines,
        status_id,
        original_quote_estimate_id: sourceId,
        ...rest
      } = /** @type {SageRecord} */ (body);
      const patch = materialize(ctx, rest);
      const lines = buildLines(ctx, kind, Array.isArray(bodyLines) ? bodyLines : []);
      const allowed = createStatuses(kind);
      if (status_id !== undefined && !allowed.includes(status_id)) {
        ctx.errors.push(sageError("status_id", `Status must be ${allowed.join(" or ")} when a document is created`));
      }
      const contact = checkDocumentContact(ctx, kind, patch.contact);
      if (typeof body.due_date === "string" && body.due_date < body.date)
        ctx.errors.push(sageError("due_date", "Due date must be on or after the invoice date"));
      if (typeof body.expiry_date === "string" && body.expiry_date < body.date)
        ctx.errors.push(sageError("expiry_date", "Expiry date must be on or after the date"));
      failIfErrors(ctx);
      const id = newId();
      const number =
        typeof body[numberField] === "string" && body[numberField]
          ? body[numberField]
          : `${kind.prefix}${ctx.db.next(kind.collection)}`;
      const statusCode = status_id === "DRAFT" ? "DRAFT" : allowed[1];
      const currency = ctx.db.collection("currencies").get("GBP");
      /** @type {SageRecord} */
      const doc = {
        ...base(kind.collection, id, number),
        created_at: ctx.at,
        updated_at: ctx.at,
        links: [],
        editable: true,
        tax_calculation_method: null,
        transaction: statusCode === "DRAFT" || !kind.transactionType ? null : base("transactions", newId(), number),
        transaction_type: kind.transactionType ? base("transaction_types", ...kind.transactionType) : null,
        deleted_at: null,
        is_cis: false,
        contact: null,
        [`${numberField}_prefix`]: kind.prefix,
        [numberField]: number,
        contact_name: contact?.name ?? null,
        contact_reference: contact?.reference ?? null,
        date: body.date,
        ...(kind.dates === "due"
          ? {
              due_date:
                typeof body.due_date === "string"
                  ? body.due_date
                  : addDays(body.date, typeof contact?.credit_days === "number" ? contact.credit_days : 30),
            }
          : {}),
        reference: null,
        vendor_reference: null,
        ...(kind.contactType === "CUSTOMER"
          ? {
              main_address: artefactAddress(contact?.main_address),
              delivery_address: artefactAddress(contact?.delivery_address),
            }
          : {}),
        notes: null,
        net_amount: 0,
        tax_amount: 0,
        total_amount: 0,
        payments_allocations_total_amount: 0,
        payments_allocations_total_discount: 0,
        total_paid: 0,
        outstanding_amount: 0,
        currency: currency ? link("currencies", currency) : null,
        exchange_rate: 1,
        inverse_exchange_rate: 1,
        total_quantity: 0,
        total_discount_amount: 0,
        status: statusLink(ctx, kind, statusCode),
        ...(kind.contactType === "CUSTOMER" ? { sent: false, sent_by_email: false } : {}),
        void_reason: null,
        [kind.linesField]: [],
        tax_analysis: [],
        payments_allocations: [],
        last_paid: null,
        withholding_tax_rate: null,
        withholding_tax_amount: null,
        corrections: [],
        tax_reconciled: false,
        migrated: false,
        invoice: null,
      };
      merge(doc, patch);
      // A number field the spec types string (PurchaseCreditNote.inverse_exchange_rate) goes out as
      // Sage's decimal string, as present() writes the fields it types number.
      for (const field of kind.stringFields) if (typeof doc[field] === "number") doc[field] = sageDecimal(doc[field]);
      doc[kind.linesField] = lines;
      if (sourceId !== undefined) linkQuoteOrEstimate(ctx, doc, sourceId);
      return refreshDocument(ctx, kind, doc);
    },
    /** @param {Ctx} ctx @param {SageRecord} record @param {SageRecord} body */
    update(ctx, record, body) {
      if (record.status?.id === "VOID")
        throw invalid("", `${kind.label} ${record.displayed_as} is void and cannot be edited`);
      const { [kind.linesField]: bodyLines, status_id, ...rest } = /** @type {SageRecord} */ (body);
      const patch = materialize(ctx, rest);
      const lines = Array.isArray(bodyLines) ? buildLines(ctx, kind, bodyLines) : undefined;
      const contact = checkDocumentContact(ctx, kind, patch.contact ?? null);
      const [draft, released] = createStatuses(kind);
      if (
        status_id !== undefined &&
        !(status_id === record.status?.id || (record.status?.id === draft && status_id === released))
      ) {
        ctx.errors.push(
          sageError(
            "status_id",
            `Status can only change from ${draft} to ${released}; payments set the other statuses`,
          ),
        );
      }
      failIfErrors(ctx);
      const doc = merge(structuredClone(record), patch);
      if (contact && body.contact_name === undefined) doc.contact_name = contact.name;
      if (contact) doc.contact_reference = contact.reference ?? null;
      if (lines) doc[kind.linesField] = lines;
      if (status_id === released && record.status?.id === draft) release(ctx, kind, doc);
      if (typeof doc.due_date === "string" && doc.due_date < doc.date)
        throw invalid("due_date", "Due date must be on or after the invoice date");
      if (typeof doc.expiry_date === "string" && doc.expiry_date < doc.date)
        throw invalid("expiry_date", "Expiry date must be on or after the date");
      refreshDocument(ctx, kind, doc);
      doc.displayed_as = doc[numberField];
      if (doc.outstanding_amount < 0)
        throw invalid("total_amount", `Total amount cannot be less than the ${doc.total_paid} already paid`);
      return doc;
    },
    /** @param {Ctx} ctx @param {SageRecord} record @param {URLSearchParams} q */
    remove(ctx, record, q) {
      if (round2(Number(record.total_paid) || 0) > 0) {
        throw invalid("", `${kind.label} ${record.displayed_as} has payments allocated; delete the payments first`);
      }
      if (!kind.voids || record.status?.id === "DRAFT") return "deleted";
      if (record.status?.id === "VOID") throw invalid("", `${kind.label} ${record.displayed_as} is already void`);
      const reason = q.get("void_reason");
      if (!reason || !reason.trim())
        throw invalid(
          "void_reason",
          `Void reason can't be blank: give void_reason to void ${withArticle(kind.number.replace(/_/g, " "))} that is not a draft`,
        );
      record.status = statusLink(ctx, kind, "VOID") ?? record.status;
      record.void_reason = reason;
      record.editable = false;
      refreshDocument(ctx, kind, record);
      return "kept";
    },
    /** @param {Ctx} ctx @param {SageRecord} record */
    release(ctx, record) {
      if (record.status?.id !== "DRAFT")
        throw invalid(
          "status_id",
          `Only a draft can be released; ${record.displayed_as} is ${record.status?.displayed_as ?? "not a draft"}`,
        );
      const doc = structuredClone(record);
      release(ctx, kind, doc);
      return refreshDocument(ctx, kind, doc);
    },
    /** @param {SageRecord} record @param {QueryLookup} q */
    filter(record, q) {
      const contactId = q.get("contact_id");
      if (contactId && record.contact?.id !== contactId) return false;
      const status = q.get("status_id");
      if (
        status &&
        !status
          .split(",")
          .map((s) => s.trim())
          .includes(record.status?.id)
      )
        return false;
      const from = q.get("from_date");
      if (from && record.date < from) return false;
      const to = q.get("to_date");
      if (to && record.date > to) return false;
      return true;
    },
    /** @param {URLSearchParams} q */
    checkQuery(q) {
      for (const name of ["from_date", "to_date"]) {
        const value = q.get(name);
        if (value && !isDate(value)) throw invalid(name, `${humanize(name)} must be a date in the format YYYY-MM-DD`);
      }
    },
  };
};

/** DRAFT → released (UNPAID, or PENDING for a quote): an artefact gets its transaction. */
const release = (/** @type {Ctx} */ ctx, /** @type {DocumentKind} */ kind, /** @type {SageRecord} */ doc) => {
  doc.status = statusLink(ctx, kind, createStatuses(kind)[1]) ?? doc.status;
  if (kind.transactionType) doc.transaction ??= base("transactions", newId(), doc.displayed_as);
};

/** Every document kind of documents.js, served by its collection name. */
const DOCUMENTS = Object.fromEntries(Object.keys(DOCUMENT_RULES).map((name) => [name, documentResource(name)]));

// ---------------------------------------------------------------------------------------------
// Contact payments

/** Which invoices (or, for a refund, credit notes: allocations.js) a payment of each transaction type settles. */
const PAYMENT_TYPES = {
  CUSTOMER_RECEIPT: { invoices: "sales_invoices", contactType: "CUSTOMER", bankSign: 1, label: "Customer Receipt" },
  VENDOR_PAYMENT: { invoices: "purchase_invoices", contactType: "VENDOR", bankSign: -1, label: "Supplier Payment" },
  ...REFUND_PAYMENT_TYPES,
};

/**
 * Check a payment's allocations against the invoices' outstanding amounts.
 * @param {Ctx} ctx @param {SageRecord} payment (record shape) @param {unknown[]} allocations (body shape)
 * @returns {{ invoice: SageRecord, amount: number, discount: number }[]}
 */
const checkAllocations = (ctx, payment, allocations) => {
  const type = PAYMENT_TYPES[/** @type {keyof typeof PAYMENT_TYPES} */ (payment.transaction_type?.id)];
  /** @type {{ invoice: SageRecord, amount: number, discount: number }[]} */
  const result = [];
  /** @type {Map<string, number>} */
  const pending = new Map();
  allocations.forEach((raw, index) => {
    const allocation = /** @type {SageRecord} */ (raw);
    const source = `allocated_artefacts.${index}`;
    requireFields(ctx, allocation, ["artefact_id", "amount"], `${source}.`);
    if (typeof allocation.artefact_id !== "string" || typeof allocation.amount !== "number") return;
    const invoice = type ? ctx.db.collection(type.invoices).get(allocation.artefact_id) : undefined;
    if (!invoice) {
      ctx.errors.push(
        sageError(
          `${source}.artefact_id`,
          `Artefact '${allocation.artefact_id}' is not an invoice a ${type?.label ?? "payment"} can settle`,
        ),
      );
      return;
    }
    if (invoice.contact?.id !== payment.contact?.id) {
      ctx.errors.push(sageError(`${source}.artefact_id`, `${invoice.displayed_as} belongs to another contact`));
      return;
    }
    if (invoice.status?.id === "VOID" || invoice.status?.id === "DRAFT") {
      ctx.errors.push(
        sageError(
          `${source}.artefact_id`,
          `${invoice.displayed_as} is ${invoice.status.displayed_as.toLowerCase()} and cannot be paid`,
        ),
      );
      return;
    }
    if (!(allocation.amount > 0)) {
      ctx.errors.push(sageError(`${source}.amount`, "Amount must be greater than 0"));
      return;
    }
    const discount = typeof allocation.discount === "number" ? allocation.discount : 0;
    const already = pending.get(invoice.id) ?? 0;
    const outstanding = round2(invoice.outstanding_amount - already);
    if (round2(allocation.amount + discount) > outstanding) {
      ctx.errors.push(
        sageError(
          `${source}.amount`,
          `Amount ${allocation.amount} exceeds the outstanding amount ${outstanding} of ${invoice.displayed_as}`,
        ),
      );
      return;
    }
    pending.set(invoice.id, round2(already + allocation.amount + discount));
    result.push({ invoice, amount: allocation.amount, discount });
  });
  return result;
};

/** Apply (sign 1) or undo (sign -1) a payment's allocations on its invoices and bank account. */
const applyPayment = (/** @type {Ctx} */ ctx, /** @type {SageRecord} */ payment, /** @type {1 | -1} */ sign) => {
  const type = PAYMENT_TYPES[/** @type {keyof typeof PAYMENT_TYPES} */ (payment.transaction_type?.id)];
  if (!type) return;
  for (const allocation of payment.allocated_artefacts ?? []) {
    const invoice = ctx.db.collection(type.invoices).get(allocation.artefact?.id);
    if (!invoice) continue;
    invoice.total_paid = round2((invoice.total_paid ?? 0) + sign * allocation.amount);
    invoice.payments_allocations_total_amount = round2(
      (invoice.payments_allocations_total_amount ?? 0) + sign * allocation.amount,
    );
    invoice.payments_allocations_total_discount = round2(
      (invoice.payments_allocations_total_discount ?? 0) + sign * (allocation.discount ?? 0),
    );
    if (sign === 1) {
      invoice.payments_allocations = [
        ...(invoice.payments_allocations ?? []),
        {
          links: [],
          date: payment.date,
          type: type.label,
          reference: payment.reference ?? null,
          amount: allocation.amount,
          discount: allocation.discount ?? 0,
          contact_payment: link("contact_payments", payment),
          artefact: link(type.invoices, invoice),
          displayed_as: payment.displayed_as,
          negative_payment: false,
        },
      ];
      invoice.last_paid = payment.date;
    } else {
      invoice.payments_allocations = (invoice.payments_allocations ?? []).filter(
        (/** @type {SageRecord} */ a) => a.contact_payment?.id !== payment.id,
      );
      invoice.last_paid = invoice.payments_allocations.reduce(
        (/** @type {string|null} */ last, /** @type {SageRecord} */ a) => (!last || a.date > last ? a.date : last),
        null,
      );
    }
    DOCUMENTS[type.invoices].refresh(ctx, invoice);
  }
  const bank = payment.bank_account ? ctx.db.collection("bank_accounts").get(payment.bank_account.id) : undefined;
  if (bank) {
    bank.balance = round2((bank.balance ?? 0) + sign * type.bankSign * (payment.total_amount ?? 0));
    bank.updated_at = ctx.at;
  }
};

/** @param {Ctx} ctx @param {SageRecord} payment @param {SageRecord} body */
const checkPayment = (ctx, payment, body) => {
  const typeId = payment.transaction_type?.id;
  const type = PAYMENT_TYPES[/** @type {keyof typeof PAYMENT_TYPES} */ (typeId)];
  if (typeId && !type)
    ctx.errors.push(
      sageError(
        "transaction_type_id",
        `Transaction type ${typeId} is not supported by the sandbox (use ${Object.keys(PAYMENT_TYPES).join(", ")})`,
      ),
    );
  if (type && payment.contact) {
    const contact = ctx.db.collection("contacts").get(payment.contact.id);
    if (contact && !contact.contact_types?.some((/** @type {SageRecord} */ t) => t.id === type.contactType)) {
      ctx.errors.push(
        sageError(
          "contact_id",
          `Contact '${contact.displayed_as}' is not a ${type.contactType === "CUSTOMER" ? "customer" : "supplier"}`,
        ),
      );
    }
  }
  if (!(payment.total_amount > 0)) ctx.errors.push(sageError("total_amount", "Total amount must be greater than 0"));
  if (ctx.errors.length) return [];
  const allocations = checkAllocations(
    ctx,
    payment,
    Array.isArray(body.allocated_artefacts) ? body.allocated_artefacts : [],
  );
  if (!ctx.errors.length && allocations.length) {
    const allocated = round2(allocations.reduce((sum, a) => sum + a.amount, 0));
    const onAccount = Number(payment.payment_on_account?.total_amount) || 0;
    if (round2(allocated + onAccount) !== round2(payment.total_amount)) {
      ctx.errors.push(
        sageError(
          "total_amount",
          `Total amount ${payment.total_amount} must equal the allocated amounts (${allocated})${onAccount ? ` plus the payment on account (${onAccount})` : ""}`,
        ),
      );
    }
  }
  return allocations;
};

/** @param {Ctx} ctx @param {SageRecord} payment @param {{ invoice: SageRecord, amount: number, discount: number }[]} allocations @param {string} invoicesCollection */
const setAllocations = (ctx, payment, allocations, invoicesCollection) => {
  payment.allocated_artefacts = allocations.map(({ invoice, amount, discount }) => ({
    id: newId(),
    artefact: link(invoicesCollection, invoice),
    amount,
    discount,
  }));
};

const contactPayments = {
  wrapper: "contact_payment",
  label: "Contact payment",
  post: "postContactPayments",
  put: "putContactPayments",
  canDelete: true,
  queries: [
    "updated_or_created_since",
    "deleted_since",
    "contact_id",
    "bank_account_id",
    "transaction_type_id",
    "from_date",
    "to_date",
  ],
  /** @param {Ctx} ctx @param {SageRecord} body */
  create(ctx, body) {
    const { allocated_artefacts, ...rest } = body;
    const patch = materialize(ctx, rest);
    failIfErrors(ctx);
    const currency = ctx.db.collection("currencies").get("GBP");
    const id = newId();
    /** @type {SageRecord} */
    const payment = {
      ...base("contact_payments", id, ""),
      created_at: ctx.at,
      updated_at: ctx.at,
      links: [],
      transaction: base("transactions", newId(), ""),
      transaction_type: null,
      deleted_at: null,
      payment_method: null,
      contact: null,
      bank_account: null,
      date: body.date,
      net_amount: body.total_amount,
      tax_amount: 0,
      total_amount: body.total_amount,
      currency: currency ? link("currencies", currency) : null,
      exchange_rate: 1,
      base_currency_net_amount: body.total_amount,
      base_currency_tax_amount: 0,
      base_currency_total_amount: body.total_amount,
      base_currency_currency_charge: 0,
      reference: null,
      allocated_artefacts: [],
      tax_rate: null,
      payment_on_account: null,
      editable: true,
    };
    merge(payment, patch);
    openPaymentOnAccount(ctx, payment);
    const allocations = checkPayment(ctx, payment, body);
    failIfErrors(ctx);
    const type = PAYMENT_TYPES[/** @type {keyof typeof PAYMENT_TYPES} */ (payment.transaction_type.id)];
    payment.displayed_as = payment.reference || `${type.label} ${payment.date}`;
    payment.transaction.displayed_as = payment.displayed_as;
    setAllocations(ctx, payment, allocations, type.invoices);
    applyPayment(ctx, payment, 1);
    return payment;
  },
  /** @param {Ctx} ctx @param {SageRecord} record @param {SageRecord} body */
  update(ctx, record, body) {
    const { allocated_artefacts, ...rest } = body;
    const patch = materialize(ctx, rest);
    failIfErrors(ctx);
    const payment = merge(structuredClone(record), patch);
    if (body.total_amount !== undefined && body.net_amount === undefined) payment.net_amount = payment.total_amount;
    // Re-check the allocations against the invoices as they would be without this payment.
    applyPayment(ctx, record, -1);
    const wanted =
      allocated_artefacts ??
      record.allocated_artefacts.map((/** @type {SageRecord} */ a) => ({
        artefact_id: a.artefact.id,
        amount: a.amount,
        discount: a.discount,
      }));
    const allocations = checkPayment(ctx, payment, { allocated_artefacts: wanted });
    if (ctx.errors.length) {
      applyPayment(ctx, record, 1);
      failIfErrors(ctx);
    }
    const type = PAYMENT_TYPES[/** @type {keyof typeof PAYMENT_TYPES} */ (payment.transaction_type.id)];
    payment.displayed_as = payment.reference || `${type.label} ${payment.date}`;
    payment.updated_at = ctx.at;
    setAllocations(ctx, payment, allocations, type.invoices);
    applyPayment(ctx, payment, 1);
    return payment;
  },
  /** @param {Ctx} ctx @param {SageRecord} record */
  remove(ctx, record) {
    applyPayment(ctx, record, -1);
    return "deleted";
  },
  /** @param {SageRecord} record @param {QueryLookup} q */
  filter(record, q) {
    for (const [param, field] of [
      ["contact_id", "contact"],
      ["bank_account_id", "bank_account"],
      ["transaction_type_id", "transaction_type"],
    ]) {
      const value = q.get(param);
      if (value && record[field]?.id !== value) return false;
    }
    const from = q.get("from_date");
    if (from && record.date < from) return false;
    const to = q.get("to_date");
    if (to && record.date > to) return false;
    return true;
  },
  checkQuery: documentResource("sales_invoices").checkQuery,
};

// ---------------------------------------------------------------------------------------------
// Bank accounts, products, services, tax rates: plain records

/**
 * A resource whose POST/PUT just store the given fields (with references resolved).
 * @param {{ collection: string, wrapper: string, label: string, post: string, put: string, display: (r: SageRecord) => string, defaults: (ctx: Ctx, body: SageRecord) => SageRecord, queries?: string[], searchFields?: string[], filter?: (r: SageRecord, q: QueryLookup) => boolean, beforeCreate?: (ctx: Ctx, record: SageRecord, body: SageRecord) => void }} spec
 */
const plainResource = (spec) => ({
  wrapper: spec.wrapper,
  label: spec.label,
  post: spec.post,
  put: spec.put,
  canDelete: true,
  queries: spec.queries ?? ["updated_or_created_since", "deleted_since"],
  searchFields: spec.searchFields,
  filter: spec.filter,
  /** @param {Ctx} ctx @param {SageRecord} body */
  create(ctx, body) {
    const patch = materialize(ctx, body);
    failIfErrors(ctx);
    const record = merge(
      {
        ...base(spec.collection, newId(), ""),
        created_at: ctx.at,
        updated_at: ctx.at,
        deleted_at: null,
        ...spec.defaults(ctx, body),
      },
      patch,
    );
    spec.beforeCreate?.(ctx, record, body);
    failIfErrors(ctx);
    record.displayed_as = spec.display(record);
    return record;
  },
  /** @param {Ctx} ctx @param {SageRecord} record @param {SageRecord} body */
  update(ctx, record, body) {
    const patch = materialize(ctx, body);
    failIfErrors(ctx);
    const updated = merge(structuredClone(record), patch);
    updated.displayed_as = spec.display(updated);
    updated.updated_at = ctx.at;
    return updated;
  },
  remove() {
    return "deleted";
  },
});

const catalogueDefaults = () => ({
  deletable: true,
  deactivatable: true,
  used_on_recurring_invoice: false,
  item_code: null,
  description: "",
  notes: null,
  sales_ledger_account: null,
  purchase_ledger_account: null,
  sales_tax_rate: null,
  purchase_tax_rate: null,
  usual_supplier: null,
  cost_price: null,
  source_guid: null,
  purchase_description: null,
  active: true,
});

const activeFilter = (/** @type {SageRecord} */ record, /** @type {QueryLookup} */ q) => {
  const active = q.get("active");
  return !active || String(record.active) === active;
};

const bankAccounts = plainResource({
  collection: "bank_accounts",
  wrapper: "bank_account",
  label: "Bank account",
  post: "postBankAccounts",
  put: "putBankAccounts",
  display: (r) =>
    `${r.bank_account_details?.account_name ?? r.bank_account_type?.displayed_as ?? "Bank"} (${r.nominal_code})`,
  defaults: () => ({
    bank_account_details: { account_name: null, account_number: null, sort_code: null, bic: null, iban: null },
    ledger_account: null,
    bank_account_type: null,
    balance: 0,
    main_address: null,
    main_contact_person: null,
    nominal_code: null,
    editable: true,
    deletable: true,
    journal_code: null,
    default_payment_method: null,
    gifi_code: null,
  }),
  // Sage creates the bank account's ledger account (type BANK) along with it.
  beforeCreate(ctx, record, body) {
    if (record.ledger_account) return;
    const accounts = ctx.db.collection("ledger_accounts");
    let code = typeof body.nominal_code === "number" ? body.nominal_code : 1220;
    if (typeof body.nominal_code === "number" && accounts.items.some((a) => a.nominal_code === code)) {
      ctx.errors.push(sageError("nominal_code", `Nominal code ${code} is already in use by another ledger account`));
      return;
    }
    while (accounts.items.some((a) => a.nominal_code === code)) code++;
    const name = record.bank_account_details?.account_name ?? "Bank account";
    const account = refreshLedgerAccount(
      ctx,
      ledgerAccountRecord({ id: newId(), name, nominal_code: code, type: "BANK", at: ctx.at }),
    );
    accounts.add(account);
    record.ledger_account = link("ledger_accounts", account);
    record.nominal_code = code;
  },
});

const products = plainResource({
  collection: "products",
  wrapper: "product",
  label: "Product",
  post: "postProducts",
  put: "putProducts",
  display: (r) => r.description,
  defaults: () => ({
    ...catalogueDefaults(),
    sales_prices: [],
    catalog_item_type: base("catalog_item_types", "STOCK_ITEM", "Stock"),
  }),
  queries: ["updated_or_created_since", "deleted_since", "search", "active"],
  searchFields: ["description", "item_code"],
  filter: activeFilter,
});

const services = plainResource({
  collection: "services",
  wrapper: "service",
  label: "Service",
  post: "postServices",
  put: "putServices",
  display: (r) => r.description,
  defaults: () => ({ ...catalogueDefaults(), sales_rates: [] }),
  queries: ["updated_or_created_since", "deleted_since", "search", "active"],
  searchFields: ["description", "item_code"],
  filter: activeFilter,
});

const taxRates = plainResource({
  collection: "tax_rates",
  wrapper: "tax_rate",
  label: "Tax rate",
  post: "postTaxRates",
  put: "putTaxRates",
  display: (r) => r.name,
  defaults: () => ({
    name: "",
    agency: null,
    percentage: 0,
    percentages: [],
    is_visible: true,
    retailer: false,
    editable: true,
    deletable: true,
    is_combined_rate: false,
    component_tax_rates: [],
  }),
  queries: ["updated_or_created_since"],
});

/** Read-only lookups: GET list and GET one only. */
const lookup = (/** @type {string} */ label) => ({ label, queries: /** @type {string[]} */ ([]) });

/** Other payments and receipts, bank transfers and deposits, and bank accounts with Sage's delete rules. */
const banking = bankingResources({
  materialize,
  merge,
  link,
  newId,
  round2,
  invalid,
  failIfErrors,
  bankAccounts,
  paymentFilter: contactPayments.filter,
});

/** @type {Record<string, any>} */
const RESOURCES = {
  contacts,
  contact_persons: contactPersons,
  ledger_accounts: ledgerAccounts,
  ...DOCUMENTS,
  contact_payments: contactPayments,
  ...ALLOCATION_RESOURCES,
  bank_accounts: banking.bank_accounts,
  products,
  services,
  tax_rates: taxRates,
  contact_types: lookup("Contact type"),
  contact_person_types: lookup("Contact person type"),
  address_types: lookup("Address type"),
  countries: lookup("Country"),
  currencies: lookup("Currency"),
  ledger_account_types: lookup("Ledger account type"),
  payment_methods: lookup("Payment method"),
  transaction_types: lookup("Transaction type"),
  artefact_statuses: lookup("Artefact status"),
  bank_account_types: lookup("Bank account type"),
  ...LEDGER_RESOURCES,
  other_payments: banking.other_payments,
  bank_transfers: banking.bank_transfers,
  bank_deposits: banking.bank_deposits,
  stock_items: require("./catalogue").stockItems({ plainResource, catalogueDefaults, activeFilter }),
  attachments: attachmentsResource({ newId, SandboxError, failIfErrors }),
};

module.exports = {
  RESOURCES,
  SandboxError,
  failIfErrors,
  invalid,
  notFound,
  newId,
  withIds,
  round2,
  materialize,
  merge,
  link,
};
