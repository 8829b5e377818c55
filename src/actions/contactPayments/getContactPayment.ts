import { contactPaymentId } from "../../inputs/contactPayments";
import { getAction } from "../recordAction";

export const getContactPayment = getAction({
  label: "Get Contact Payment",
  description: "Get the information and metadata of a contact payment by Id",
  path: "/contact_payments",
  definition: "ContactPayment",
  idKey: "contactPaymentId",
  idInput: contactPaymentId,
});
