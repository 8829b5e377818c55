import { listAction } from "../listAction";

export const listContactTypes = listAction({
  label: "List Contact Types",
  description: "List all contact types",
  path: "/contact_types",
  definition: "Base",
});
