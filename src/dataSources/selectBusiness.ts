import { picklist } from "./picklist";

export const selectBusiness = picklist({
  label: "Select Business",
  description: "Select one of the Sage businesses the connected user can access.",
  path: "/businesses",
  unpaged: true,
  // Users know a business by its name (what Sage's own business switcher shows).
  labelOf: (business) => business.name || business.displayed_as,
});
