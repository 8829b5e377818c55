import { recordChangesTrigger } from "./recordChanges";

export const purchaseInvoicesChanged = recordChangesTrigger({
  label: "New and Updated Purchase Invoices",
  description:
    "Checks Sage on a schedule for purchase invoices created or updated since the last poll and delivers them as { created, updated }.",
  resource: "purchaseInvoices",
});
