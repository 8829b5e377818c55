import { picklist } from "./picklist";

export const selectTaxRate = picklist({
  label: "Select Tax Rate",
  description: "Select a tax rate.",
  path: "/tax_rates",
  examplePayload: [
    { label: "Standard 20.00%", key: "GB_STANDARD" },
    { label: "Zero 0.00%", key: "GB_ZERO" },
  ],
});
