import { updatedOrCreatedSince } from "../../inputs/common";
import { addressIdFilter, contactIdFilter } from "../../inputs/contactPersons";
import type { QueryParams } from "../../util/pagination";
import { listAction } from "../listAction";
import * as examples from "../../examplePayloads/contactPersons";

export const listContactPeople = listAction({
  label: "List Contact People",
  description: "List all contact people",
  path: "/contact_persons",
  filters: { updatedOrCreatedSince, contactId: contactIdFilter, addressId: addressIdFilter },
  // The cleaners have already turned each filter into a string or undefined.
  toQuery: (values): QueryParams => ({
    updated_or_created_since: values.updatedOrCreatedSince as string | undefined,
    contact_id: values.contactId as string | undefined,
    address_id: values.addressId as string | undefined,
  }),
  examplePayload: examples.listContactPeople.data,
});
