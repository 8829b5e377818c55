import { recordChangesTrigger } from "./recordChanges";

export const salesInvoicesChanged = recordChangesTrigger({
  label: "New and Updated Sales Invoices",
  description:
    "Checks Sage on a schedule for sales invoices created or updated since the last poll and delivers them as { created, updated }.",
  resource: "salesInvoices",
});
