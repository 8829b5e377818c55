import { updatedOrCreatedSince } from "../../inputs/common";
import { ledgerAccountListFilters } from "../../inputs/ledgerAccounts";
import { listAction } from "../listAction";
import * as examples from "../../examplePayloads/ledgerAccounts";

export const listLedgerAccounts = listAction({
  label: "List Ledger Accounts",
  description: "List all Ledger accounts",
  path: "/ledger_accounts",
  filters: { updatedOrCreatedSince, ...ledgerAccountListFilters },
  toQuery: ({ updatedOrCreatedSince, visibleIn, ledgerAccountTypeId }) => ({
    updated_or_created_since: updatedOrCreatedSince as string | undefined,
    visible_in: visibleIn as string | undefined,
    ledger_account_type_id: ledgerAccountTypeId as string | undefined,
  }),
  examplePayload: examples.listLedgerAccounts.data,
});
