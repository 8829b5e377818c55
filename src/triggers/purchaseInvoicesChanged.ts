import * as examples from "../examplePayloads/triggers";
import { pollChangesTrigger } from "./pollChangesTrigger";

export const purchaseInvoicesChanged = pollChangesTrigger({
  label: "New and Updated Purchase Invoices",
  description:
    "Checks Sage on a schedule for purchase invoices created or updated since the last poll and delivers them as { created, updated }.",
  path: "/purchase_invoices",
  examplePayload: examples.purchaseInvoicesChanged,
});
