import * as examples from "../examplePayloads/triggers";
import { pollChangesTrigger } from "./pollChangesTrigger";

export const salesInvoicesChanged = pollChangesTrigger({
  label: "New and Updated Sales Invoices",
  description:
    "Checks Sage on a schedule for sales invoices created or updated since the last poll and delivers them as { created, updated }.",
  path: "/sales_invoices",
  examplePayload: examples.salesInvoicesChanged,
});
