import * as examples from "../examplePayloads/dataSources";
import { picklist } from "./picklist";

export const selectContact = picklist({
  label: "Select Contact",
  description: "Select a contact (customer or supplier) from your Sage business.",
  path: "/contacts",
  examplePayload: examples.selectContact.result,
});
