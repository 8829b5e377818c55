import { listAction } from "../listAction";

export const listBankAccounts = listAction({
  label: "List Bank Accounts",
  description: "List all bank accounts",
  path: "/bank_accounts",
  definition: "BankAccount",
});
