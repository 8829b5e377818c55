import { action } from "@prismatic-io/spectral";
import { createSageClient } from "../../client";
import { connection } from "../../inputs/common";
import { contactTypeId, email, excludeSystem, search } from "../../inputs/contacts";
import { FULL_NESTED_RECORDS, fetchAllPages } from "../../util/pagination";
import { outputSchemaFor, performSafetyFor } from "../../util/outputSchema";

export const findContacts = action({
  display: {
    label: "Find Contacts",
    description: "Find every contact matching an email, a name or reference, or a contact type, across all pages",
  },
  inputs: {
    connection,
    email,
    search,
    contactTypeId,
    excludeSystem,
  },
  perform: async (context, { connection, email, search, contactTypeId, excludeSystem }) => {
    const client = createSageClient(connection, context.debug.enabled);
    const { $items } = await fetchAllPages<Record<string, unknown>>(client, "/contacts", {
      attributes: "all",
      ...FULL_NESTED_RECORDS,
      exclude_system: excludeSystem,
      email,
      search,
      contact_type_id: contactTypeId,
    });
    return { data: $items };
  },
  outputSchema: outputSchemaFor("Contact", "array"),
  performSafety: performSafetyFor("find"),
});
