import { updatedOrCreatedSince } from "../../inputs/common";
import { ledgerAccountListFilters } from "../../inputs/ledgerAccounts";
import { listAction } from "../listAction";
import * as examples from "../../examplePayloads/ledgerAccounts";

export const listLedgerAccounts = listAction({
  label: "List Ledger Accounts",
  description: "List all Ledger accounts",
  path: "/ledger_accounts",
  definition: "LedgerAccount",
  filters: { updatedOrCreatedSince, ...ledgerAccountListFilters },
  examplePayload: examples.listLedgerAccounts.data,
});
