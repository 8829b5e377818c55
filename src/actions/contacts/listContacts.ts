import { updatedOrCreatedSince } from "../../inputs/common";
import { contactTypeId, email, excludeSystem, search, showBalance } from "../../inputs/contacts";
import { FULL_NESTED_RECORDS } from "../../util/pagination";
import { listAction } from "../listAction";

export const listContacts = listAction({
  label: "List Contacts",
  description: "List all contacts",
  path: "/contacts",
  definition: "Contact",
  filters: {
    updatedOrCreatedSince: { query: "updated_or_created_since", input: updatedOrCreatedSince },
    search: { query: "search", input: search },
    email: { query: "email", input: email },
    contactTypeId: { query: "contact_type_id", input: contactTypeId },
    excludeSystem: { query: "exclude_system", input: excludeSystem },
    showBalance: { query: "show_balance", input: showBalance },
  },
  // Addresses and contact people in full, not as links needing a request each.
  query: FULL_NESTED_RECORDS,
});
