import { action } from "@prismatic-io/spectral";
import { createSageClient, segment } from "../../client";
import { connection } from "../../inputs/common";
import { contactId, updateContactInputs } from "../../inputs/contacts";
import { contactBody } from "../../util/contactBody";
import { outputSchemaFor, performSafetyFor } from "../../util/outputSchema";

export const updateContact = action({
  display: {
    label: "Update Contact",
    description: "Update the information and metadata of an existing contact by Id",
  },
  inputs: { connection, contactId, ...updateContactInputs },
  perform: async (context, { connection, contactId, ...fields }) => {
    const client = createSageClient(connection, context.debug.enabled);
    const { data } = await client.put(`/contacts/${segment(contactId)}`, contactBody(fields, { update: true }));
    return { data };
  },
  outputSchema: outputSchemaFor("Contact", "record"),
  performSafety: performSafetyFor("update"),
});
