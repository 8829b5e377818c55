import { picklist } from "./picklist";

export const selectLedgerAccount = picklist({
  label: "Select Ledger Account",
  description: "Select a ledger account from your chart of accounts.",
  path: "/ledger_accounts",
});
