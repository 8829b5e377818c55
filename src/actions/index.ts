import businesses from "./businesses";
import contactPayments from "./contactPayments";
import contactPersons from "./contactPersons";
import contacts from "./contacts";
import ledgerAccounts from "./ledgerAccounts";
import lookups from "./lookups";
import misc from "./misc";
import reporting from "./reporting";
import { resourceActions } from "../resources";
import { documentActions } from "../resources/documentActions";
import { catalogueActions } from "../resources/catalogueActions";
import { allocationActions } from "../resources/allocationActions";
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
  ...reporting,
  ...catalogueActions,
  ...allocationActions,
};
