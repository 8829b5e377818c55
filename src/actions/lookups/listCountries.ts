import { listAction } from "../listAction";
import * as examples from "../../examplePayloads/lookups";

export const listCountries = listAction({
  label: "List Countries",
  description: "List all countries",
  path: "/countries",
  definition: "Base",
  examplePayload: examples.listCountries.data,
});
