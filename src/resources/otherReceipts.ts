import { OTHER_PAYMENT_BODY, otherPaymentFilters, otherReceiptId, otherPaymentInputs } from "../inputs/banking";
import type { SageResource } from "./resource";

/** Money in without an invoice (one-off income): Sage's /other_payments of type OTHER_RECEIPT. */
export const otherReceipts: SageResource = {
  path: "/other_payments",
  wrapper: "other_payment",
  definition: "OtherPayment",
  singular: "Other Receipt",
  plural: "Other Receipts",
  id: { key: "otherReceiptId", input: otherReceiptId },
  filters: otherPaymentFilters("other receipts"),
  body: OTHER_PAYMENT_BODY,
  createFields: { transaction_type_id: "OTHER_RECEIPT" },
  listQuery: { transaction_type_id: "OTHER_RECEIPT" },
  lineTotals: "payment_lines",
  create: {
    key: "createOtherReceipt",
    label: "Create Other Receipt",
    description:
      "Record money received into a bank account without a sales invoice, e.g. one-off income or a grant, posted to ledger accounts line by line.",
    inputs: otherPaymentInputs.create,
  },
  update: {
    key: "updateOtherReceipt",
    label: "Update Other Receipt",
    description:
      "Update an other receipt by Id; only the inputs filled in are changed (lines given replace all lines).",
    inputs: otherPaymentInputs.update,
  },
  get: {
    key: "getOtherReceipt",
    label: "Get Other Receipt",
    description: "Get an other receipt (money in) by Id, with its lines.",
  },
  delete: {
    key: "deleteOtherReceipt",
    label: "Delete Other Receipt",
    description: "Delete an other receipt by Id; its amount is taken back out of the bank account.",
  },
  list: {
    key: "listOtherReceipts",
    label: "List Other Receipts",
    description: "List other receipts (money in without an invoice); other payments are left out.",
  },
  pollable: true,
  sample: {
    create: {
      bankAccountId: "$currentAccount",
      date: "$today",
      reference: "GRANT-2026",
      paymentLines: [
        {
          ledger_account_id: "$salesLedger",
          tax_rate_id: "GB_STANDARD",
          net_amount: 100,
          tax_amount: 20,
          details: "Workshop fee",
        },
      ],
    },
    update: { reference: "GRANT-2026-A" },
  },
};
