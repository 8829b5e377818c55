import { picklist } from "./picklist";

export const selectContactType = picklist({
  label: "Select Contact Type",
  description: "Select a contact type (customer or supplier).",
  path: "/contact_types",
});
