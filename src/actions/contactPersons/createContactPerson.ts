import { action } from "@prismatic-io/spectral";
import { createSageClient } from "../../client";
import { connection, idempotencyKey } from "../../inputs/common";
import { withIdempotencyKey } from "../../util/idempotency";
import { createContactPersonInputs } from "../../inputs/contactPersons";
import { contactPersonBody } from "./contactPersonBody";
import { outputSchemaFor, performSafetyFor } from "../../util/outputSchema";

export const createContactPerson = action({
  display: {
    label: "Create Contact Person",
    description: "Create a new contact person at an address of a contact",
  },
  inputs: { connection, ...createContactPersonInputs, idempotencyKey },
  perform: async (context, { connection, idempotencyKey, ...fields }) => {
    const client = createSageClient(connection, context.debug.enabled);
    const { data } = await client.post(
      "/contact_persons",
      contactPersonBody(fields),
      withIdempotencyKey(idempotencyKey),
    );
    return { data };
  },
  outputSchema: outputSchemaFor("ContactPerson", "record"),
  performSafety: performSafetyFor("create"),
});
