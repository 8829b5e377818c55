import { picklist } from "./picklist";

export const selectTaxRate = picklist({
  label: "Select Tax Rate",
  description: "Select a tax rate.",
  path: "/tax_rates",
});
