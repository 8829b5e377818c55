import { picklist } from "./picklist";

export const selectCountry = picklist({
  label: "Select Country",
  description: "Select a country.",
  path: "/countries",
  examplePayload: [
    { label: "France (FR)", key: "FR" },
    { label: "United Kingdom (GB)", key: "GB" },
  ],
});
