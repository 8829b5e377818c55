import { action } from "@prismatic-io/spectral";
import { createSageClient, segment } from "../../client";
import { connection } from "../../inputs/common";
import { contactPaymentId } from "../../inputs/contactPayments";
import * as examples from "../../examplePayloads/contactPayments";

export const deleteContactPayment = action({
  display: {
    label: "Delete Contact Payment",
    description: "Delete an existing contact payment by Id",
  },
  inputs: { connection, contactPaymentId },
  perform: async (context, { connection, contactPaymentId }) => {
    const client = createSageClient(connection, context.debug.enabled);
    // Sage answers 204 with no body; say what happened so later steps can branch on it.
    await client.delete(`/contact_payments/${segment(contactPaymentId)}`);
    return { data: { deleted: true, id: contactPaymentId } };
  },
  examplePayload: examples.deleteContactPayment,
});
