import { listAction } from "../listAction";
import * as examples from "../../examplePayloads/lookups";

export const listServices = listAction({
  label: "List Services",
  description: "List all services",
  path: "/services",
  definition: "Service",
  examplePayload: examples.listServices.data,
});
