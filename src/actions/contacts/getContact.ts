import { action } from "@prismatic-io/spectral";
import { createSageClient, segment } from "../../client";
import { connection } from "../../inputs/common";
import { contactId } from "../../inputs/contacts";
import * as examples from "../../examplePayloads/contacts";

export const getContact = action({
  display: {
    label: "Get Contact",
    description: "Get the information and metadata of a contact by Id",
  },
  inputs: { connection, contactId },
  perform: async (context, { connection, contactId }) => {
    const client = createSageClient(connection, context.debug.enabled);
    const { data } = await client.get(`/contacts/${segment(contactId)}`, { params: { attributes: "all" } });
    return { data };
  },
  examplePayload: examples.getContact,
});
