import { picklist } from "./picklist";

export const selectAddressType = picklist({
  label: "Select Address Type",
  description: "Select an address type.",
  path: "/address_types",
});
