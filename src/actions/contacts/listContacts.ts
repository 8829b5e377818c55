import { updatedOrCreatedSince } from "../../inputs/common";
import { contactTypeId, email, search } from "../../inputs/contacts";
import { listAction } from "../listAction";
import * as examples from "../../examplePayloads/contacts";

export const listContacts = listAction({
  label: "List Contacts",
  description: "List all contacts",
  path: "/contacts",
  definition: "Contact",
  filters: { updatedOrCreatedSince, search, email, contactTypeId },
  examplePayload: examples.listContacts.data,
});
