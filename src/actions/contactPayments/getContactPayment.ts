import { action } from "@prismatic-io/spectral";
import { createSageClient, segment } from "../../client";
import { connection } from "../../inputs/common";
import { contactPaymentId } from "../../inputs/contactPayments";
import * as examples from "../../examplePayloads/contactPayments";

export const getContactPayment = action({
  display: {
    label: "Get Contact Payment",
    description: "Get the information and metadata of a contact payment by Id",
  },
  inputs: { connection, contactPaymentId },
  perform: async (context, { connection, contactPaymentId }) => {
    const client = createSageClient(connection, context.debug.enabled);
    const { data } = await client.get(`/contact_payments/${segment(contactPaymentId)}`, {
      params: { attributes: "all" },
    });
    return { data };
  },
  examplePayload: examples.getContactPayment,
});
