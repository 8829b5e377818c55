// @ts-check
"use strict";

/**
 * Allocations and refunds: `POST /contact_allocations` sets a credit note or a payment on account
 * off against invoices of the same contact, `GET /unallocated_artefacts` lists what a contact
 * still has to allocate, and refunds (contact payments of type CUSTOMER_REFUND / VENDOR_REFUND)
 * pay a credit note out of a bank account. Refund payments go through resources.js's contact
 * payment code (PAYMENT_TYPES there spreads REFUND_PAYMENT_TYPES below); a payment on account
 * gets its outstanding amount from `openPaymentOnAccount`, called by that code's create.
 *
 * Sage's rules the sandbox follows: an allocation's artefacts all belong to its contact, none is
 * void or a draft, none gets more than its outstanding amount; an allocated invoice's outstanding
 * amount goes down and its status becomes PART_PAID or PAID as a payment makes it (Sage shows a
 * credited invoice as Paid); a credit note's outstanding amount goes down the same way.
 *
 * The sandbox's own choices, where Sage's spec, guides and recordings show nothing:
 * - signs: invoices positive, credit notes and payments on account negative, adding up to 0 (the
 *   sign convention of Sage's allocation guide; the spec only says "The allocated amount");
 * - the transaction types CUSTOMER_ALLOCATION / VENDOR_ALLOCATION (the only ones accepted);
 * - an unallocated artefact's fields beyond the spec's id, displayed_as, $path and links
 *   (artefact_type, contact, date, reference, total_amount, outstanding_amount), and its $path
 *   being the credit note's or payment's own path;
 * - a payment on account is allocated by its own id (payment_on_account.id), not the payment's;
 * - DELETE of an allocation gives every amount back.
 */

const { sageError } = require("./schema");
const { base } = require("./seed");

/** @typedef {Record<string, any>} SageRecord */
/** @typedef {import("./resources").Ctx} Ctx */

/** resources.js requires this file while it loads, so its helpers are read when a request runs. */
const core = () => /** @type {typeof import("./resources")} */ (require("./resources"));

/** Refund payments: a customer refund pays a sales credit note back out of the bank, a supplier refund the reverse. */
const REFUND_PAYMENT_TYPES = {
  CUSTOMER_REFUND: { invoices: "sales_credit_notes", contactType: "CUSTOMER", bankSign: -1, label: "Customer Refund" },
  VENDOR_REFUND: { invoices: "purchase_credit_notes", contactType: "VENDOR", bankSign: 1, label: "Supplier Refund" },
};

/** What each allocation type sets off against what. */
const ALLOCATION_TYPES = {
  CUSTOMER_ALLOCATION: {
    label: "Customer Allocation",
    invoices: "sales_invoices",
    creditNotes: "sales_credit_notes",
    receipt: "CUSTOMER_RECEIPT",
  },
  VENDOR_ALLOCATION: {
    label: "Supplier Allocation",
    invoices: "purchase_invoices",
    creditNotes: "purchase_credit_notes",
    receipt: "VENDOR_PAYMENT",
  },
};

/**
 * A new payment's payment on account (the part not allocated to invoices) gets an id, its
 * contact and an outstanding amount equal to its total; allocations then bring that down.
 * @param {Ctx} ctx @param {SageRecord} payment
 */
const openPaymentOnAccount = (ctx, payment) => {
  const onAccount = payment.payment_on_account;
  if (!onAccount || typeof onAccount !== "object") return;
  const total = Number(onAccount.total_amount) || 0;
  const id = onAccount.id ?? core().newId();
  // No $path (the sandbox's choice: Sage's spec has no path for it), so a GET of the payment shows it
  // in full, outstanding amount included, rather than as a link.
  Object.assign(onAccount, {
    id,
    displayed_as: payment.reference || `Payment on Account ${payment.date}`,
    created_at: ctx.at,
    updated_at: ctx.at,
    contact: payment.contact,
    date: onAccount.date ?? payment.date,
    reference: onAccount.reference ?? payment.reference ?? null,
    net_amount: total,
    tax_amount: 0,
    total_amount: total,
    outstanding_amount: onAccount.outstanding_amount ?? total,
    currency: payment.currency,
    exchange_rate: 1,
    base_currency_net_amount: total,
    base_currency_tax_amount: 0,
    base_currency_total_amount: total,
    base_currency_outstanding_amount: onAccount.outstanding_amount ?? total,
  });
};

/**
 * An artefact an allocation can name: an invoice, a credit note, or a payment's payment on account.
 * @param {Ctx} ctx @param {(typeof ALLOCATION_TYPES)[keyof typeof ALLOCATION_TYPES]} type @param {string} id
 * @returns {{ kind: "invoice" | "credit" | "onAccount", collection: string, record: SageRecord, payment?: SageRecord } | undefined}
 */
const artefactOf = (ctx, type, id) => {
  const invoice = ctx.db.collection(type.invoices).get(id);
  if (invoice) return { kind: "invoice", collection: type.invoices, record: invoice };
  const credit = ctx.db.collection(type.creditNotes).get(id);
  if (credit) return { kind: "credit", collection: type.creditNotes, record: credit };
  const payment = ctx.db
    .collection("contact_payments")
    .items.find((p) => p.payment_on_account?.id === id && p.transaction_type?.id === type.receipt);
  if (payment)
    return { kind: "onAccount", collection: "contact_payments", record: payment.payment_on_account, payment };
  return undefined;
};

/**
 * Move an artefact's settled amount by `amount` (positive: allocated; negative: given back).
 * @param {Ctx} ctx @param {ReturnType<typeof artefactOf> & {}} artefact @param {number} amount @param {SageRecord} allocation
 */
const settle = (ctx, artefact, amount, allocation) => {
  const { round2, link } = core();
  const { record } = artefact;
  if (artefact.kind === "onAccount") {
    record.outstanding_amount = round2(record.outstanding_amount - amount);
    record.base_currency_outstanding_amount = record.outstanding_amount;
    record.updated_at = ctx.at;
    if (artefact.payment) artefact.payment.updated_at = ctx.at;
    return;
  }
  record.total_paid = round2((record.total_paid ?? 0) + amount);
  record.payments_allocations_total_amount = round2((record.payments_allocations_total_amount ?? 0) + amount);
  const others = (record.payments_allocations ?? []).filter(
    (/** @type {SageRecord} */ a) => a.contact_allocation?.id !== allocation.id,
  );
  record.payments_allocations =
    amount > 0
      ? [
          ...others,
          {
            links: [],
            date: allocation.date,
            type: allocation.transaction_type.displayed_as,
            reference: null,
            amount,
            discount: 0,
            contact_allocation: link("contact_allocations", allocation),
            artefact: link(artefact.collection, record),
            contact_payment: null,
            displayed_as: allocation.displayed_as,
            negative_payment: false,
          },
        ]
      : others;
  core().RESOURCES[artefact.collection].refresh(ctx, record);
};

/**
 * Check an allocation body's artefacts: the contact's, live, within their outstanding amounts,
 * invoices positive and credits negative, adding up to 0. Problems go to ctx.errors.
 * @param {Ctx} ctx @param {(typeof ALLOCATION_TYPES)[keyof typeof ALLOCATION_TYPES]} type @param {string} contactId @param {unknown[]} lines
 */
const checkArtefacts = (ctx, type, contactId, lines) => {
  const { round2 } = core();
  /** @type {{ artefact: ReturnType<typeof artefactOf> & {}, amount: number }[]} */
  const result = [];
  /** @type {Map<string, number>} */
  const pending = new Map();
  lines.forEach((raw, index) => {
    const line = /** @type {SageRecord} */ (raw);
    const source = `allocated_artefacts.${index}`;
    if (typeof line.artefact_id !== "string" || typeof line.amount !== "number") {
      ctx.errors.push(sageError(source, "Artefact and amount can't be blank"));
      return;
    }
    const artefact = artefactOf(ctx, type, line.artefact_id);
    if (!artefact) {
      ctx.errors.push(sageError(`${source}.artefact_id`, `Artefact '${line.artefact_id}' can't be allocated here`));
      return;
    }
    const { record } = artefact;
    if (record.contact?.id !== contactId) {
      ctx.errors.push(sageError(`${source}.artefact_id`, `${record.displayed_as} belongs to another contact`));
      return;
    }
    const status = record.status?.id;
    if (status === "VOID" || status === "DRAFT") {
      ctx.errors.push(sageError(`${source}.artefact_id`, `${record.displayed_as} is ${status.toLowerCase()}`));
      return;
    }
    const wantsPositive = artefact.kind === "invoice";
    if (line.amount === 0 || line.amount > 0 !== wantsPositive) {
      ctx.errors.push(
        sageError(
          `${source}.amount`,
          `Amount must be ${wantsPositive ? "positive for an invoice" : "negative for a credit"}`,
        ),
      );
      return;
    }
    const already = pending.get(record.id) ?? 0;
    const outstanding = round2(Number(record.outstanding_amount) - already);
    const amount = Math.abs(line.amount);
    if (round2(amount) > outstanding) {
      ctx.errors.push(
        sageError(
          `${source}.amount`,
          `Amount ${amount} exceeds the outstanding amount ${outstanding} of ${record.displayed_as}`,
        ),
      );
      return;
    }
    pending.set(record.id, round2(already + amount));
    result.push({ artefact, amount });
  });
  if (!ctx.errors.length) {
    const sum = round2(
      lines.reduce((/** @type {number} */ total, line) => total + /** @type {SageRecord} */ (line).amount, 0),
    );
    if (sum !== 0)
      ctx.errors.push(sageError("allocated_artefacts", `The allocated amounts must add up to 0, not ${sum}`));
  }
  return result;
};

/** Apply (1) or undo (-1) an allocation's amounts on its artefacts. @param {Ctx} ctx @param {SageRecord} allocation @param {1 | -1} sign */
const applyAllocation = (ctx, allocation, sign) => {
  const type = ALLOCATION_TYPES[/** @type {keyof typeof ALLOCATION_TYPES} */ (allocation.transaction_type.id)];
  for (const line of allocation.allocated_artefacts) {
    const artefact = artefactOf(ctx, type, line.artefact.id);
    if (artefact) settle(ctx, artefact, sign * Math.abs(line.amount), allocation);
  }
};

const contactAllocations = {
  wrapper: "contact_allocation",
  label: "Contact allocation",
  post: "postContactAllocations",
  canDelete: true,
  queries: ["updated_or_created_since", "deleted_since", "contact_id", "transaction_type_id"],
  /** @param {Ctx} ctx @param {SageRecord} body */
  create(ctx, body) {
    const { invalid, materialize, newId, link } = core();
    const type = ALLOCATION_TYPES[/** @type {keyof typeof ALLOCATION_TYPES} */ (body.transaction_type_id)];
    if (!type)
      throw invalid(
        "transaction_type_id",
        `Transaction type ${body.transaction_type_id} is not an allocation (use ${Object.keys(ALLOCATION_TYPES).join(" or ")})`,
      );
    const { contact } = materialize(ctx, { contact_id: body.contact_id });
    const lines = checkArtefacts(ctx, type, body.contact_id, body.allocated_artefacts);
    core().failIfErrors(ctx);
    const id = newId();
    // The sandbox's own default: an allocation without a date is dated today.
    const date = body.date ?? ctx.at.slice(0, 10);
    /** @type {SageRecord} */
    const allocation = {
      ...base("contact_allocations", id, `${type.label} ${date}`),
      created_at: ctx.at,
      updated_at: ctx.at,
      links: [],
      transaction: base("transactions", newId(), `${type.label} ${date}`),
      transaction_type: base("transaction_types", body.transaction_type_id, type.label),
      deleted_at: null,
      date,
      contact,
      allocated_artefacts: lines.map(({ artefact, amount }) => ({
        id: newId(),
        artefact: {
          ...link(artefact.collection, artefact.record),
          $path: artefact.payment ? `/contact_payments/${artefact.payment.id}` : artefact.record.$path,
        },
        amount: artefact.kind === "invoice" ? amount : -amount,
      })),
    };
    applyAllocation(ctx, allocation, 1);
    return allocation;
  },
  /** @param {Ctx} ctx @param {SageRecord} record */
  remove(ctx, record) {
    applyAllocation(ctx, record, -1);
    return "deleted";
  },
  /** @param {SageRecord} record @param {import("./resources").QueryLookup} q */
  filter(record, q) {
    for (const [param, field] of [
      ["contact_id", "contact"],
      ["transaction_type_id", "transaction_type"],
    ]) {
      const value = q.get(param);
      if (value && record[field]?.id !== value) return false;
    }
    return true;
  },
};

/**
 * What a business still has to allocate: released credit notes and payments on account with an
 * amount outstanding, oldest first (the sandbox's own order: Sage does not document one). A view
 * over those records, not a stored collection.
 * @param {Ctx} ctx
 */
const unallocatedOf = (ctx) => {
  /** @type {SageRecord[]} */
  const items = [];
  const entry = (/** @type {SageRecord} */ record, /** @type {string} */ artefactType, path = record.$path) => ({
    id: record.id,
    displayed_as: record.displayed_as,
    $path: path,
    created_at: record.created_at,
    updated_at: record.updated_at,
    links: [],
    artefact_type: artefactType,
    contact: record.contact,
    date: record.date,
    reference: record.reference ?? null,
    total_amount: record.total_amount,
    outstanding_amount: record.outstanding_amount,
  });
  for (const collection of ["sales_credit_notes", "purchase_credit_notes"]) {
    for (const note of ctx.db.collection(collection).items) {
      const status = note.status?.id;
      if (status !== "VOID" && status !== "DRAFT" && Number(note.outstanding_amount) > 0)
        items.push(entry(note, collection === "sales_credit_notes" ? "SALES_CREDIT_NOTE" : "PURCHASE_CREDIT_NOTE"));
    }
  }
  for (const payment of ctx.db.collection("contact_payments").items) {
    const onAccount = payment.payment_on_account;
    if (onAccount && Number(onAccount.outstanding_amount) > 0)
      items.push(entry(onAccount, "PAYMENT_ON_ACCOUNT", `/contact_payments/${payment.id}`));
  }
  items.sort((a, b) => String(a.created_at).localeCompare(String(b.created_at)));
  const byId = new Map(items.map((item) => [item.id, item]));
  return { items, get: (/** @type {string} */ id) => byId.get(id) };
};

const unallocatedArtefacts = {
  label: "Unallocated artefact",
  queries: ["contact_id", "search"],
  searchFields: ["displayed_as", "reference"],
  // Derived, like the ledger's collections (sandbox/index.js: items and find).
  items: (/** @type {Ctx} */ ctx) => unallocatedOf(ctx).items,
  find: (/** @type {Ctx} */ ctx, /** @type {string} */ id) => unallocatedOf(ctx).get(id),
  /** @param {SageRecord} record @param {import("./resources").QueryLookup} q */
  filter(record, q) {
    const contactId = q.get("contact_id");
    return !contactId || record.contact?.id === contactId;
  },
};

/** The resources of this file, by collection name (registered in resources.js's RESOURCES). */
const ALLOCATION_RESOURCES = { contact_allocations: contactAllocations, unallocated_artefacts: unallocatedArtefacts };

module.exports = { ALLOCATION_RESOURCES, REFUND_PAYMENT_TYPES, openPaymentOnAccount };
