import { updatedOrCreatedSince } from "../../inputs/common";
import { invoiceListFilters, showPaymentsAllocations } from "../../inputs/invoices";
import { INVOICE_RESOURCES } from "../../util/invoiceBody";
import { listAction } from "../listAction";
import * as examples from "../../examplePayloads/salesInvoices";

export const listSalesInvoices = listAction({
  label: "List Sales Invoices",
  description: "List all sales invoices",
  path: INVOICE_RESOURCES.sales.path,
  definition: "SalesInvoice",
  filters: { updatedOrCreatedSince, ...invoiceListFilters, showPaymentsAllocations },
  examplePayload: examples.listSalesInvoices.data,
});
