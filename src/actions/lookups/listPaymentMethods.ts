import { listAction } from "../listAction";
import * as examples from "../../examplePayloads/lookups";

export const listPaymentMethods = listAction({
  label: "List Payment Methods",
  description: "List all payment methods",
  path: "/payment_methods",
  definition: "Base",
  examplePayload: examples.listPaymentMethods.data,
});
