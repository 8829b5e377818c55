import { listAction } from "../listAction";
import * as examples from "../../examplePayloads/lookups";

export const listAddressTypes = listAction({
  label: "List Address Types",
  description: "List all address types",
  path: "/address_types",
  definition: "Base",
  examplePayload: examples.listAddressTypes.data,
});
