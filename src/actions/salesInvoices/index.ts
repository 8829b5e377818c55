import { createSalesInvoice } from "./createSalesInvoice";
import { deleteSalesInvoice } from "./deleteSalesInvoice";
import { getSalesInvoice } from "./getSalesInvoice";
import { listSalesInvoices } from "./listSalesInvoices";
import { updateSalesInvoice } from "./updateSalesInvoice";

// Actions of this resource, keyed by their public action key.
export default { createSalesInvoice, updateSalesInvoice, getSalesInvoice, deleteSalesInvoice, listSalesInvoices };
