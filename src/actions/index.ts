import businesses from "./businesses";
import contactPayments from "./contactPayments";
import contactPersons from "./contactPersons";
import contacts from "./contacts";
import ledgerAccounts from "./ledgerAccounts";
import lookups from "./lookups";
import misc from "./misc";
import { resourceActions } from "../resources";
import { documentActions } from "../resources/documentActions";
import { attachmentActions } from "../resources/attachmentActions";
import taxRates from "./taxRates";

export default {
  ...contacts,
  ...contactPersons,
  ...ledgerAccounts,
  ...resourceActions,
  ...documentActions,
  ...attachmentActions,
  ...contactPayments,
  ...lookups,
  ...taxRates,
  ...businesses,
  ...misc,
};
