import { picklist } from "./picklist";

export const selectPurchaseInvoice = picklist({
  label: "Select Purchase Invoice",
  description: "Select a purchase invoice.",
  path: "/purchase_invoices",
  examplePayload: [
    { label: "PI-1", key: "5c4b3a291807465f8e7d6c5b4a392817" },
    { label: "PI-2", key: "a1b2c3d4e5f60718293a4b5c6d7e8f90" },
  ],
});
