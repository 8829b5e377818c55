import { updatedOrCreatedSince } from "../../inputs/common";
import { contactTypeId, email, excludeSystem, search, showBalance } from "../../inputs/contacts";
import { FULL_NESTED_RECORDS } from "../../util/pagination";
import { listAction } from "../listAction";
import * as examples from "../../examplePayloads/contacts";

export const listContacts = listAction({
  label: "List Contacts",
  description: "List all contacts",
  path: "/contacts",
  definition: "Contact",
  filters: { updatedOrCreatedSince, search, email, contactTypeId, excludeSystem, showBalance },
  // Addresses and contact people in full, not as links needing a request each.
  query: FULL_NESTED_RECORDS,
  examplePayload: examples.listContacts.data,
});
