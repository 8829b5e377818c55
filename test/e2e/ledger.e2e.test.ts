import { differenceInCalendarDays, parseISO } from "date-fns";
import { failureOf, withSandbox } from "./withSandbox";
import { schemaProblems } from "../sageSchema";

// Journals and the reporting reads against the sandbox, whose ledger follows from the documents
// it holds (sandbox/ledger.js: the posting rules and which of them are the sandbox's own).
const sage = withSandbox();

interface TrialBalance {
  balanced: boolean;
  totals: { debit: number; credit: number; difference: number };
  groups: {
    ledgerAccountType: { id: string };
    accounts: { id: string; debit: number; credit: number; balance: number }[];
    totals: { debit: number; credit: number; balance: number };
  }[];
}

const PERIOD = { fromDate: "2026-01-01", toDate: "2026-01-31" };
const trialBalance = async () => (await sage.run("getTrialBalance", PERIOD)).data as TrialBalance;
const accountLine = (balance: TrialBalance, id: string) =>
  balance.groups.flatMap((group) => group.accounts).find((account) => account.id === id)!;

let customer: string;
let vendor: string;

beforeAll(async () => {
  customer = (await sage.run("createContact", { name: "Ledger Customer", contactTypeIds: "CUSTOMER" })).data.id;
  vendor = (await sage.run("createContact", { name: "Ledger Supplier", contactTypeIds: "VENDOR" })).data.id;
  // Documents of the period: a sales invoice part paid, a purchase invoice and a sales credit note.
  const sales = await sage.run("createSalesInvoice", {
    contactId: customer,
    date: "2026-01-10",
    dueDate: "2026-01-20",
    invoiceLines: JSON.stringify([
      {
        description: "Design",
        ledger_account_id: sage.ledgerId(4000),
        quantity: 3,
        unit_price: 33.33,
        tax_rate_id: "GB_STANDARD",
      },
    ]),
  });
  await sage.run("recordSalesInvoicePayment", {
    invoiceId: sales.data.id,
    bankAccountId: sage.bankAccountId(),
    amount: "50",
    date: "2026-01-15",
  });
  await sage.run("createPurchaseInvoice", {
    contactId: vendor,
    date: "2026-01-12",
    dueDate: "2026-01-26",
    invoiceLines: JSON.stringify([
      {
        description: "Paper",
        ledger_account_id: sage.ledgerId(5000),
        quantity: 1,
        unit_price: 20.05,
        tax_rate_id: "GB_STANDARD",
      },
    ]),
  });
  await sage.run("createSalesCreditNote", {
    contactId: customer,
    date: "2026-01-18",
    creditNoteLines: JSON.stringify([
      { description: "Discount", ledger_account_id: sage.ledgerId(4000), quantity: 1, unit_price: 5 },
    ]),
  });
});

describe("a journal moves the trial balance by its amounts, which still balances", () => {
  test("before: balanced; after posting 1,234.56 rent against the bank: rent +1,234.56 debit, bank +1,234.56 credit, totals +1,234.56 each", async () => {
    const before = await trialBalance();
    expect(before.balanced).toBe(true);
    expect(before.totals.debit).toBeGreaterThan(0);

    const rent = sage.ledgerId(7100);
    const bank = sage.ledgerId(1200);
    sage.sandbox().clearLog();
    const journal = await sage.run("createJournal", {
      date: "2026-01-31",
      reference: "RENT-JAN",
      description: "January rent",
      journalLines: JSON.stringify([
        { ledger_account_id: rent, debit: 1234.56, credit: 0, details: "Rent" },
        { ledger_account_id: bank, debit: 0, credit: 1234.56, details: "Paid from current account" },
      ]),
    });
    const [post] = sage.sandbox().requestLog;
    expect([post.method, post.path, post.status]).toEqual(["POST", "/journals", 201]);
    expect(schemaProblems("postJournals", post.body)).toEqual([]);
    expect(journal.data).toMatchObject({
      reference: "RENT-JAN",
      total: 1234.56,
      journal_lines: [{ debit: 1234.56 }, { credit: 1234.56 }],
    });

    const after = await trialBalance();
    expect(after.balanced).toBe(true);
    const cents = (n: number) => Math.round(n * 100);
    expect(cents(after.totals.debit) - cents(before.totals.debit)).toBe(123456);
    expect(cents(after.totals.credit) - cents(before.totals.credit)).toBe(123456);
    expect(cents(accountLine(after, rent).debit) - cents(accountLine(before, rent).debit)).toBe(123456);
    expect(cents(accountLine(after, bank).credit) - cents(accountLine(before, bank).credit)).toBe(123456);

    // Deleting the journal takes its postings back out.
    await sage.run("deleteJournal", { journalId: journal.data.id });
    expect((await trialBalance()).totals).toEqual(before.totals);
  });

  test("an unbalanced journal is refused naming Journal Lines, and the sandbox sees no request", async () => {
    sage.sandbox().clearLog();
    const error = await failureOf(
      sage.run("createJournal", {
        date: "2026-01-31",
        reference: "BAD",
        journalLines: JSON.stringify([
          { ledger_account_id: sage.ledgerId(7100), debit: 10, credit: 0 },
          { ledger_account_id: sage.ledgerId(1200), debit: 0, credit: 9.99 },
        ]),
      }),
    );
    expect(error).toBe(
      'Invalid "Journal Lines": the debits (10.00) must equal the credits (9.99); they differ by 0.01.',
    );
    expect(sage.sandbox().requestLog).toEqual([]);
  });

  test("the trial balance groups accounts by ledger account type, each group's totals adding up to the overall", async () => {
    const balance = await trialBalance();
    const cents = (amount: number) => Math.round(amount * 100);
    const sumCents = (amounts: number[]) => amounts.reduce((total, amount) => total + cents(amount), 0);
    // Each group's totals are its accounts' sums, and the groups' totals add up to the overall ones.
    for (const group of balance.groups) {
      expect(cents(group.totals.debit)).toBe(sumCents(group.accounts.map((account) => account.debit)));
      expect(cents(group.totals.credit)).toBe(sumCents(group.accounts.map((account) => account.credit)));
    }
    expect(sumCents(balance.groups.map((group) => group.totals.debit))).toBe(cents(balance.totals.debit));
    expect(sumCents(balance.groups.map((group) => group.totals.credit))).toBe(cents(balance.totals.credit));
    expect(new Set(balance.groups.map((group) => group.ledgerAccountType.id)).size).toBe(balance.groups.length);
    // Every ledger account of the business is there (all pages), each in its type's group.
    const accounts = sage.sandbox().store.list("ledger_accounts");
    expect(balance.groups.flatMap((group) => group.accounts)).toHaveLength(accounts.length);
  });
});

describe("ledger entries and transactions", () => {
  test("List Transactions and Get Transaction: a journal is one transaction of type JOURNAL; its entries are its lines", async () => {
    const journal = await sage.run("createJournal", {
      date: "2026-01-20",
      reference: "ACCRUAL-7",
      journalLines: JSON.stringify([
        { ledger_account_id: sage.ledgerId(5000), debit: 70, credit: 0 },
        { ledger_account_id: sage.ledgerId(2100), debit: 0, credit: 70 },
      ]),
    });
    const listed = (await sage.run("listTransactions", { fetchAll: "true", transactionTypeId: "JOURNAL", ...PERIOD }))
      .data;
    expect(listed.$items.map((t: { id: string }) => t.id)).toContain(journal.data.transaction.id);
    const transaction = (await sage.run("getTransaction", { transactionId: journal.data.transaction.id })).data;
    expect(transaction).toMatchObject({ total: 70, date: "2026-01-20", origin: { id: journal.data.id } });
    const entries = (await sage.run("listLedgerEntries", { fetchAll: "true", transactionId: transaction.id })).data
      .$items;
    expect(entries.map((e: { debit: number; credit: number }) => [e.debit, e.credit])).toEqual([
      [70, 0],
      [0, 70],
    ]);
    const reissued = (await sage.run("reissueJournal", { journalId: journal.data.id })).data;
    expect(reissued.id).toBe(journal.data.id);
  });

  test("List Ledger Entries by ledger account and date range: the debtors control account's entries add up to what customers owe", async () => {
    const debtors = sage.ledgerId(1100);
    const entries = (await sage.run("listLedgerEntries", { fetchAll: "true", ledgerAccountId: debtors, ...PERIOD }))
      .data.$items;
    expect(
      entries.every(
        (e: { ledger_account: { id: string }; date: string }) =>
          e.ledger_account.id === debtors && e.date >= "2026-01-01" && e.date <= "2026-01-31",
      ),
    ).toBe(true);
    const net = entries.reduce(
      (sum: number, e: { debit: number; credit: number }) =>
        sum + Math.round(e.debit * 100) - Math.round(e.credit * 100),
      0,
    );
    const owed = sage
      .sandbox()
      .store.list("sales_invoices")
      .filter((i) => i.date >= "2026-01-01" && i.transaction && i.status.id !== "VOID")
      .reduce((sum, i) => sum + Math.round(i.outstanding_amount * 100), 0);
    const credited = sage
      .sandbox()
      .store.list("sales_credit_notes")
      .filter((c) => c.date >= "2026-01-01" && c.transaction)
      .reduce((sum, c) => sum + Math.round(c.total_amount * 100), 0);
    expect(net).toBe(owed - credited);
  });
});

describe("aged debtors and creditors agree with the sandbox's open documents", () => {
  const BUCKET_BOUNDS: [string, number, number][] = [
    ["current", -Infinity, 0],
    ["days1To30", 1, 30],
    ["days31To60", 31, 60],
    ["days61To90", 61, 90],
    ["over90", 91, Infinity],
  ];

  /** The aged totals computed here, independently, from the sandbox's store. */
  const expected = (invoices: string, creditNotes: string, asOf: string) => {
    const totals: Record<string, number> = {
      current: 0,
      days1To30: 0,
      days31To60: 0,
      days61To90: 0,
      over90: 0,
      total: 0,
    };
    const add = (amount: number, from: string) => {
      const days = differenceInCalendarDays(parseISO(asOf), parseISO(from));
      const [bucket] = BUCKET_BOUNDS.find(([, low, high]) => days >= low && days <= high)!;
      totals[bucket] += amount;
      totals.total += amount;
    };
    interface Document {
      transaction?: unknown;
      status: { id: string };
      outstanding_amount: number;
      date: string;
    }
    const open = (record: unknown) => {
      const doc = record as Document;
      return (
        doc.transaction && !["VOID", "PAID"].includes(doc.status.id) && doc.outstanding_amount > 0 && doc.date <= asOf
      );
    };
    for (const doc of sage.sandbox().store.list(invoices).filter(open))
      add(Math.round(doc.outstanding_amount * 100), doc.due_date);
    for (const doc of sage.sandbox().store.list(creditNotes).filter(open))
      add(-Math.round(doc.outstanding_amount * 100), doc.date);
    return Object.fromEntries(Object.entries(totals).map(([key, value]) => [key, value / 100]));
  };

  test.each([
    ["getAgedDebtors", "sales_invoices", "sales_credit_notes", "2026-02-25"],
    ["getAgedDebtors", "sales_invoices", "sales_credit_notes", "2026-06-30"],
    ["getAgedCreditors", "purchase_invoices", "purchase_credit_notes", "2026-02-25"],
  ])("%s as of %s", async (key, invoices, creditNotes, asOf) => {
    const { data } = await sage.run(key, { asOfDate: asOf });
    expect(data.totals).toEqual(expected(invoices, creditNotes, asOf));
    expect(data.totals.total).not.toBe(0);
    // Per contact: the contacts' totals add up to the overall one.
    const sum = data.contacts.reduce(
      (total: number, entry: { total: number }) => total + Math.round(entry.total * 100),
      0,
    );
    expect(sum).toBe(Math.round(data.totals.total * 100));
  });
});
