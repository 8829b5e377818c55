import { BANK_TRANSFER_BODY, bankMovementFilters, bankTransferId, bankTransferInputs } from "../inputs/banking";
import type { SageResource } from "./resource";

/** Money moved between two of the business's bank accounts (a processor's payout, a card repayment). */
export const bankTransfers: SageResource = {
  path: "/bank_transfers",
  wrapper: "bank_transfer",
  definition: "BankTransfer",
  singular: "Bank Transfer",
  plural: "Bank Transfers",
  id: { key: "bankTransferId", input: bankTransferId },
  filters: bankMovementFilters("bank transfers"),
  body: BANK_TRANSFER_BODY,
  distinct: ["fromBankAccountId", "toBankAccountId"],
  create: {
    key: "createBankTransfer",
    label: "Create Bank Transfer",
    description:
      "Move money between two bank accounts, e.g. a card processor's payout into the current account or a credit card repayment.",
    inputs: bankTransferInputs.create,
  },
  update: {
    key: "updateBankTransfer",
    label: "Update Bank Transfer",
    description: "Update a bank transfer by Id; only the inputs filled in are changed.",
    inputs: bankTransferInputs.update,
  },
  get: { key: "getBankTransfer", label: "Get Bank Transfer", description: "Get a bank transfer by Id." },
  delete: {
    key: "deleteBankTransfer",
    label: "Delete Bank Transfer",
    description: "Delete a bank transfer by Id; both accounts get the amount back.",
  },
  list: { key: "listBankTransfers", label: "List Bank Transfers", description: "List bank transfers." },
  pollable: true,
  sample: {
    create: {
      fromBankAccountId: "$currentAccount",
      toBankAccountId: "$savingsAccount",
      date: "$today",
      amount: "250.00",
      reference: "po_1PqR2s",
      description: "Monthly saving",
    },
    update: { reference: "po_1PqR2s-A" },
  },
};
