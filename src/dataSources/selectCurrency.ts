import { picklist } from "./picklist";

export const selectCurrency = picklist({
  label: "Select Currency",
  description: "Select a currency.",
  path: "/currencies",
});
