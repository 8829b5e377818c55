import { picklist } from "./picklist";

export const selectCurrency = picklist({
  label: "Select Currency",
  description: "Select a currency.",
  path: "/currencies",
  examplePayload: [
    { label: "Euro (EUR)", key: "EUR" },
    { label: "Pound Sterling (GBP)", key: "GBP" },
  ],
});
