import { picklist } from "./picklist";

export const selectSalesInvoice = picklist({
  label: "Select Sales Invoice",
  description: "Select a sales invoice.",
  path: "/sales_invoices",
  examplePayload: [
    { label: "SI-1", key: "2b6a0e2198e44bd9b2c7c3c1d6a1b2c3" },
    { label: "SI-2", key: "7f1e2d3c4b5a49687766554433221100" },
  ],
});
