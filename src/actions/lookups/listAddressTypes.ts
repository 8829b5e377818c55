import { listAction } from "../listAction";

export const listAddressTypes = listAction({
  label: "List Address Types",
  description: "List all address types",
  path: "/address_types",
  definition: "Base",
});
