import { listAction } from "../listAction";
import * as examples from "../../examplePayloads/lookups";

export const listContactTypes = listAction({
  label: "List Contact Types",
  description: "List all contact types",
  path: "/contact_types",
  definition: "Base",
  examplePayload: examples.listContactTypes.data,
});
