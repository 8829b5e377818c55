import { contactPersonId } from "../../inputs/contactPersons";
import { deleteAction } from "../recordAction";

export const deleteContactPerson = deleteAction({
  label: "Delete Contact Person",
  description: "Delete an existing contact person by Id",
  path: "/contact_persons",
  idKey: "contactPersonId",
  idInput: contactPersonId,
});
