import * as examples from "../examplePayloads/dataSources";
import { picklist } from "./picklist";

export const selectBankAccount = picklist({
  label: "Select Bank Account",
  description: "Select a bank account.",
  path: "/bank_accounts",
  examplePayload: examples.selectBankAccount.result,
});
