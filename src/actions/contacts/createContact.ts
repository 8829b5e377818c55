import { action } from "@prismatic-io/spectral";
import { createSageClient } from "../../client";
import { connection } from "../../inputs/common";
import { createContactInputs } from "../../inputs/contacts";
import { contactBody } from "../../util/contactBody";
import * as examples from "../../examplePayloads/contacts";
import { outputSchemaFor, performSafetyFor } from "../../util/outputSchema";

export const createContact = action({
  display: {
    label: "Create Contact",
    description: "Create a new contact",
  },
  inputs: { connection, ...createContactInputs },
  perform: async (context, { connection, ...fields }) => {
    const client = createSageClient(connection, context.debug.enabled);
    const { data } = await client.post("/contacts", contactBody(fields));
    return { data };
  },
  examplePayload: examples.createContact,
  outputSchema: outputSchemaFor("Contact", "record"),
  performSafety: performSafetyFor("create"),
});
