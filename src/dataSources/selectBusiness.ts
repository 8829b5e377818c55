import { picklist } from "./picklist";

export const selectBusiness = picklist({
  label: "Select Business",
  description: "Select one of the Sage businesses the connected user can access.",
  path: "/businesses",
  unpaged: true,
  // Users know a business by its name (what Sage's own business switcher shows).
  labelOf: (business) => business.name || business.displayed_as,
  examplePayload: [
    { label: "Acme Trading Ltd", key: "0e7a2c1f5b9d4f3e8a6c2b1d0f9e8a7c" },
    { label: "Acme Trading US Inc", key: "8d6c4b2a0f1e4d3c9b8a7f6e5d4c3b2a" },
  ],
});
