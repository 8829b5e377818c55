import { updatedOrCreatedSince } from "../../inputs/common";
import { addressIdFilter, contactIdFilter } from "../../inputs/contactPersons";
import { listAction } from "../listAction";

export const listContactPeople = listAction({
  label: "List Contact People",
  description: "List all contact people",
  path: "/contact_persons",
  definition: "ContactPerson",
  filters: {
    updatedOrCreatedSince: { query: "updated_or_created_since", input: updatedOrCreatedSince },
    contactId: { query: "contact_id", input: contactIdFilter },
    addressId: { query: "address_id", input: addressIdFilter },
  },
});
