import { listAction } from "../listAction";

export const listServices = listAction({
  label: "List Services",
  description: "List all services",
  path: "/services",
});
