import { updatedOrCreatedSince } from "../../inputs/common";
import { contactTypeId, email, search } from "../../inputs/contacts";
import { listAction } from "../listAction";
import * as examples from "../../examplePayloads/contacts";

export const listContacts = listAction({
  label: "List Contacts",
  description: "List all contacts",
  path: "/contacts",
  filters: {
    updatedOrCreatedSince: { query: "updated_or_created_since", input: updatedOrCreatedSince },
    search: { query: "search", input: search },
    email: { query: "email", input: email },
    contactTypeId: { query: "contact_type_id", input: contactTypeId },
  },
  examplePayload: examples.listContacts.data,
});
