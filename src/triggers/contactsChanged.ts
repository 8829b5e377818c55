import * as examples from "../examplePayloads/triggers";
import { FULL_NESTED_RECORDS } from "../util/pagination";
import { pollChangesTrigger } from "./pollChangesTrigger";

export const contactsChanged = pollChangesTrigger({
  label: "New and Updated Contacts",
  description:
    "Checks Sage on a schedule for contacts created or updated since the last poll and delivers them as { created, updated }.",
  path: "/contacts",
  // Full addresses and people; Sage's HMRC system contacts are no customer or supplier to sync.
  query: { ...FULL_NESTED_RECORDS, exclude_system: true },
  examplePayload: examples.contactsChanged,
});
