import * as examples from "../examplePayloads/triggers";
import { pollChangesTrigger } from "./pollChangesTrigger";

export const contactsChanged = pollChangesTrigger({
  label: "New and Updated Contacts",
  description:
    "Checks Sage on a schedule for contacts created or updated since the last poll and delivers them as { created, updated }.",
  path: "/contacts",
  examplePayload: examples.contactsChanged,
});
