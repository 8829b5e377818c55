import { picklist } from "./picklist";

export const selectPaymentMethod = picklist({
  label: "Select Payment Method",
  description: "Select a payment method.",
  path: "/payment_methods",
  examplePayload: [
    { label: "Bank Transfer", key: "BANK_TRANSFER" },
    { label: "Cash", key: "CASH" },
  ],
});
