import { action } from "@prismatic-io/spectral";
import { createSageClient, segment } from "../../client";
import { connection } from "../../inputs/common";
import { contactPersonId, updateContactPersonInputs } from "../../inputs/contactPersons";
import { contactPersonBody } from "./contactPersonBody";
import { outputSchemaFor, performSafetyFor } from "../../util/outputSchema";

export const updateContactPerson = action({
  display: {
    label: "Update Contact Person",
    description: "Update the information and metadata of an existing contact person by Id",
  },
  inputs: { connection, contactPersonId, ...updateContactPersonInputs },
  perform: async (context, { connection, contactPersonId, ...fields }) => {
    const client = createSageClient(connection, context.debug.enabled);
    const { data } = await client.put(`/contact_persons/${segment(contactPersonId)}`, contactPersonBody(fields));
    return { data };
  },
  outputSchema: outputSchemaFor("ContactPerson", "record"),
  performSafety: performSafetyFor("update"),
});
