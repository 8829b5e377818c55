import { contactId } from "../../inputs/contacts";
import { getAction } from "../recordAction";
import * as examples from "../../examplePayloads/contacts";

export const getContact = getAction({
  label: "Get Contact",
  description: "Get the information and metadata of a contact by Id",
  path: "/contacts",
  definition: "Contact",
  idKey: "contactId",
  idInput: contactId,
  examplePayload: examples.getContact,
});
