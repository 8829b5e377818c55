// @ts-check
"use strict";

const crypto = require("crypto");
const { sageError } = require("./schema");
const { base } = require("./seed");

/**
 * The sandbox's general ledger: journals, and the ledger entries, transactions and ledger-account
 * balances that follow from every document the sandbox holds.
 *
 * Nothing here keeps a second copy of the books. Ledger entries are derived at read time from the
 * stored documents (released invoices and credit notes, contact payments, journals), so they can
 * never go stale when a document is edited, voided or deleted. Each kind of document adds its
 * postings with one function in POSTINGS, keyed by its collection: a new document type (other
 * payments, bank transfers, ...) is one entry there (sandbox/README.md, "The ledger").
 *
 * Whose rules these are:
 * - Sage's (double entry, as Sage's help describes a UK business's postings): a sales invoice
 *   debits the debtors control account with its total and credits each line's ledger account with
 *   the line's net amount and the sales VAT control account with the tax; a purchase invoice the
 *   reverse (purchase VAT, creditors control); a credit note reverses its invoice kind; a customer
 *   receipt debits the bank's ledger account and credits debtors control, a supplier payment
 *   debits creditors control and credits the bank; a journal posts its lines as given, and Sage
 *   refuses one whose debits and credits differ.
 * - The sandbox's simplifications: a draft posts nothing; a void document posts nothing (Sage
 *   posts a reversal, which nets to the same balances); ledger entries carry no tax rate and the
 *   debtor/creditor entries carry the document's contact; ledger entry and transaction ids are
 *   derived from the document's id (stable across reads); one currency; journals are never
 *   tax-return lines. `balance_details` (Sage's spec names its fields but no recording shows its
 *   values) is: `debits` and `credits` the sums of the period's entries, `balance` the difference
 *   as a positive number and `credit_or_debit` which side it is on ("debit" when they are equal).
 */

/** @typedef {Record<string, any>} SageRecord */
/** @typedef {import("./store").BusinessData} BusinessData */
/**
 * One posting of a document: a debit or a credit (in cents) on one ledger account.
 * @typedef {{ account: SageRecord, debit: number, credit: number, details?: string, contact?: SageRecord | null }} Posting
 */

// resources.js registers this file's resources in its RESOURCES map, so it loads this file before
// it has finished loading itself: its helpers are read when a request runs, not at load time.
const shared = () => /** @type {typeof import("./resources")} */ (require("./resources"));

const cents = (/** @type {unknown} */ amount) => Math.round((Number(amount) || 0) * 100);
const money = (/** @type {number} */ centsValue) => centsValue / 100;
/** A stable 32-hex id derived from a source id: the same entry gets the same id on every read. */
const derivedId = (/** @type {string} */ source) =>
  crypto.createHash("sha256").update(source).digest("hex").slice(0, 32);

/** The ledger account Sage marks with a control name (debtors, creditors, VAT). */
const controlAccount = (/** @type {BusinessData} */ db, /** @type {string} */ name) =>
  db.collection("ledger_accounts").items.find((account) => account.control_name === name);

/** The full ledger account a link points at (postings need its type for the trial balance). */
const accountOf = (/** @type {BusinessData} */ db, /** @type {SageRecord | null | undefined} */ ref) =>
  ref?.id ? db.collection("ledger_accounts").get(ref.id) : undefined;

/** A document that is on the ledger: released (it has a transaction) and not void. */
const posted = (/** @type {SageRecord} */ doc) => Boolean(doc.transaction) && doc.status?.id !== "VOID";

/**
 * An invoice or credit note's postings: the control account takes the total on one side, the
 * lines' accounts their net amounts and the VAT control account the tax on the other.
 * @param {{ control: string, tax: string, linesField: string, controlSide: "debit" | "credit" }} rule
 */
const documentPostings =
  ({ control, tax, linesField, controlSide }) =>
  (/** @type {BusinessData} */ db, /** @type {SageRecord} */ doc) => {
    if (!posted(doc)) return [];
    const other = controlSide === "debit" ? "credit" : "debit";
    const side = (/** @type {"debit" | "credit"} */ which, /** @type {number} */ amount) =>
      which === "debit" ? { debit: amount, credit: 0 } : { debit: 0, credit: amount };
    /** @type {Posting[]} */
    const postings = [];
    const controlAcc = controlAccount(db, control);
    if (controlAcc)
      postings.push({ account: controlAcc, ...side(controlSide, cents(doc.total_amount)), contact: doc.contact });
    for (const line of doc[linesField] ?? []) {
      const account = accountOf(db, line.ledger_account);
      if (account)
        postings.push({ account, ...side(other, cents(line.net_amount)), details: line.description ?? undefined });
    }
    const taxAcc = controlAccount(db, tax);
    if (taxAcc && cents(doc.tax_amount)) postings.push({ account: taxAcc, ...side(other, cents(doc.tax_amount)) });
    return postings;
  };

/**
 * Per contact payment type: the control account it settles, and whether the money comes into the
 * bank (debit the bank) or goes out of it (credit the bank). A customer refund pays a credit note
 * out to the customer; a supplier refund is money a supplier pays back in.
 */
const PAYMENT_POSTINGS = {
  CUSTOMER_RECEIPT: { control: "SALES_LEDGER_CONTROL", intoBank: true },
  CUSTOMER_REFUND: { control: "SALES_LEDGER_CONTROL", intoBank: false },
  VENDOR_PAYMENT: { control: "PURCHASE_LEDGER_CONTROL", intoBank: false },
  VENDOR_REFUND: { control: "PURCHASE_LEDGER_CONTROL", intoBank: true },
};

/** A contact payment: the bank's ledger account against the debtors or creditors control account. */
const paymentPostings = (/** @type {BusinessData} */ db, /** @type {SageRecord} */ payment) => {
  const rule = PAYMENT_POSTINGS[/** @type {keyof typeof PAYMENT_POSTINGS} */ (payment.transaction_type?.id)];
  const bank = payment.bank_account?.id ? db.collection("bank_accounts").get(payment.bank_account.id) : undefined;
  const bankAcc = accountOf(db, bank?.ledger_account);
  const controlAcc = rule && controlAccount(db, rule.control);
  if (!bankAcc || !controlAcc) return [];
  const amount = cents(payment.total_amount);
  const [debited, credited] = rule.intoBank ? [bankAcc, controlAcc] : [controlAcc, bankAcc];
  return [
    { account: debited, debit: amount, credit: 0, contact: payment.contact },
    { account: credited, debit: 0, credit: amount, contact: payment.contact },
  ];
};

/** A journal: its lines, as given. */
const journalPostings = (/** @type {BusinessData} */ db, /** @type {SageRecord} */ journal) =>
  (journal.journal_lines ?? []).flatMap((/** @type {SageRecord} */ line) => {
    const account = accountOf(db, line.ledger_account);
    return account
      ? [{ account, debit: cents(line.debit), credit: cents(line.credit), details: line.details ?? undefined }]
      : [];
  });

/**
 * How each stored collection posts to the ledger: `(db, record) => Posting[]`. Add a document type
 * here (one function) and its entries appear in /ledger_entries, /transactions and every ledger
 * account's balance_details; a document type's postings must balance (debits = credits).
 * @type {Record<string, (db: BusinessData, record: SageRecord) => Posting[]>}
 */
const POSTINGS = {
  sales_invoices: documentPostings({
    control: "SALES_LEDGER_CONTROL",
    tax: "SALES_TAX_CONTROL",
    linesField: "invoice_lines",
    controlSide: "debit",
  }),
  purchase_invoices: documentPostings({
    control: "PURCHASE_LEDGER_CONTROL",
    tax: "PURCHASE_TAX_CONTROL",
    linesField: "invoice_lines",
    controlSide: "credit",
  }),
  sales_credit_notes: documentPostings({
    control: "SALES_LEDGER_CONTROL",
    tax: "SALES_TAX_CONTROL",
    linesField: "credit_note_lines",
    controlSide: "credit",
  }),
  purchase_credit_notes: documentPostings({
    control: "PURCHASE_LEDGER_CONTROL",
    tax: "PURCHASE_TAX_CONTROL",
    linesField: "credit_note_lines",
    controlSide: "debit",
  }),
  contact_payments: paymentPostings,
  journals: journalPostings,
};

/**
 * Sage's LedgerEntry has no transaction type field, yet /ledger_entries filters by
 * `transaction_type_id`: the entry carries it as a hidden (non-enumerable) property, never sent.
 * @param {SageRecord | null} type @param {SageRecord} entry
 */
const typed = (type, entry) => Object.defineProperty(entry, "transaction_type", { value: type, enumerable: false });

/**
 * Every posted document of the business as a transaction with its ledger entries, in the order
 * the documents were created (collection by collection).
 * @param {BusinessData} db
 */
const ledgerOf = (db) => {
  /** @type {{ transaction: SageRecord, entries: SageRecord[] }[]} */
  const books = [];
  for (const [collection, postingsOf] of Object.entries(POSTINGS)) {
    for (const doc of db.collection(collection).items) {
      const postings = postingsOf(db, doc);
      if (!postings.length) continue;
      const transactionId = doc.transaction?.id ?? derivedId(`transaction:${doc.id}`);
      const type = doc.transaction_type ?? null;
      const total = postings.reduce((sum, p) => sum + p.debit, 0);
      const transaction = {
        ...base("transactions", transactionId, doc.displayed_as),
        created_at: doc.created_at,
        updated_at: doc.updated_at,
        date: doc.date,
        deleted: false,
        reference: doc.reference ?? doc.displayed_as ?? null,
        total: money(total),
        total_in_transaction_currency: money(total),
        contact: doc.contact ?? null,
        transaction_type: type,
        origin: base(collection, doc.id, doc.displayed_as),
        audit_trail_id: null,
        number_of_attachments: "0",
      };
      const entries = postings.map((posting, index) =>
        typed(type, {
          ...base("ledger_entries", derivedId(`entry:${doc.id}:${index}`), posting.details ?? doc.displayed_as),
          created_at: doc.created_at,
          updated_at: doc.updated_at,
          date: doc.date,
          credit: money(posting.credit),
          debit: money(posting.debit),
          ledger_account: base("ledger_accounts", posting.account.id, posting.account.displayed_as),
          transaction: base("transactions", transactionId, doc.displayed_as),
          contact: posting.contact ?? null,
          deleted: false,
          tax_rate: null,
          description: posting.details ?? doc.reference ?? doc.displayed_as ?? null,
          journal_code: null,
        }),
      );
      books.push({ transaction, entries });
    }
  }
  return books;
};

/** @type {WeakMap<object, ReturnType<typeof ledgerOf>>} */
const booksOfRequest = new WeakMap();

const inPeriod = (/** @type {string} */ date, /** @type {string | null} */ from, /** @type {string | null} */ to) =>
  (!from || date >= from.slice(0, 10)) && (!to || date <= to.slice(0, 10));

/**
 * `balance_details` of a ledger account for the period of the query (Sage's spec: with
 * `show_balance_details=true`, between `from_date` and `to_date`); the record unchanged otherwise.
 * @param {{ db: BusinessData }} ctx @param {SageRecord} account @param {URLSearchParams} query
 */
const withBalanceDetails = (ctx, account, query) => {
  if (query.get("show_balance_details") !== "true") return account;
  const from = query.get("from_date");
  const to = query.get("to_date");
  let debits = 0;
  let credits = 0;
  // One request reads the ledger once, however many accounts it lists.
  let books = booksOfRequest.get(ctx);
  if (!books) booksOfRequest.set(ctx, (books = ledgerOf(ctx.db)));
  for (const { entries } of books)
    for (const entry of entries)
      if (entry.ledger_account.id === account.id && inPeriod(entry.date, from, to)) {
        debits += cents(entry.debit);
        credits += cents(entry.credit);
      }
  return {
    ...account,
    balance_details: {
      balance: money(Math.abs(debits - credits)),
      credit_or_debit: debits >= credits ? "debit" : "credit",
      credits: money(credits),
      debits: money(debits),
      from_date: from,
      to_date: to,
    },
  };
};

/** A list filter on an entry or transaction: its date in the period and a reference matching. */
const matches = (
  /** @type {SageRecord} */ record,
  /** @type {import("./resources").QueryLookup} */ q,
  /** @type {[string, string][]} */ references,
) => {
  if (!inPeriod(record.date, q.get("from_date"), q.get("to_date"))) return false;
  return references.every(([param, field]) => !q.get(param) || record[field]?.id === q.get(param));
};

/** A read-only collection derived from the ledger: GET list (with filters) and GET one. */
const derived = (
  /** @type {string} */ label,
  /** @type {string[]} */ queries,
  /** @type {(db: BusinessData) => SageRecord[]} */ records,
  /** @type {[string, string][]} */ references,
) => ({
  label,
  queries,
  items: (/** @type {{ db: BusinessData }} */ ctx) => records(ctx.db),
  find: (/** @type {{ db: BusinessData }} */ ctx, /** @type {string} */ id) =>
    records(ctx.db).find((record) => record.id === id),
  filter: (/** @type {SageRecord} */ record, /** @type {import("./resources").QueryLookup} */ q) =>
    matches(record, q, references),
});

const ledgerEntries = derived(
  "Ledger entry",
  ["updated_or_created_since", "from_date", "to_date", "transaction_id", "transaction_type_id", "ledger_account_id"],
  (db) => ledgerOf(db).flatMap((book) => book.entries),
  [
    ["ledger_account_id", "ledger_account"],
    ["transaction_id", "transaction"],
    ["transaction_type_id", "transaction_type"],
  ],
);

const transactions = derived(
  "Transaction",
  ["updated_or_created_since", "from_date", "to_date", "transaction_type_id"],
  (db) => ledgerOf(db).map((book) => book.transaction),
  [["transaction_type_id", "transaction_type"]],
);

/** Journals: POST (refused unless balanced), GET, DELETE and POST /reissue, as Sage's spec has them. */
const journals = {
  wrapper: "journal",
  label: "Journal",
  post: "postJournals",
  canDelete: true,
  queries: ["updated_or_created_since", "deleted_since"],
  /** @param {import("./resources").Ctx} ctx @param {SageRecord} body */
  create(ctx, body) {
    const { materialize, newId, failIfErrors } = shared();
    const { journal_lines: lines = [], ...fields } = body;
    const patch = materialize(ctx, { ...fields, journal_lines: lines });
    let debits = 0;
    let credits = 0;
    lines.forEach((/** @type {SageRecord} */ line, /** @type {number} */ index) => {
      debits += cents(line.debit);
      credits += cents(line.credit);
      // The sandbox's reading of Sage's journal screen: each line is a debit or a credit.
      if (cents(line.debit) > 0 === cents(line.credit) > 0 || line.debit < 0 || line.credit < 0)
        ctx.errors.push(sageError(`journal_lines.${index}`, "A journal line must have either a debit or a credit"));
    });
    // The sandbox's own rule (a debit and a credit need two lines; Sage's guides do not say it).
    if (lines.length < 2) ctx.errors.push(sageError("journal_lines", "A journal needs at least two lines"));
    if (debits !== credits)
      ctx.errors.push(
        sageError("journal_lines", `Total debits (${money(debits)}) must equal total credits (${money(credits)})`),
      );
    failIfErrors(ctx);
    const id = newId();
    const display = fields.reference;
    return {
      ...base("journals", id, display),
      created_at: ctx.at,
      updated_at: ctx.at,
      transaction: base("transactions", newId(), display),
      transaction_type: base("transaction_types", "JOURNAL", "Journal"),
      deleted_at: null,
      date: fields.date,
      reference: fields.reference,
      description: fields.description ?? null,
      total: money(debits),
      journal_code: null,
      migrated: false,
      ...patch,
      journal_lines: patch.journal_lines.map((/** @type {SageRecord} */ line) => ({
        id: newId(),
        details: null,
        include_on_tax_return: false,
        tax_reconciled: false,
        cleared: false,
        bank_reconciled: false,
        journal_line_foreign_currency: null,
        ...line,
        debit: money(cents(line.debit)),
        credit: money(cents(line.credit)),
        analysis_type_categories: [],
      })),
    };
  },
  remove() {
    return "deleted";
  },
  actions: {
    /**
     * Reissue: Sage's spec has POST /journals/{key}/reissue and says no more. The sandbox's
     * reading: the journal is posted again as a new transaction (a new transaction id, the same
     * lines), returned 201 like a release.
     * @param {import("./resources").Ctx} ctx @param {SageRecord} journal
     */
    reissue(ctx, journal) {
      const { newId } = shared();
      return { ...journal, transaction: base("transactions", newId(), journal.displayed_as), updated_at: ctx.at };
    },
  },
};

/**
 * Journal codes: Sage's spec lists them for French businesses only and names four reserved control
 * names (VE sales, AC purchases, OD other transactions, REPBAL opening balances). The sandbox's own
 * choice: every business lists those four, so the list and its dropdown have something to show (a
 * real UK business may have none). Read-only here.
 */
const JOURNAL_CODES = [
  ["VE", "Ventes", "SALES"],
  ["AC", "Achats", "PURCHASES"],
  ["OD", "Opérations diverses", "OTHER"],
  ["REPBAL", "Reprise des balances", "OTHER"],
].map(([code, name, type]) => ({
  ...base("journal_codes", derivedId(`journal_code:${code}`), `${code} - ${name}`),
  created_at: "2024-01-01T00:00:00Z",
  updated_at: "2024-01-01T00:00:00Z",
  name,
  code,
  journal_code_type: base("journal_code_types", type, type.charAt(0) + type.slice(1).toLowerCase()),
  control_name: code,
  reserved: true,
}));

const journalCodes = {
  label: "Journal code",
  queries: ["updated_or_created_since"],
  items: () => JOURNAL_CODES,
  find: (/** @type {unknown} */ _ctx, /** @type {string} */ id) => JOURNAL_CODES.find((code) => code.id === id),
};

/** The resources of this file, registered in resources.js's RESOURCES. */
const LEDGER_RESOURCES = {
  journals,
  journal_codes: journalCodes,
  ledger_entries: ledgerEntries,
  transactions,
};

module.exports = { LEDGER_RESOURCES, withBalanceDetails };
