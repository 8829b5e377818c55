import { BANK_DEPOSIT_BODY, bankDepositId, bankDepositInputs, bankMovementFilters } from "../inputs/banking";
import type { SageResource } from "./resource";

/** Cash and cheques paid from the cash in hand account into a bank account. Sage has no PUT for them. */
export const bankDeposits: SageResource = {
  path: "/bank_deposits",
  wrapper: "bank_deposit",
  definition: "BankDeposit",
  singular: "Bank Deposit",
  plural: "Bank Deposits",
  id: { key: "bankDepositId", input: bankDepositId },
  filters: bankMovementFilters("bank deposits"),
  body: BANK_DEPOSIT_BODY,
  distinct: ["fromBankAccountId", "toBankAccountId"],
  create: {
    key: "createBankDeposit",
    label: "Create Bank Deposit",
    description:
      "Pay cash and cheques from the Cash in Hand account into a bank account. Sage cannot change a deposit afterwards: delete it and create it again.",
    inputs: bankDepositInputs.create,
  },
  get: { key: "getBankDeposit", label: "Get Bank Deposit", description: "Get a bank deposit by Id." },
  delete: {
    key: "deleteBankDeposit",
    label: "Delete Bank Deposit",
    description: "Delete a bank deposit by Id; the money goes back to the Cash in Hand account.",
  },
  list: { key: "listBankDeposits", label: "List Bank Deposits", description: "List bank deposits." },
  pollable: true,
  sample: {
    create: {
      fromBankAccountId: "$cashAccount",
      toBankAccountId: "$currentAccount",
      date: "$today",
      reference: "SLIP-0042",
      cashAmount: "150.00",
      chequeAmount: "35.50",
    },
    update: {},
  },
};
