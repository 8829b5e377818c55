import { listAction } from "../listAction";

export const listPaymentMethods = listAction({
  label: "List Payment Methods",
  description: "List all payment methods",
  path: "/payment_methods",
  definition: "Base",
});
