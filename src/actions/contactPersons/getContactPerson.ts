import { contactPersonId } from "../../inputs/contactPersons";
import { getAction } from "../recordAction";

export const getContactPerson = getAction({
  label: "Get Contact Person",
  description: "Get the information and metadata of a contact person by Id",
  path: "/contact_persons",
  definition: "ContactPerson",
  idKey: "contactPersonId",
  idInput: contactPersonId,
});
