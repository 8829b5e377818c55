import { picklist } from "./picklist";

export const selectCountry = picklist({
  label: "Select Country",
  description: "Select a country.",
  path: "/countries",
});
