import { listAction } from "../listAction";
import * as examples from "../../examplePayloads/lookups";

export const listBankAccounts = listAction({
  label: "List Bank Accounts",
  description: "List all bank accounts",
  path: "/bank_accounts",
  definition: "BankAccount",
  examplePayload: examples.listBankAccounts.data,
});
