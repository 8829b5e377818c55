import * as examples from "../examplePayloads/dataSources";
import { picklist } from "./picklist";

export const selectPurchaseInvoice = picklist({
  label: "Select Purchase Invoice",
  description: "Select a purchase invoice.",
  path: "/purchase_invoices",
  examplePayload: examples.selectPurchaseInvoice.result,
});
