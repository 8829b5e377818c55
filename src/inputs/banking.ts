import { input } from "@prismatic-io/spectral";
import type { ListFilters } from "../actions/listAction";
import { PAYMENT_LINES_TEMPLATE, paymentLines } from "../util/paymentLines";
import {
  optionalId,
  optionalInteger,
  optionalNumber,
  optionalString,
  requiredId,
  requiredNumber,
  requiredString,
} from "../util/validation";
import { contactId, currencyId, leaveUnchangedBoolean } from "./common";
import { bankAccountId as paymentBankAccountId, bankAccountIdFilter, paymentMethodId } from "./contactPayments";
import { documentDate, documentListFilters, optionalOnUpdate } from "./documents";

/**
 * Inputs of the banking resources: Other Payments and Other Receipts (money out and in without an
 * invoice), Bank Accounts, Bank Transfers and Bank Deposits.
 */

/** An input of a create made optional for the update: same label and comment, blank means "leave unchanged". */
const optionalVariant = <T extends { label: string }>(definition: T, clean: (value: unknown) => unknown) =>
  input({ ...(definition as T & { type: "string" }), required: false, clean });

const reference = (comments: string) =>
  input({
    label: "Reference",
    type: "string",
    required: false,
    comments,
    example: "ch_3PqR2sT4uV5w",
    clean: optionalString("Reference"),
  });

// ------------------------------------------------------------------------------------------------
// Other Payments and Other Receipts

/** The lines of an Other Payment or Receipt: each posts an amount to a ledger account. */
const paymentLinesInput = (required: boolean) =>
  input({
    label: "Payment Lines",
    type: "code",
    language: "json",
    required,
    comments:
      'A JSON list of lines, each posting an amount to a ledger account: {"ledger_account_id", "total_amount" (or "net_amount" and "tax_amount"), "tax_rate_id", "details"}. Each line needs a ledger account and an amount; when net, tax and total are all given they must add up to the cent. The payment\'s total is the sum of its lines.' +
      (required ? "" : " Blank or the template leaves the lines unchanged; given, they replace all lines."),
    default: PAYMENT_LINES_TEMPLATE,
    example: JSON.stringify([
      {
        ledger_account_id: "9a8b7c6d5e4f40312a1b2c3d4e5f6a7b",
        tax_rate_id: "GB_EXEMPT",
        total_amount: 2.9,
        details: "Card fee",
      },
    ]),
    clean: paymentLines("Payment Lines", { required }),
  });

const otherContactId = input({
  ...contactId,
  required: false,
  comments: "Optional: the contact (customer or supplier) the money came from or went to.",
  placeholder: "No contact",
  clean: optionalId("Contact Id"),
});

const paymentBankAccount = input({
  ...paymentBankAccountId,
  comments: "The bank account the money was paid out of (payments) or into (receipts).",
});

/** Create and update inputs of an Other Payment or Other Receipt (the same fields; the kind is fixed by the action). */
export const otherPaymentInputs = {
  create: {
    bankAccountId: paymentBankAccount,
    date: documentDate,
    contactId: otherContactId,
    reference: reference("Your reference, such as the card processor's payout or fee id."),
    paymentMethodId,
    paymentLines: paymentLinesInput(true),
  },
  update: {
    bankAccountId: optionalVariant(paymentBankAccount, optionalId("Bank Account Id")),
    date: optionalOnUpdate.date,
    contactId: otherContactId,
    reference: reference("Your reference, such as the card processor's payout or fee id."),
    paymentMethodId,
    paymentLines: paymentLinesInput(false),
  },
};

/** Body mapper of otherPaymentInputs: input key → Sage field. */
export const OTHER_PAYMENT_BODY = {
  bankAccountId: "bank_account_id",
  date: "date",
  contactId: "contact_id",
  reference: "reference",
  paymentMethodId: "payment_method_id",
  paymentLines: "payment_lines",
};

/** The filters Sage's GET /other_payments takes (it has no `search`), worded for one family. */
export const otherPaymentFilters = (plural: string): ListFilters => {
  const { updatedOrCreatedSince, contactId, fromDate, toDate } = documentListFilters(plural);
  return {
    updatedOrCreatedSince,
    bankAccountId: {
      query: "bank_account_id",
      input: input({ ...bankAccountIdFilter, comments: `Limit the response to the ${plural} of this bank account.` }),
    },
    contactId,
    fromDate,
    toDate,
  };
};

/** The id input of a record that has no dropdown (its id comes from a previous step or a list). */
const recordId = (singular: string, comments: string) =>
  input({
    label: `${singular} Id`,
    type: "string",
    required: true,
    comments,
    example: "7c6b5a4d3e2f41009a8b7c6d5e4f3a2b",
    clean: requiredId(`${singular} Id`),
  });

export const otherPaymentId = recordId(
  "Other Payment",
  "Provide the unique identifier of an other payment (money out).",
);
export const otherReceiptId = recordId(
  "Other Receipt",
  "Provide the unique identifier of an other receipt (money in).",
);

// ------------------------------------------------------------------------------------------------
// Bank accounts

export const bankAccountId = input({
  ...paymentBankAccountId,
  comments: "Provide the unique identifier of a bank account.",
});

const BANK_ACCOUNT_TYPES = [
  { label: "Current (CHECKING)", value: "CHECKING" },
  { label: "Savings", value: "SAVINGS" },
  { label: "Credit Card", value: "CREDIT_CARD" },
  { label: "Cash in Hand", value: "CASH_IN_HAND" },
  { label: "Loan", value: "LOAN" },
  { label: "Other", value: "OTHER" },
];

const bankAccountTypeId = input({
  label: "Bank Account Type Id",
  type: "string",
  required: true,
  comments:
    "The kind of account, which decides the transactions Sage allows on it (a bank deposit comes from Cash in Hand).",
  default: "CHECKING",
  model: BANK_ACCOUNT_TYPES,
  clean: requiredId("Bank Account Type Id"),
});

const accountName = input({
  label: "Account Name",
  type: "string",
  required: true,
  comments: "The account's name as Sage lists it, e.g. Stripe or Business Current.",
  example: "Stripe",
  clean: requiredString("Account Name"),
});

const detail = (label: string, comments: string, example: string) =>
  input({ label, type: "string", required: false, comments, example, clean: optionalString(label) });

const bankDetails = {
  accountNumber: detail("Account Number", "The bank account number.", "41104110"),
  sortCode: detail("Sort Code", "The bank's sort code.", "40-11-62"),
  iban: detail("IBAN", "The International Bank Account Number.", "GB33BUKB20201555555555"),
  bic: detail("BIC", "The bank's BIC (SWIFT) code.", "BUKBGB22"),
};

const bankNominalCode = input({
  label: "Nominal Code",
  type: "string",
  required: false,
  comments: "The nominal code of the account's ledger account; blank lets Sage pick the next free bank code.",
  example: "1220",
  clean: optionalInteger("Nominal Code", { min: 1, max: 99999999 }),
});

const defaultPaymentMethodId = input({
  ...paymentMethodId,
  label: "Default Payment Method Id",
  comments: "The payment method Sage suggests for this account's payments (e.g. BANK_TRANSFER, CREDIT_DEBIT, CASH).",
  clean: optionalId("Default Payment Method Id"),
});

const isActive = input({
  label: "Is Active",
  type: "boolean",
  required: false,
  comments: "Whether the account is active; Sage hides inactive accounts from the banking list.",
});

export const bankAccountInputs = {
  create: {
    bankAccountTypeId,
    accountName,
    ...bankDetails,
    nominalCode: bankNominalCode,
    currencyId,
    defaultPaymentMethodId,
  },
  update: {
    bankAccountTypeId: input({
      ...bankAccountTypeId,
      required: false,
      default: "",
      model: [{ label: "Leave unchanged", value: "" }, ...BANK_ACCOUNT_TYPES],
      clean: optionalId("Bank Account Type Id"),
    }),
    accountName: input({ ...accountName, required: false, clean: optionalString("Account Name") }),
    ...bankDetails,
    nominalCode: bankNominalCode,
    defaultPaymentMethodId,
    isActive: leaveUnchangedBoolean(isActive),
  },
};

export const BANK_ACCOUNT_BODY = {
  bankAccountTypeId: "bank_account_type_id",
  accountName: "bank_account_details.account_name",
  accountNumber: "bank_account_details.account_number",
  sortCode: "bank_account_details.sort_code",
  iban: "bank_account_details.iban",
  bic: "bank_account_details.bic",
  nominalCode: "nominal_code",
  currencyId: "currency_id",
  defaultPaymentMethodId: "default_payment_method_id",
  isActive: "is_active",
};

// ------------------------------------------------------------------------------------------------
// Bank transfers and deposits

const accountBetween = (label: string, comments: string) =>
  input({ ...paymentBankAccountId, label, comments, clean: requiredId(label) });

const transferAmount = input({
  label: "Amount",
  type: "string",
  required: true,
  comments: "The amount moved, more than 0 (at most 2 decimal places).",
  example: "250.00",
  clean: requiredNumber("Amount", { positive: true }),
});

const transferAccounts = {
  fromBankAccountId: accountBetween("From Bank Account Id", "The bank account the money leaves."),
  toBankAccountId: accountBetween("To Bank Account Id", "The bank account the money goes into; not the From account."),
};

const transferDescription = input({
  label: "Description",
  type: "string",
  required: false,
  comments: "What the transfer is for.",
  example: "Stripe payout",
  clean: optionalString("Description"),
});

export const bankTransferInputs = {
  create: {
    ...transferAccounts,
    date: documentDate,
    amount: transferAmount,
    reference: reference("Your reference for the transfer, e.g. the payout id."),
    description: transferDescription,
  },
  update: {
    fromBankAccountId: optionalVariant(transferAccounts.fromBankAccountId, optionalId("From Bank Account Id")),
    toBankAccountId: optionalVariant(transferAccounts.toBankAccountId, optionalId("To Bank Account Id")),
    date: optionalOnUpdate.date,
    amount: optionalVariant(transferAmount, optionalNumber("Amount", { positive: true })),
    reference: reference("Your reference for the transfer, e.g. the payout id."),
    description: transferDescription,
  },
};

export const BANK_TRANSFER_BODY = {
  fromBankAccountId: "from_bank_account_id",
  toBankAccountId: "to_bank_account_id",
  date: "date",
  amount: "amount",
  reference: "reference",
  description: "description",
};

export const bankDepositInputs = {
  create: {
    fromBankAccountId: accountBetween(
      "From Bank Account Id",
      "The Cash in Hand account the cash and cheques leave (Sage takes deposits only from one).",
    ),
    toBankAccountId: accountBetween("To Bank Account Id", "The bank account they are paid into; not the From account."),
    date: documentDate,
    reference: input({
      label: "Reference",
      type: "string",
      required: true,
      comments: "Your reference for the deposit, e.g. the paying-in slip number (Sage requires one).",
      example: "SLIP-0042",
      clean: requiredString("Reference"),
    }),
    cashAmount: input({
      label: "Cash Amount",
      type: "string",
      required: true,
      comments: "The cash paid in (0 or more).",
      example: "150.00",
      clean: requiredNumber("Cash Amount", { nonNegative: true }),
    }),
    chequeAmount: input({
      label: "Cheque Amount",
      type: "string",
      required: false,
      comments: "The cheques paid in (0 or more). The deposit's total is cash plus cheques.",
      example: "0",
      clean: optionalNumber("Cheque Amount", { nonNegative: true }),
    }),
  },
};

export const BANK_DEPOSIT_BODY = {
  fromBankAccountId: "from_bank_account_id",
  toBankAccountId: "to_bank_account_id",
  date: "date",
  reference: "reference",
  cashAmount: "cash_amount",
  chequeAmount: "cheque_amount",
};

/** Sage's GET /bank_transfers and /bank_deposits take the change date and the date range. */
export const bankMovementFilters = (plural: string): ListFilters => {
  const { updatedOrCreatedSince, fromDate, toDate } = documentListFilters(plural);
  return { updatedOrCreatedSince, fromDate, toDate };
};

export const bankTransferId = recordId("Bank Transfer", "Provide the unique identifier of a bank transfer.");
export const bankDepositId = recordId("Bank Deposit", "Provide the unique identifier of a bank deposit.");
