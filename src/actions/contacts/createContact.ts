import { action } from "@prismatic-io/spectral";
import { createSageClient } from "../../client";
import { connection, idempotencyKey } from "../../inputs/common";
import { withIdempotencyKey } from "../../util/idempotency";
import { createContactInputs } from "../../inputs/contacts";
import { contactBody } from "../../util/contactBody";
import { outputSchemaFor, performSafetyFor } from "../../util/outputSchema";

export const createContact = action({
  display: {
    label: "Create Contact",
    description: "Create a new contact",
  },
  inputs: { connection, ...createContactInputs, idempotencyKey },
  perform: async (context, { connection, idempotencyKey, ...fields }) => {
    const client = createSageClient(connection, context.debug.enabled);
    const { data } = await client.post("/contacts", contactBody(fields), withIdempotencyKey(idempotencyKey));
    return { data };
  },
  outputSchema: outputSchemaFor("Contact", "record"),
  performSafety: performSafetyFor("create"),
});
