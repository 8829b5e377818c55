import { picklist } from "./picklist";

export const selectPaymentMethod = picklist({
  label: "Select Payment Method",
  description: "Select a payment method.",
  path: "/payment_methods",
});
