import { contactId } from "../../inputs/contacts";
import { deleteAction } from "../recordAction";

export const deleteContact = deleteAction({
  label: "Delete Contact",
  description: "Delete an existing contact by Id",
  path: "/contacts",
  idKey: "contactId",
  idInput: contactId,
});
