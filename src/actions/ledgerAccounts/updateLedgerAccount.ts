import { action } from "@prismatic-io/spectral";
import { createSageClient, segment } from "../../client";
import { connection } from "../../inputs/common";
import { accountId, updateLedgerAccountInputs } from "../../inputs/ledgerAccounts";
import { ledgerAccountBody } from "./ledgerAccountBody";
import { outputSchemaFor, performSafetyFor } from "../../util/outputSchema";

export const updateLedgerAccount = action({
  display: {
    label: "Update Ledger Account",
    description: "Update the information and metadata of a Ledger account by Id",
  },
  inputs: { connection, accountId, ...updateLedgerAccountInputs },
  perform: async (context, { connection, accountId, ...fields }) => {
    const client = createSageClient(connection, context.debug.enabled);
    const { data } = await client.put(`/ledger_accounts/${segment(accountId)}`, ledgerAccountBody(fields));
    return { data };
  },
  outputSchema: outputSchemaFor("LedgerAccount", "record"),
  performSafety: performSafetyFor("update"),
});
