import { listAction } from "../listAction";

export const listCountries = listAction({
  label: "List Countries",
  description: "List all countries",
  path: "/countries",
  definition: "Base",
});
