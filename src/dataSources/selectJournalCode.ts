import { picklist } from "./picklist";

export const selectJournalCode = picklist({
  label: "Select Journal Code",
  description: "Select a journal code (Sage keeps them for French businesses only).",
  path: "/journal_codes",
});
