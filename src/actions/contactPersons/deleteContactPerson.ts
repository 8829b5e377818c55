import { contactPersonId } from "../../inputs/contactPersons";
import { deleteAction } from "../recordAction";
import * as examples from "../../examplePayloads/contactPersons";

export const deleteContactPerson = deleteAction({
  label: "Delete Contact Person",
  description: "Delete an existing contact person by Id",
  path: "/contact_persons",
  idKey: "contactPersonId",
  idInput: contactPersonId,
  examplePayload: examples.deleteContactPerson,
});
