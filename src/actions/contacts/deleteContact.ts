import { contactId } from "../../inputs/contacts";
import { deleteAction } from "../recordAction";
import * as examples from "../../examplePayloads/contacts";

export const deleteContact = deleteAction({
  label: "Delete Contact",
  description: "Delete an existing contact by Id",
  path: "/contacts",
  idKey: "contactId",
  idInput: contactId,
  examplePayload: examples.deleteContact,
});
