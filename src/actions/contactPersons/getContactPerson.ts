import { action } from "@prismatic-io/spectral";
import { createSageClient, segment } from "../../client";
import { connection } from "../../inputs/common";
import { contactPersonId } from "../../inputs/contactPersons";
import * as examples from "../../examplePayloads/contactPersons";

export const getContactPerson = action({
  display: {
    label: "Get Contact Person",
    description: "Get the information and metadata of a contact person by Id",
  },
  inputs: { connection, contactPersonId },
  perform: async (context, { connection, contactPersonId }) => {
    const client = createSageClient(connection, context.debug.enabled);
    const { data } = await client.get(`/contact_persons/${segment(contactPersonId)}`, {
      params: { attributes: "all" },
    });
    return { data };
  },
  examplePayload: examples.getContactPerson,
});
