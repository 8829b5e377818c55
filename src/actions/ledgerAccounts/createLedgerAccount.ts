import { action } from "@prismatic-io/spectral";
import { createSageClient } from "../../client";
import { connection } from "../../inputs/common";
import { createLedgerAccountInputs } from "../../inputs/ledgerAccounts";
import { ledgerAccountBody } from "./ledgerAccountBody";
import * as examples from "../../examplePayloads/ledgerAccounts";
import { outputSchemaFor, performSafetyFor } from "../../util/outputSchema";

export const createLedgerAccount = action({
  display: {
    label: "Create Ledger Account",
    description: "Create a new Ledger account",
  },
  inputs: { connection, ...createLedgerAccountInputs },
  perform: async (context, { connection, ...fields }) => {
    const client = createSageClient(connection, context.debug.enabled);
    const { data } = await client.post("/ledger_accounts", ledgerAccountBody(fields));
    return { data };
  },
  examplePayload: examples.createLedgerAccount,
  outputSchema: outputSchemaFor("LedgerAccount", "record"),
  performSafety: performSafetyFor("create"),
});
