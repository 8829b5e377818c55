import { action } from "@prismatic-io/spectral";
import { createSageClient } from "../../client";
import { connection } from "../../inputs/common";
import * as examples from "../../examplePayloads/businesses";
import { outputSchemaFor, performSafetyFor } from "../../util/outputSchema";

export const listBusinesses = action({
  display: {
    label: "List Businesses",
    description: "List all businesses",
  },
  inputs: { connection },
  perform: async (context, { connection }) => {
    const client = createSageClient(connection, context.debug.enabled);
    // Unlike every other list, /businesses answers with a plain array, not the paged envelope.
    const { data } = await client.get<Record<string, unknown>[]>("/businesses");
    return { data };
  },
  examplePayload: examples.listBusinesses,
  outputSchema: outputSchemaFor("Business", "array"),
  performSafety: performSafetyFor("list"),
});
