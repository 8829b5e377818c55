import { picklist } from "./picklist";

export const selectBankAccount = picklist({
  label: "Select Bank Account",
  description: "Select a bank account.",
  path: "/bank_accounts",
  examplePayload: [
    { label: "Current (1200)", key: "27f4f4c2ee4211e89c7f0a6d3b0f1c8e" },
    { label: "Petty Cash (1230)", key: "27f50ad6ee4211e89c7f0a6d3b0f1c8e" },
  ],
});
