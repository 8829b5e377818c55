import { updatedOrCreatedSince } from "../../inputs/common";
import { invoiceListFilters, showPaymentsAllocations } from "../../inputs/invoices";
import { INVOICE_RESOURCES } from "../../util/invoiceBody";
import { listAction } from "../listAction";
import * as examples from "../../examplePayloads/purchaseInvoices";

export const listPurchaseInvoices = listAction({
  label: "List Purchase Invoices",
  description: "List all purchase invoices",
  path: INVOICE_RESOURCES.purchase.path,
  definition: "PurchaseInvoice",
  filters: { updatedOrCreatedSince, ...invoiceListFilters, showPaymentsAllocations },
  examplePayload: examples.listPurchaseInvoices.data,
});
