import { picklist } from "./picklist";

export const selectProduct = picklist({
  label: "Select Product",
  description: "Select a product.",
  path: "/products",
  examplePayload: [
    { label: "Blue Widget (WID-BLUE)", key: "0f1e2d3c4b5a69788796a5b4c3d2e1f0" },
    { label: "Red Widget (WID-RED)", key: "1e2d3c4b5a6978879a6b5c4d3e2f1a0b" },
  ],
});
