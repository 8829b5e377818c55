import * as examples from "../examplePayloads/dataSources";
import { picklist } from "./picklist";

export const selectService = picklist({
  label: "Select Service",
  description: "Select a service.",
  path: "/services",
  examplePayload: examples.selectService.result,
});
