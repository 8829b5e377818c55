import { picklist } from "./picklist";

export const selectLedgerAccountType = picklist({
  label: "Select Ledger Account Type",
  description: "Select a ledger account type.",
  path: "/ledger_account_types",
});
