import { OTHER_PAYMENT_BODY, otherPaymentFilters, otherPaymentId, otherPaymentInputs } from "../inputs/banking";
import type { SageResource } from "./resource";

/** Money out without an invoice (card fees, one-off expenses): Sage's /other_payments of type OTHER_PAYMENT. */
export const otherPayments: SageResource = {
  path: "/other_payments",
  wrapper: "other_payment",
  definition: "OtherPayment",
  singular: "Other Payment",
  plural: "Other Payments",
  id: { key: "otherPaymentId", input: otherPaymentId },
  filters: otherPaymentFilters("other payments"),
  body: OTHER_PAYMENT_BODY,
  createFields: { transaction_type_id: "OTHER_PAYMENT" },
  listQuery: { transaction_type_id: "OTHER_PAYMENT" },
  lineTotals: "payment_lines",
  create: {
    key: "createOtherPayment",
    label: "Create Other Payment",
    description:
      "Record money paid out of a bank account without a purchase invoice, e.g. a card processor's fee or a one-off expense, posted to ledger accounts line by line.",
    inputs: otherPaymentInputs.create,
  },
  update: {
    key: "updateOtherPayment",
    label: "Update Other Payment",
    description:
      "Update an other payment by Id; only the inputs filled in are changed (lines given replace all lines).",
    inputs: otherPaymentInputs.update,
  },
  get: {
    key: "getOtherPayment",
    label: "Get Other Payment",
    description: "Get an other payment (money out) by Id, with its lines.",
  },
  delete: {
    key: "deleteOtherPayment",
    label: "Delete Other Payment",
    description: "Delete an other payment by Id; its amount goes back to the bank account.",
  },
  list: {
    key: "listOtherPayments",
    label: "List Other Payments",
    description: "List other payments (money out without an invoice); other receipts are left out.",
  },
  pollable: true,
  sample: {
    create: {
      bankAccountId: "$currentAccount",
      date: "$today",
      reference: "fee_1PqR2s",
      paymentMethodId: "CREDIT_DEBIT",
      paymentLines: [
        { ledger_account_id: "$purchaseLedger", tax_rate_id: "GB_EXEMPT", total_amount: 2.9, details: "Card fee" },
      ],
    },
    update: { reference: "fee_1PqR2s-corrected" },
  },
};
