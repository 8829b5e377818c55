import { createLedgerAccount } from "./createLedgerAccount";
import { getLedgerAccount } from "./getLedgerAccount";
import { listLedgerAccounts } from "./listLedgerAccounts";
import { updateLedgerAccount } from "./updateLedgerAccount";

// Actions of this resource, keyed by their public action key.
export default { createLedgerAccount, updateLedgerAccount, getLedgerAccount, listLedgerAccounts };
