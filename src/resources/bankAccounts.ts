import { BANK_ACCOUNT_BODY, bankAccountId, bankAccountInputs } from "../inputs/banking";
import type { SageResource } from "./resource";

/**
 * Bank accounts. List Bank Accounts and Select Bank Account predate this declaration and keep their
 * own files (src/actions/lookups/listBankAccounts.ts, src/dataSources/selectBankAccount.ts).
 */
export const bankAccounts: SageResource = {
  path: "/bank_accounts",
  wrapper: "bank_account",
  definition: "BankAccount",
  singular: "Bank Account",
  plural: "Bank Accounts",
  id: { key: "bankAccountId", input: bankAccountId },
  filters: {},
  body: BANK_ACCOUNT_BODY,
  create: {
    key: "createBankAccount",
    label: "Create Bank Account",
    description:
      "Create a bank account (e.g. one for a card processor's balance); Sage creates its ledger account with it.",
    inputs: bankAccountInputs.create,
  },
  update: {
    key: "updateBankAccount",
    label: "Update Bank Account",
    description: "Update a bank account by Id; only the inputs filled in are changed.",
    inputs: bankAccountInputs.update,
  },
  get: {
    key: "getBankAccount",
    label: "Get Bank Account",
    description: "Get a bank account by Id, with its balance and details.",
  },
  delete: {
    key: "deleteBankAccount",
    label: "Delete Bank Account",
    description:
      "Delete a bank account by Id. Sage deletes only an account with no transactions, and never its default current or cash in hand account; mark such an account inactive instead.",
  },
  pollable: true,
  sample: {
    create: { bankAccountTypeId: "CHECKING", accountName: "Stripe", accountNumber: "12345678", sortCode: "40-11-62" },
    update: { accountName: "Stripe GBP" },
  },
};
