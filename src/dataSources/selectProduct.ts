import * as examples from "../examplePayloads/dataSources";
import { picklist } from "./picklist";

export const selectProduct = picklist({
  label: "Select Product",
  description: "Select a product.",
  path: "/products",
  examplePayload: examples.selectProduct.result,
});
