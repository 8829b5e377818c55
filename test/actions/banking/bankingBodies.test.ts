import { captureBody, runAction, useNock } from "../../helpers";
import { schemaProblems } from "../../sageSchema";

useNock();

// Every create and update of the banking resources with every input filled in: the request out,
// and that Sage's POST/PUT definition takes every key of it (test/sageSchema.ts, the sandbox's validator).

const ID = "5b6a0e21a6f04f1d9c1e0f3a2b4c6d8e";
const BANK = "9a8b7c6d5e4f40312a1b2c3d4e5f6a7b";
const OTHER_BANK = "1a8b7c6d5e4f40312a1b2c3d4e5f6a7c";
const LEDGER = "4b3a2c1d0e9f48a7b6c5d4e3f2a1b0c9";
const CONTACT = "1b0ebd8a6f5c11ecb2660236bd82ab5b";
const record = (path: string) => ({ id: ID, displayed_as: "x", $path: `${path}/${ID}` });

const LINES = [
  {
    ledger_account_id: LEDGER,
    tax_rate_id: "GB_STANDARD",
    net_amount: 10,
    tax_amount: 2,
    total_amount: 12,
    details: "A",
  },
  { ledger_account_id: LEDGER, tax_rate_id: "GB_STANDARD", net_amount: 5, tax_amount: 1, details: "B" },
];
const PAYMENT = {
  bankAccountId: BANK,
  date: "2026-01-31T10:00:00Z",
  contactId: CONTACT,
  reference: "fee_1",
  paymentMethodId: "CREDIT_DEBIT",
  paymentLines: JSON.stringify(LINES),
};
const PAYMENT_BODY = {
  bank_account_id: BANK,
  date: "2026-01-31",
  contact_id: CONTACT,
  reference: "fee_1",
  payment_method_id: "CREDIT_DEBIT",
  // The second line gave net and tax: its total is filled in; the header amounts are the lines' sums.
  payment_lines: [LINES[0], { ...LINES[1], total_amount: 6 }],
  net_amount: 15,
  tax_amount: 3,
  total_amount: 18,
};

const cases: [string, "post" | "put", string, Record<string, unknown>, string, Record<string, unknown>][] = [
  [
    "createOtherPayment",
    "post",
    "/other_payments",
    PAYMENT,
    "postOtherPayments",
    { transaction_type_id: "OTHER_PAYMENT", ...PAYMENT_BODY },
  ],
  [
    "createOtherReceipt",
    "post",
    "/other_payments",
    PAYMENT,
    "postOtherPayments",
    { transaction_type_id: "OTHER_RECEIPT", ...PAYMENT_BODY },
  ],
  [
    "updateOtherPayment",
    "put",
    `/other_payments/${ID}`,
    { otherPaymentId: ID, ...PAYMENT },
    "putOtherPayments",
    PAYMENT_BODY,
  ],
  [
    "updateOtherReceipt",
    "put",
    `/other_payments/${ID}`,
    { otherReceiptId: ID, ...PAYMENT },
    "putOtherPayments",
    PAYMENT_BODY,
  ],
  [
    "createBankAccount",
    "post",
    "/bank_accounts",
    {
      bankAccountTypeId: "CHECKING",
      accountName: "Stripe",
      accountNumber: "12345678",
      sortCode: "40-11-62",
      iban: "GB33BUKB20201555555555",
      bic: "BUKBGB22",
      nominalCode: "1250",
      currencyId: "GBP",
      defaultPaymentMethodId: "CREDIT_DEBIT",
    },
    "postBankAccounts",
    {
      bank_account_type_id: "CHECKING",
      bank_account_details: {
        account_name: "Stripe",
        account_number: "12345678",
        sort_code: "40-11-62",
        iban: "GB33BUKB20201555555555",
        bic: "BUKBGB22",
      },
      nominal_code: 1250,
      currency_id: "GBP",
      default_payment_method_id: "CREDIT_DEBIT",
    },
  ],
  [
    "updateBankAccount",
    "put",
    `/bank_accounts/${ID}`,
    {
      bankAccountId: ID,
      bankAccountTypeId: "SAVINGS",
      accountName: "Reserve",
      iban: "GB00",
      nominalCode: "1251",
      isActive: "false",
    },
    "putBankAccounts",
    {
      bank_account_type_id: "SAVINGS",
      bank_account_details: { account_name: "Reserve", iban: "GB00" },
      nominal_code: 1251,
      is_active: false,
    },
  ],
  [
    "createBankTransfer",
    "post",
    "/bank_transfers",
    {
      fromBankAccountId: BANK,
      toBankAccountId: OTHER_BANK,
      date: "2026-01-31",
      amount: "250.5",
      reference: "po_1",
      description: "Payout",
    },
    "postBankTransfers",
    {
      from_bank_account_id: BANK,
      to_bank_account_id: OTHER_BANK,
      date: "2026-01-31",
      amount: 250.5,
      reference: "po_1",
      description: "Payout",
    },
  ],
  [
    "updateBankTransfer",
    "put",
    `/bank_transfers/${ID}`,
    { bankTransferId: ID, toBankAccountId: OTHER_BANK, amount: "10", description: "Fixed" },
    "putBankTransfers",
    { to_bank_account_id: OTHER_BANK, amount: 10, description: "Fixed" },
  ],
  [
    "createBankDeposit",
    "post",
    "/bank_deposits",
    {
      fromBankAccountId: BANK,
      toBankAccountId: OTHER_BANK,
      date: "2026-01-31",
      reference: "SLIP-1",
      cashAmount: "150",
      chequeAmount: "35.5",
    },
    "postBankDeposits",
    {
      from_bank_account_id: BANK,
      to_bank_account_id: OTHER_BANK,
      date: "2026-01-31",
      reference: "SLIP-1",
      cash_amount: 150,
      cheque_amount: 35.5,
    },
  ],
];

test.each(cases)(
  "%s (%s %s) sends every input under Sage's name, within Sage's POST/PUT definition",
  async (key, method, path, params, definition, fields) => {
    const sent = captureBody(method, path, record(path.split("/").slice(0, 2).join("/")));
    await runAction(key, params);
    const [name] = Object.keys(sent.body as object);
    expect(sent.body).toEqual({ [name]: fields });
    expect(schemaProblems(definition, sent.body)).toEqual([]);
  },
);

test("an update with nothing filled in sends an empty wrapper, and Sage's PUT accepts it", async () => {
  const sent = captureBody("put", `/bank_transfers/${ID}`, record("/bank_transfers"));
  await runAction("updateBankTransfer", { bankTransferId: ID });
  expect(sent.body).toEqual({ bank_transfer: {} });
  expect(schemaProblems("putBankTransfers", sent.body)).toEqual([]);
});
