import * as examples from "../examplePayloads/dataSources";
import { picklist } from "./picklist";

export const selectAddressType = picklist({
  label: "Select Address Type",
  description: "Select an address type.",
  path: "/address_types",
  examplePayload: examples.selectAddressType.result,
});
