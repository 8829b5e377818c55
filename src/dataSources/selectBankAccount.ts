import { picklist } from "./picklist";

export const selectBankAccount = picklist({
  label: "Select Bank Account",
  description: "Select a bank account.",
  path: "/bank_accounts",
});
