import { contactsChanged } from "./contactsChanged";
import { purchaseInvoicesChanged } from "./purchaseInvoicesChanged";
import { salesInvoicesChanged } from "./salesInvoicesChanged";

// Triggers, keyed by their public key.
export default { contactsChanged, salesInvoicesChanged, purchaseInvoicesChanged };
