import { listAction } from "../listAction";

export const listProducts = listAction({
  label: "List Products",
  description: "List all products",
  path: "/products",
});
