import { ledgerAccountId } from "../../inputs/ledgerAccounts";
import { getAction } from "../recordAction";
import * as examples from "../../examplePayloads/ledgerAccounts";

export const getLedgerAccount = getAction({
  label: "Get Ledger Account",
  description: "Get the information and metadata of a Ledger account",
  path: "/ledger_accounts",
  definition: "LedgerAccount",
  idKey: "ledgerAccountId",
  idInput: ledgerAccountId,
  examplePayload: examples.getLedgerAccount,
});
