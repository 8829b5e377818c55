import { action } from "@prismatic-io/spectral";
import { createSageClient, segment } from "../../client";
import { connection } from "../../inputs/common";
import { contactPersonId } from "../../inputs/contactPersons";
import * as examples from "../../examplePayloads/contactPersons";

export const deleteContactPerson = action({
  display: {
    label: "Delete Contact Person",
    description: "Delete an existing contact person by Id",
  },
  inputs: { connection, contactPersonId },
  perform: async (context, { connection, contactPersonId }) => {
    const client = createSageClient(connection, context.debug.enabled);
    await client.delete(`/contact_persons/${segment(contactPersonId)}`);
    // Sage answers 204 with no body; say what was deleted so later steps can use it.
    return { data: { deleted: true, id: contactPersonId } };
  },
  examplePayload: examples.deleteContactPerson,
});
