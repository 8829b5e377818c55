import { contactsChanged } from "./contactsChanged";
import { invoiceStatusChanged } from "./invoiceStatusChanged";
import { pollChangesTrigger } from "./pollChangesTrigger";
import { purchaseInvoicesChanged } from "./purchaseInvoicesChanged";
import { recordsDeleted } from "./recordsDeleted";
import { salesInvoicesChanged } from "./salesInvoicesChanged";

// Triggers, keyed by their public key.
export default {
  contactsChanged,
  salesInvoicesChanged,
  purchaseInvoicesChanged,
  pollChangesTrigger,
  recordsDeleted,
  invoiceStatusChanged,
};
