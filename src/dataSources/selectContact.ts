import { picklist } from "./picklist";

export const selectContact = picklist({
  label: "Select Contact",
  description: "Select a contact (customer or supplier) from your Sage business.",
  path: "/contacts",
  examplePayload: [
    { label: "Acme Supplies Ltd (ACME001)", key: "4d5c1a3e9f2b4e6a8c7d0b1f2e3a4c5d" },
    { label: "Bright Ideas Inc (BRIGHT01)", key: "9a8b7c6d5e4f40312a1b2c3d4e5f6a7b" },
  ],
});
