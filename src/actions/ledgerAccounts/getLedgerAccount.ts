import { action } from "@prismatic-io/spectral";
import { createSageClient, segment } from "../../client";
import { connection } from "../../inputs/common";
import { ledgerAccountId } from "../../inputs/ledgerAccounts";
import * as examples from "../../examplePayloads/ledgerAccounts";

export const getLedgerAccount = action({
  display: {
    label: "Get Ledger Account",
    description: "Get the information and metadata of a Ledger account",
  },
  inputs: { connection, ledgerAccountId },
  perform: async (context, { connection, ledgerAccountId }) => {
    const client = createSageClient(connection, context.debug.enabled);
    const { data } = await client.get(`/ledger_accounts/${segment(ledgerAccountId)}`, {
      params: { attributes: "all" },
    });
    return { data };
  },
  examplePayload: examples.getLedgerAccount,
});
