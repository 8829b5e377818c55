import { recordChangesTrigger } from "./recordChanges";

export const contactsChanged = recordChangesTrigger({
  label: "New and Updated Contacts",
  description:
    "Checks Sage on a schedule for contacts created or updated since the last poll and delivers them as { created, updated }.",
  resource: "contacts",
});
