import * as examples from "../examplePayloads/dataSources";
import { picklist } from "./picklist";

export const selectSalesInvoice = picklist({
  label: "Select Sales Invoice",
  description: "Select a sales invoice.",
  path: "/sales_invoices",
  examplePayload: examples.selectSalesInvoice.result,
});
