import { listAction } from "../listAction";

export const listLedgerAccountTypes = listAction({
  label: "List Ledger Account Types",
  description: "List all Ledger account types",
  path: "/ledger_account_types",
  definition: "Base",
});
