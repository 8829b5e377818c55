import { action } from "@prismatic-io/spectral";
import { createSageClient } from "../../client";
import { connection } from "../../inputs/common";
import { recordsOf, type SageAll } from "../../util/pagination";
import { outputSchemaFor, performSafetyFor } from "../../util/outputSchema";

export const listBusinesses = action({
  display: {
    label: "List Businesses",
    description: "List all businesses",
  },
  inputs: { connection },
  perform: async (context, { connection }) => {
    const client = createSageClient(connection, context.debug.enabled);
    // Sage answers the paged envelope with every business (although its spec says a plain array,
    // which is accepted too); returned as Fetch All returns a list: { $total, $items }.
    const { data } = await client.get("/businesses");
    const $items = recordsOf<Record<string, unknown>>(data);
    const total = (data as { $total?: unknown })?.$total;
    const result: SageAll<Record<string, unknown>> = {
      $total: typeof total === "number" ? Math.max(total, $items.length) : $items.length,
      $items,
    };
    return { data: result };
  },
  outputSchema: outputSchemaFor("Business", "list"),
  performSafety: performSafetyFor("list"),
});
