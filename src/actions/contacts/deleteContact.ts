import { action } from "@prismatic-io/spectral";
import { createSageClient, segment } from "../../client";
import { connection } from "../../inputs/common";
import { contactId } from "../../inputs/contacts";
import * as examples from "../../examplePayloads/contacts";

export const deleteContact = action({
  display: {
    label: "Delete Contact",
    description: "Delete an existing contact by Id",
  },
  inputs: { connection, contactId },
  perform: async (context, { connection, contactId }) => {
    const client = createSageClient(connection, context.debug.enabled);
    await client.delete(`/contacts/${segment(contactId)}`);
    // Sage answers 204 with no body; say what was deleted so later steps can use it.
    return { data: { deleted: true, id: contactId } };
  },
  examplePayload: examples.deleteContact,
});
