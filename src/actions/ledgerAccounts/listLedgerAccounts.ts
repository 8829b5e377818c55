import { updatedOrCreatedSince } from "../../inputs/common";
import { ledgerAccountListFilters } from "../../inputs/ledgerAccounts";
import { listAction } from "../listAction";

export const listLedgerAccounts = listAction({
  label: "List Ledger Accounts",
  description: "List all Ledger accounts",
  path: "/ledger_accounts",
  definition: "LedgerAccount",
  filters: {
    updatedOrCreatedSince: { query: "updated_or_created_since", input: updatedOrCreatedSince },
    visibleIn: { query: "visible_in", input: ledgerAccountListFilters.visibleIn },
    ledgerAccountTypeId: { query: "ledger_account_type_id", input: ledgerAccountListFilters.ledgerAccountTypeId },
  },
});
