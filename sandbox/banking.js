// @ts-check
"use strict";

const { sageError } = require("./schema");
const { base } = require("./seed");

/**
 * Banking in the sandbox: other payments and receipts (/other_payments), bank transfers, bank
 * deposits, and the rule that keeps a bank account with transactions. Every movement changes the
 * balances of the bank accounts it touches, and a delete (or an update) gives the old movement back
 * first. Bodies are validated against Sage's spec by index.js before they get here.
 *
 * Where the rules come from:
 * - Sage's payments guide: /other_payments holds the ad hoc money out and in, as OTHER_PAYMENT and
 *   OTHER_RECEIPT (contact payments and refunds live in /contact_payments).
 * - Sage's banking guide: a bank account can be deleted only "if there is no associated activity";
 *   a bank deposit moves money out of a CASH_IN_HAND account (the banking guide, and Sage's help:
 *   "Money transferred from a cash account to a current or saving account"). Sage's help: the
 *   default current and cash in hand accounts cannot be deleted (seeded accounts are `deletable: false`).
 * - The sandbox's own choices (no spec, guide or recording shows them): an other payment needs a
 *   bank account; its header amounts are recomputed from its lines (as the sandbox does for
 *   invoices) and a line's net plus tax must equal its total; amounts must be more than 0; a
 *   transfer or deposit between an account and itself is refused; the transaction types
 *   BANK_TRANSFER and BANK_DEPOSIT on transfers and deposits; the messages' wording.
 */

/** @typedef {import("./resources").SageRecord} SageRecord */
/** @typedef {import("./resources").Ctx} Ctx */

/** Which way each kind of other payment moves the bank balance. */
const OTHER_PAYMENT_TYPES = {
  OTHER_PAYMENT: { label: "Other Payment", sign: -1 },
  OTHER_RECEIPT: { label: "Other Receipt", sign: 1 },
};

const DATE_QUERIES = ["updated_or_created_since", "deleted_since", "from_date", "to_date"];

/**
 * The banking resources, built with the record helpers of resources.js (passed in, as resources.js
 * registers these in its RESOURCES).
 * @param {{
 *   materialize: (ctx: Ctx, input: Record<string, unknown>, prefix?: string) => SageRecord,
 *   merge: (target: SageRecord, patch: SageRecord) => SageRecord,
 *   link: (collection: string, record: SageRecord) => SageRecord,
 *   newId: () => string,
 *   round2: (n: number) => number,
 *   invalid: (source: string, message: string) => Error,
 *   failIfErrors: (ctx: Ctx) => void,
 *   bankAccounts: any,
 *   paymentFilter: (record: SageRecord, q: import("./resources").QueryLookup) => boolean,
 * }} helpers
 */
const bankingResources = ({
  materialize,
  merge,
  link,
  newId,
  round2,
  invalid,
  failIfErrors,
  bankAccounts,
  paymentFilter,
}) => {
  /** Add `amount` to a bank account's balance (a negative amount takes money out). */
  const moveBalance = (
    /** @type {Ctx} */ ctx,
    /** @type {SageRecord | null} */ account,
    /** @type {number} */ amount,
  ) => {
    const bank = account ? ctx.db.collection("bank_accounts").get(account.id) : undefined;
    if (!bank) return;
    bank.balance = round2((bank.balance ?? 0) + amount);
    bank.updated_at = ctx.at;
  };

  /**
   * Balance hooks of a record that moves money (`apply` with sign 1 moves it, -1 gives it back):
   * an update gives the old movement back and makes the new one; a delete gives it back.
   * @param {(ctx: Ctx, record: SageRecord, sign: 1 | -1) => void} apply
   */
  const movesMoney = (apply) => ({
    /** @param {Ctx} ctx @param {SageRecord} record */
    made(ctx, record) {
      apply(ctx, record, 1);
      return record;
    },
    /** @param {Ctx} ctx @param {SageRecord} before @param {SageRecord} after */
    replaced(ctx, before, after) {
      apply(ctx, before, -1);
      apply(ctx, after, 1);
      return after;
    },
    /** @param {Ctx} ctx @param {SageRecord} record */
    remove(ctx, record) {
      apply(ctx, record, -1);
      return "deleted";
    },
  });

  /** A bank account named by a body field that REFS does not know (from_/to_bank_account_id). */
  const bankRef = (/** @type {Ctx} */ ctx, /** @type {unknown} */ id, /** @type {string} */ source) => {
    const bank = typeof id === "string" ? ctx.db.collection("bank_accounts").get(id) : undefined;
    if (!bank) ctx.errors.push(sageError(source, `Bank account '${String(id)}' does not exist`));
    return bank ? link("bank_accounts", bank) : null;
  };

  /** The list filters of a movement between accounts (from_date/to_date on its date). */
  const dateFilter = (/** @type {SageRecord} */ record, /** @type {import("./resources").QueryLookup} */ q) => {
    const from = q.get("from_date");
    const to = q.get("to_date");
    return !(from && record.date < from.slice(0, 10)) && !(to && record.date > to.slice(0, 10));
  };

  // -------------------------------------------------------------------------------------------
  // Other payments and receipts

  /** Lines as Sage keeps them, with net, tax and total consistent. @param {Ctx} ctx @param {SageRecord[]} lines */
  const paymentLines = (ctx, lines) =>
    lines.map((line, index) => {
      const total = line.total_amount;
      const tax = line.tax_amount ?? (line.net_amount !== undefined ? round2(total - line.net_amount) : 0);
      const net = line.net_amount ?? round2(total - tax);
      if (round2(net + tax) !== round2(total))
        ctx.errors.push(
          sageError(
            `payment_lines.${index}.total_amount`,
            `Total amount ${total} must equal net ${net} plus tax ${tax}`,
          ),
        );
      return {
        id: newId(),
        displayed_as: line.details ?? line.ledger_account?.displayed_as ?? "",
        analysis_type_categories: [],
        ledger_account: line.ledger_account ?? null,
        details: line.details ?? null,
        tax_rate: line.tax_rate ?? null,
        net_amount: net,
        tax_amount: tax,
        total_amount: total,
        tax_breakdown: [],
        is_purchase_for_resale: false,
        trade_of_asset: false,
      };
    });

  /** Header amounts from the lines, then Sage's (and the sandbox's) rules on the whole payment. @param {Ctx} ctx @param {SageRecord} payment */
  const finishOtherPayment = (ctx, payment) => {
    const type = OTHER_PAYMENT_TYPES[/** @type {keyof typeof OTHER_PAYMENT_TYPES} */ (payment.transaction_type?.id)];
    if (!type)
      ctx.errors.push(
        sageError(
          "transaction_type_id",
          "Transaction type must be OTHER_PAYMENT or OTHER_RECEIPT for an other payment",
        ),
      );
    if (!payment.bank_account) ctx.errors.push(sageError("bank_account_id", "Bank account can't be blank"));
    for (const field of ["net_amount", "tax_amount", "total_amount"])
      payment[field] = round2(
        payment.payment_lines.reduce((/** @type {number} */ sum, /** @type {SageRecord} */ l) => sum + l[field], 0),
      );
    if (!(payment.total_amount > 0)) ctx.errors.push(sageError("total_amount", "Total amount must be greater than 0"));
    failIfErrors(ctx);
    payment.displayed_as = payment.reference || `${type.label} ${payment.date}`;
    payment.transaction.displayed_as = payment.displayed_as;
    return payment;
  };

  /** Money out (OTHER_PAYMENT) or in (OTHER_RECEIPT) of the payment's bank account; sign -1 undoes it. */
  const applyOtherPayment = (/** @type {Ctx} */ ctx, /** @type {SageRecord} */ payment, /** @type {1 | -1} */ sign) => {
    const type = OTHER_PAYMENT_TYPES[/** @type {keyof typeof OTHER_PAYMENT_TYPES} */ (payment.transaction_type?.id)];
    if (type) moveBalance(ctx, payment.bank_account, sign * type.sign * payment.total_amount);
  };

  const otherPaymentMoney = movesMoney(applyOtherPayment);

  const otherPayments = {
    wrapper: "other_payment",
    label: "Other payment",
    post: "postOtherPayments",
    put: "putOtherPayments",
    canDelete: true,
    queries: [...DATE_QUERIES, "bank_account_id", "contact_id", "transaction_type_id"],
    /** @param {Ctx} ctx @param {SageRecord} body */
    create(ctx, body) {
      const { payment_lines, ...rest } = materialize(ctx, body);
      failIfErrors(ctx);
      /** @type {SageRecord} */
      const payment = merge(
        {
          ...base("other_payments", newId(), ""),
          created_at: ctx.at,
          updated_at: ctx.at,
          transaction: base("transactions", newId(), ""),
          transaction_type: null,
          deleted_at: null,
          payment_method: null,
          contact: null,
          bank_account: null,
          tax_address_region: null,
          date: body.date,
          net_amount: 0,
          tax_amount: 0,
          total_amount: 0,
          reference: null,
          payment_lines: [],
          editable: true,
          deletable: true,
          withholding_tax_rate: null,
          withholding_tax_amount: null,
        },
        rest,
      );
      payment.payment_lines = paymentLines(ctx, payment_lines);
      return otherPaymentMoney.made(ctx, finishOtherPayment(ctx, payment));
    },
    /** @param {Ctx} ctx @param {SageRecord} record @param {SageRecord} body */
    update(ctx, record, body) {
      const { payment_lines, ...rest } = materialize(ctx, body);
      failIfErrors(ctx);
      const payment = merge(structuredClone(record), rest);
      if (payment_lines) payment.payment_lines = paymentLines(ctx, payment_lines);
      payment.updated_at = ctx.at;
      return otherPaymentMoney.replaced(ctx, record, finishOtherPayment(ctx, payment));
    },
    remove: otherPaymentMoney.remove,
    // The same filters as contact payments': contact, bank account, transaction type, dates.
    filter: paymentFilter,
  };

  // -------------------------------------------------------------------------------------------
  // Bank transfers and deposits: money from one account to another

  /**
   * A movement between two accounts. `amountOf` is what it moves; `check` adds the kind's own rules.
   * @param {{ collection: string, wrapper: string, label: string, post: string, put?: string, transactionType: [string, string], amountOf: (r: SageRecord) => number, check: (ctx: Ctx, r: SageRecord) => void, defaults: SageRecord }} spec
   */
  const movement = (spec) => {
    const money = movesMoney((ctx, record, sign) => {
      const amount = sign * spec.amountOf(record);
      moveBalance(ctx, record.from_bank_account, -amount);
      moveBalance(ctx, record.to_bank_account, amount);
    });
    /** @param {Ctx} ctx @param {SageRecord} record @param {SageRecord} body */
    const build = (ctx, record, body) => {
      const { from_bank_account_id, to_bank_account_id, ...rest } = body;
      const patch = materialize(ctx, rest);
      if (from_bank_account_id !== undefined)
        patch.from_bank_account = bankRef(ctx, from_bank_account_id, "from_bank_account_id");
      if (to_bank_account_id !== undefined)
        patch.to_bank_account = bankRef(ctx, to_bank_account_id, "to_bank_account_id");
      failIfErrors(ctx);
      merge(record, patch);
      if (record.from_bank_account?.id === record.to_bank_account?.id)
        ctx.errors.push(
          sageError("to_bank_account_id", "To bank account must be different from the from bank account"),
        );
      spec.check(ctx, record);
      failIfErrors(ctx);
      record.displayed_as = record.reference || `${spec.transactionType[1]} ${record.date}`;
      record.transaction.displayed_as = record.displayed_as;
      return record;
    };
    return {
      wrapper: spec.wrapper,
      label: spec.label,
      post: spec.post,
      put: spec.put,
      canDelete: true,
      queries: DATE_QUERIES,
      /** @param {Ctx} ctx @param {SageRecord} body */
      create(ctx, body) {
        const record = build(
          ctx,
          {
            ...base(spec.collection, newId(), ""),
            created_at: ctx.at,
            updated_at: ctx.at,
            transaction: base("transactions", newId(), ""),
            transaction_type: base("transaction_types", ...spec.transactionType),
            deleted_at: null,
            from_bank_account: null,
            to_bank_account: null,
            date: body.date,
            reference: null,
            ...structuredClone(spec.defaults),
          },
          body,
        );
        return money.made(ctx, record);
      },
      /** @param {Ctx} ctx @param {SageRecord} record @param {SageRecord} body */
      update(ctx, record, body) {
        const updated = build(ctx, structuredClone(record), body);
        updated.updated_at = ctx.at;
        return money.replaced(ctx, record, updated);
      },
      remove: money.remove,
      filter: dateFilter,
    };
  };

  const bankTransfers = movement({
    collection: "bank_transfers",
    wrapper: "bank_transfer",
    label: "Bank transfer",
    post: "postBankTransfers",
    put: "putBankTransfers",
    transactionType: ["BANK_TRANSFER", "Bank Transfer"],
    amountOf: (r) => r.amount,
    defaults: { amount: 0, description: null },
    check(ctx, r) {
      if (!(r.amount > 0)) ctx.errors.push(sageError("amount", "Amount must be greater than 0"));
    },
  });

  // Sage's spec has no PUT for bank deposits: `put` is left out, so PUT is a 404 like any unknown route.
  const bankDeposits = movement({
    collection: "bank_deposits",
    wrapper: "bank_deposit",
    label: "Bank deposit",
    post: "postBankDeposits",
    transactionType: ["BANK_DEPOSIT", "Bank Deposit"],
    amountOf: (r) => r.total_amount,
    defaults: { cash_amount: 0, cheque_amount: 0, total_amount: 0 },
    check(ctx, r) {
      const from = r.from_bank_account && ctx.db.collection("bank_accounts").get(r.from_bank_account.id);
      if (from && from.bank_account_type?.id !== "CASH_IN_HAND")
        ctx.errors.push(sageError("from_bank_account_id", "A bank deposit must come from a Cash in Hand bank account"));
      const total = round2((r.cash_amount ?? 0) + (r.cheque_amount ?? 0));
      for (const field of ["cash_amount", "cheque_amount"])
        if (r[field] < 0)
          ctx.errors.push(sageError(field, `${field === "cash_amount" ? "Cash" : "Cheque"} amount can't be negative`));
      if (r.total_amount && round2(r.total_amount) !== total)
        ctx.errors.push(sageError("total_amount", `Total amount must equal the cash plus cheque amounts (${total})`));
      r.total_amount = total;
      if (!(total > 0)) ctx.errors.push(sageError("cash_amount", "A bank deposit must be for more than 0"));
    },
  });

  // -------------------------------------------------------------------------------------------
  // Bank accounts: resources.js's plain resource, with Sage's delete rules

  /** Records that move money in or out of the account: Sage keeps such an account. */
  const bankAccountInUse = (/** @type {Ctx} */ ctx, /** @type {string} */ id) =>
    ctx.db.collection("contact_payments").items.some((r) => r.bank_account?.id === id) ||
    ctx.db.collection("other_payments").items.some((r) => r.bank_account?.id === id) ||
    ["bank_transfers", "bank_deposits"].some((name) =>
      ctx.db.collection(name).items.some((r) => r.from_bank_account?.id === id || r.to_bank_account?.id === id),
    );

  const bankAccountsWithRules = {
    ...bankAccounts,
    /** @param {Ctx} ctx @param {SageRecord} record */
    remove(ctx, record) {
      if (record.deletable === false)
        throw invalid("", "This bank account is one of the business's default accounts and cannot be deleted");
      if (bankAccountInUse(ctx, record.id))
        throw invalid("", "This bank account cannot be deleted because it has transactions; mark it inactive instead");
      return bankAccounts.remove(ctx, record);
    },
  };

  return {
    other_payments: otherPayments,
    bank_transfers: bankTransfers,
    bank_deposits: bankDeposits,
    bank_accounts: bankAccountsWithRules,
  };
};

module.exports = { bankingResources };
