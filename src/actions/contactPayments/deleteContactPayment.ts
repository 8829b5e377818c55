import { contactPaymentId } from "../../inputs/contactPayments";
import { deleteAction } from "../recordAction";

export const deleteContactPayment = deleteAction({
  label: "Delete Contact Payment",
  description: "Delete an existing contact payment by Id",
  path: "/contact_payments",
  idKey: "contactPaymentId",
  idInput: contactPaymentId,
});
