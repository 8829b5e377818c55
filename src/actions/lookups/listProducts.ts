import { listAction } from "../listAction";
import * as examples from "../../examplePayloads/lookups";

export const listProducts = listAction({
  label: "List Products",
  description: "List all products",
  path: "/products",
  definition: "Product",
  examplePayload: examples.listProducts.data,
});
