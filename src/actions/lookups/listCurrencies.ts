import { listAction } from "../listAction";
import * as examples from "../../examplePayloads/lookups";

export const listCurrencies = listAction({
  label: "List Currencies",
  description: "List all currencies",
  path: "/currencies",
  definition: "Base",
  examplePayload: examples.listCurrencies.data,
});
