import { ledgerAccountId } from "../../inputs/ledgerAccounts";
import { getAction } from "../recordAction";

export const getLedgerAccount = getAction({
  label: "Get Ledger Account",
  description: "Get the information and metadata of a Ledger account",
  path: "/ledger_accounts",
  definition: "LedgerAccount",
  idKey: "ledgerAccountId",
  idInput: ledgerAccountId,
});
