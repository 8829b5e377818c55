import { listAction } from "../listAction";

export const listCurrencies = listAction({
  label: "List Currencies",
  description: "List all currencies",
  path: "/currencies",
  definition: "Base",
});
