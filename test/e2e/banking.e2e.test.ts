import { schemaProblems } from "../sageSchema";
import { failureOf, withSandbox } from "./withSandbox";

// Money without invoices and banking (issue 17, part A), over real HTTP against the sandbox: other
// payments and receipts, bank accounts, transfers and deposits, and the balances they move.
const sage = withSandbox();

beforeEach(() => sage.sandbox().clearLog());

const log = () => sage.sandbox().requestLog;
const store = () => sage.sandbox().store;
const balanceOf = (id: string) => store().get("bank_accounts", id)?.balance as number;
const pascal = (collection: string) =>
  collection.replace(/(^|_)([a-z])/g, (_, __, letter: string) => letter.toUpperCase());

/** Every write of the log, held against Sage's POST/PUT definition of its collection. */
const schemaProblemsOfWrites = () =>
  log()
    .filter((entry) => entry.method === "POST" || entry.method === "PUT")
    .flatMap((entry) => schemaProblems(`${entry.method.toLowerCase()}${pascal(entry.path.split("/")[1])}`, entry.body));

const feeLines = (fee: number) =>
  JSON.stringify([
    { ledger_account_id: sage.ledgerId(5000), tax_rate_id: "GB_EXEMPT", total_amount: fee, details: "Card fee" },
  ]);

/** The card processor's fee of order 1001, as the shop's flow records it. */
const feeOf = (bankAccountId: string) => ({
  bankAccountId,
  date: "2026-01-31",
  reference: "fee_1001",
  paymentMethodId: "CREDIT_DEBIT",
  paymentLines: feeLines(3.68),
  idempotencyKey: "order-1001",
});

describe("shop order paid by card: invoice + payment + the processor's fee as an other payment", () => {
  test("the invoice is PAID and the processor's bank account holds the payment less the fee", async () => {
    const { data: stripe } = await sage.run("createBankAccount", {
      bankAccountTypeId: "CHECKING",
      accountName: "Stripe",
      idempotencyKey: "stripe-account",
    });
    const { data: customer } = await sage.run("createContact", {
      name: "Shop Customer 1001",
      contactTypeIds: "CUSTOMER",
    });
    const { data: invoice } = await sage.run("createSalesInvoice", {
      contactId: customer.id,
      date: "2026-01-31",
      invoiceLines: JSON.stringify([
        {
          description: "Order 1001",
          ledger_account_id: sage.ledgerId(4000),
          unit_price: 100,
          tax_rate_id: "GB_STANDARD",
        },
      ]),
      idempotencyKey: "order-1001",
    });
    expect(invoice.total_amount).toBe(120);
    const { data: payment } = await sage.run("recordSalesInvoicePayment", {
      invoiceId: invoice.id,
      bankAccountId: stripe.id,
      date: "2026-01-31",
      paymentMethodId: "CREDIT_DEBIT",
      reference: "ch_1001",
      idempotencyKey: "order-1001",
    });
    const { data: fee } = await sage.run("createOtherPayment", feeOf(stripe.id));

    expect(payment.total_amount).toBe(120);
    expect(store().get("sales_invoices", invoice.id)).toMatchObject({ status: { id: "PAID" }, outstanding_amount: 0 });
    expect(fee).toMatchObject({
      transaction_type: { id: "OTHER_PAYMENT" },
      total_amount: 3.68,
      net_amount: 3.68,
      tax_amount: 0,
    });
    expect(balanceOf(stripe.id)).toBe(116.32);
    // What went to Sage: the fee as Sage's other payment body, its total the sum of its lines.
    const feePost = log().find((entry) => entry.method === "POST" && entry.path === "/other_payments");
    expect(feePost?.body).toEqual({
      other_payment: {
        transaction_type_id: "OTHER_PAYMENT",
        bank_account_id: stripe.id,
        date: "2026-01-31",
        reference: "fee_1001",
        payment_method_id: "CREDIT_DEBIT",
        payment_lines: [
          { ledger_account_id: sage.ledgerId(5000), tax_rate_id: "GB_EXEMPT", total_amount: 3.68, details: "Card fee" },
        ],
        total_amount: 3.68,
      },
    });
    expect(schemaProblemsOfWrites()).toEqual([]);

    // The whole flow run again for the same order (same Idempotency Key) writes nothing new.
    const before = log().length;
    const again = await sage.run("createOtherPayment", feeOf(stripe.id));
    expect(again.data.id).toBe(fee.id);
    expect(
      log()
        .slice(before)
        .map((entry) => entry.replayed),
    ).toEqual([true]);
    expect(balanceOf(stripe.id)).toBe(116.32);
  });
});

describe("Other Payments and Other Receipts", () => {
  test("a receipt adds to the bank balance, a payment takes from it; each list shows only its own kind", async () => {
    const bank = sage.bankAccountId(1210);
    const start = balanceOf(bank);
    const { data: receipt } = await sage.run("createOtherReceipt", {
      bankAccountId: bank,
      date: "2026-01-15",
      reference: "GRANT-1",
      paymentLines: JSON.stringify([
        { ledger_account_id: sage.ledgerId(4900), tax_rate_id: "GB_STANDARD", net_amount: 100, tax_amount: 20 },
        { ledger_account_id: sage.ledgerId(4900), total_amount: 30.5, details: "No VAT part" },
      ]),
    });
    expect(receipt).toMatchObject({ transaction_type: { id: "OTHER_RECEIPT" }, total_amount: 150.5 });
    expect(receipt.payment_lines.map((line: { total_amount: number }) => line.total_amount)).toEqual([120, 30.5]);
    const { data: payment } = await sage.run("createOtherPayment", {
      bankAccountId: bank,
      date: "2026-01-16",
      paymentLines: feeLines(50),
    });
    expect(balanceOf(bank)).toBe(start + 100.5);

    const receipts = (await sage.run("listOtherReceipts", { bankAccountId: bank, fetchAll: "true" })).data.$items;
    const payments = (await sage.run("listOtherPayments", { bankAccountId: bank, fetchAll: "true" })).data.$items;
    expect(receipts.map((r: { id: string }) => r.id)).toContain(receipt.id);
    expect(receipts.map((r: { id: string }) => r.id)).not.toContain(payment.id);
    expect(payments.map((r: { id: string }) => r.id)).toEqual([payment.id]);
    const lists = log().filter((entry) => entry.method === "GET" && entry.path === "/other_payments");
    expect(lists.map((entry) => [entry.query.transaction_type_id, entry.query.bank_account_id])).toEqual([
      ["OTHER_RECEIPT", bank],
      ["OTHER_PAYMENT", bank],
    ]);

    // Replacing the lines moves the balance by the difference; deleting gives the money back.
    await sage.run("updateOtherReceipt", {
      otherReceiptId: receipt.id,
      paymentLines: JSON.stringify([{ ledger_account_id: sage.ledgerId(4900), total_amount: 10 }]),
    });
    expect(balanceOf(bank)).toBe(start - 40);
    await sage.run("deleteOtherReceipt", { otherReceiptId: receipt.id });
    await sage.run("deleteOtherPayment", { otherPaymentId: payment.id });
    expect(balanceOf(bank)).toBe(start);
    expect(schemaProblemsOfWrites()).toEqual([]);
  });
});

describe("Bank Transfers, Bank Deposits and Bank Accounts", () => {
  test("a transfer moves the amount between the accounts; updating and deleting it move it back", async () => {
    const [current, savings] = [sage.bankAccountId(1200), sage.bankAccountId(1210)];
    const [c0, s0] = [balanceOf(current), balanceOf(savings)];
    const { data: transfer } = await sage.run("createBankTransfer", {
      fromBankAccountId: current,
      toBankAccountId: savings,
      date: "2026-01-31",
      amount: "250.00",
      reference: "po_1",
    });
    expect([balanceOf(current), balanceOf(savings)]).toEqual([c0 - 250, s0 + 250]);
    const { data: updated } = await sage.run("updateBankTransfer", { bankTransferId: transfer.id, amount: "100" });
    expect(updated.amount).toBe(100);
    expect([balanceOf(current), balanceOf(savings)]).toEqual([c0 - 100, s0 + 100]);
    await sage.run("deleteBankTransfer", { bankTransferId: transfer.id });
    expect([balanceOf(current), balanceOf(savings)]).toEqual([c0, s0]);
    expect(schemaProblemsOfWrites()).toEqual([]);
  });

  test("a deposit moves cash plus cheques out of Cash in Hand; from another kind of account Sage refuses it", async () => {
    const [cash, current, savings] = [sage.bankAccountId(1230), sage.bankAccountId(1200), sage.bankAccountId(1210)];
    const [cash0, current0] = [balanceOf(cash), balanceOf(current)];
    const { data: deposit } = await sage.run("createBankDeposit", {
      fromBankAccountId: cash,
      toBankAccountId: current,
      date: "2026-01-31",
      reference: "SLIP-1",
      cashAmount: "150",
      chequeAmount: "35.50",
    });
    expect(deposit.total_amount).toBe(185.5);
    expect([balanceOf(cash), balanceOf(current)]).toEqual([cash0 - 185.5, current0 + 185.5]);
    // Sage's banking guide: a bank deposit comes from a CASH_IN_HAND account.
    const message = await failureOf(
      sage.run("createBankDeposit", {
        fromBankAccountId: savings,
        toBankAccountId: current,
        date: "2026-01-31",
        reference: "SLIP-2",
        cashAmount: "10",
      }),
    );
    expect(message).toBe(
      "Sage API error 422 on POST /bank_deposits: A bank deposit must come from a Cash in Hand bank account (field: from_bank_account_id).",
    );
    await sage.run("deleteBankDeposit", { bankDepositId: deposit.id });
    expect([balanceOf(cash), balanceOf(current)]).toEqual([cash0, current0]);
    expect(schemaProblemsOfWrites()).toEqual([]);
  });

  test("a bank account with transactions cannot be deleted (Sage's banking guide); without them it can", async () => {
    const { data: account } = await sage.run("createBankAccount", {
      bankAccountTypeId: "SAVINGS",
      accountName: "Rainy Day",
      sortCode: "40-11-62",
      accountNumber: "12345678",
    });
    expect(account).toMatchObject({
      bank_account_type: { id: "SAVINGS" },
      bank_account_details: { account_name: "Rainy Day", sort_code: "40-11-62", account_number: "12345678" },
    });
    const { data: renamed } = await sage.run("updateBankAccount", {
      bankAccountId: account.id,
      accountName: "Reserve",
    });
    expect(renamed.bank_account_details).toMatchObject({ account_name: "Reserve", sort_code: "40-11-62" });
    expect(log().find((entry) => entry.method === "PUT")?.body).toEqual({
      bank_account: { bank_account_details: { account_name: "Reserve" } },
    });
    const { data: transfer } = await sage.run("createBankTransfer", {
      fromBankAccountId: sage.bankAccountId(1200),
      toBankAccountId: account.id,
      date: "2026-01-31",
      amount: "5",
    });
    const message = await failureOf(sage.run("deleteBankAccount", { bankAccountId: account.id }));
    expect(message).toMatch(
      /^Sage API error 422 on DELETE \/bank_accounts\/[0-9a-f]{32}: This bank account cannot be deleted because it has transactions/,
    );
    await sage.run("deleteBankTransfer", { bankTransferId: transfer.id });
    expect((await sage.run("deleteBankAccount", { bankAccountId: account.id })).data).toEqual({
      deleted: true,
      id: account.id,
    });
    expect(store().get("bank_accounts", account.id)).toBeUndefined();
    expect(schemaProblemsOfWrites()).toEqual([]);
  });
});

describe("bad inputs are refused before any request, naming the input", () => {
  const bank = () => sage.bankAccountId(1200);
  test.each([
    [
      "a line without a ledger account",
      "createOtherPayment",
      () => ({ bankAccountId: bank(), date: "2026-01-31", paymentLines: JSON.stringify([{ total_amount: 5 }]) }),
      'Invalid "Payment Lines": line 1 (index 0): "ledger_account_id" is required.',
    ],
    [
      "a line without an amount",
      "createOtherReceipt",
      () => ({
        bankAccountId: bank(),
        date: "2026-01-31",
        paymentLines: JSON.stringify([{ ledger_account_id: sage.ledgerId(4900), tax_amount: 2 }]),
      }),
      'Invalid "Payment Lines": line 1 (index 0): needs an amount: "total_amount", or "net_amount" (with "tax_amount" if any).',
    ],
    [
      "net plus tax that is not the total, by a cent",
      "createOtherPayment",
      () => ({
        bankAccountId: bank(),
        date: "2026-01-31",
        paymentLines: JSON.stringify([
          { ledger_account_id: sage.ledgerId(5000), net_amount: 10, tax_amount: 2, total_amount: 12.01 },
        ]),
      }),
      'Invalid "Payment Lines": line 1 (index 0): "net_amount" 10 plus "tax_amount" 2 must equal "total_amount" 12.01.',
    ],
    [
      "the untouched template",
      "createOtherPayment",
      () => ({ bankAccountId: bank(), date: "2026-01-31" }),
      'Invalid "Payment Lines": line 1 (index 0): "ledger_account_id" is still the template placeholder "string"; put a Sage Id there.',
    ],
    [
      "a transfer to the account it comes from",
      "createBankTransfer",
      () => ({ fromBankAccountId: bank(), toBankAccountId: bank(), date: "2026-01-31", amount: "10" }),
      () => `Invalid "To Bank Account Id": expected a different value from "From Bank Account Id", got "${bank()}".`,
    ],
    [
      "a transfer of nothing",
      "createBankTransfer",
      () => ({ fromBankAccountId: bank(), toBankAccountId: sage.bankAccountId(1210), date: "2026-01-31", amount: "0" }),
      'Invalid "Amount": expected a positive number such as 12.50 (at most 2 decimal places, size up to 1e12), got "0".',
    ],
    [
      "a deposit without its reference",
      "createBankDeposit",
      () => ({
        fromBankAccountId: sage.bankAccountId(1230),
        toBankAccountId: bank(),
        date: "2026-01-31",
        cashAmount: "5",
      }),
      'Invalid "Reference": expected a value; this input is required.',
    ],
    [
      "a bank account without its name",
      "createBankAccount",
      () => ({ bankAccountTypeId: "CHECKING" }),
      'Invalid "Account Name": expected a value; this input is required.',
    ],
  ])("%s", async (_, key, params, expected: string | (() => string)) => {
    expect(await failureOf(sage.run(key, params()))).toBe(typeof expected === "string" ? expected : expected());
    expect(log()).toEqual([]);
  });
});
