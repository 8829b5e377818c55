import { contactId, showBalance } from "../../inputs/contacts";
import { FULL_NESTED_RECORDS } from "../../util/pagination";
import { getAction } from "../recordAction";

export const getContact = getAction({
  label: "Get Contact",
  description: "Get the information and metadata of a contact by Id",
  path: "/contacts",
  definition: "Contact",
  idKey: "contactId",
  idInput: contactId,
  // Addresses and contact people in full, not as links needing a request each.
  query: FULL_NESTED_RECORDS,
  options: { showBalance: { query: "show_balance", input: showBalance } },
});
