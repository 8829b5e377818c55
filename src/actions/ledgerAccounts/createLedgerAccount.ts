import { action } from "@prismatic-io/spectral";
import { createSageClient } from "../../client";
import { connection, idempotencyKey } from "../../inputs/common";
import { withIdempotencyKey } from "../../util/idempotency";
import { createLedgerAccountInputs } from "../../inputs/ledgerAccounts";
import { ledgerAccountBody } from "./ledgerAccountBody";
import { outputSchemaFor, performSafetyFor } from "../../util/outputSchema";

export const createLedgerAccount = action({
  display: {
    label: "Create Ledger Account",
    description: "Create a new Ledger account",
  },
  inputs: { connection, ...createLedgerAccountInputs, idempotencyKey },
  perform: async (context, { connection, idempotencyKey, ...fields }) => {
    const client = createSageClient(connection, context.debug.enabled);
    const { data } = await client.post(
      "/ledger_accounts",
      ledgerAccountBody(fields),
      withIdempotencyKey(idempotencyKey),
    );
    return { data };
  },
  outputSchema: outputSchemaFor("LedgerAccount", "record"),
  performSafety: performSafetyFor("create"),
});
