import { createPurchaseInvoice } from "./createPurchaseInvoice";
import { deletePurchaseInvoice } from "./deletePurchaseInvoice";
import { getPurchaseInvoice } from "./getPurchaseInvoice";
import { listPurchaseInvoices } from "./listPurchaseInvoices";
import { updatePurchaseInvoice } from "./updatePurchaseInvoice";

// Actions of this resource, keyed by their public action key.
export default {
  createPurchaseInvoice,
  updatePurchaseInvoice,
  getPurchaseInvoice,
  deletePurchaseInvoice,
  listPurchaseInvoices,
};
