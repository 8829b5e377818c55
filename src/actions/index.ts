import businesses from "./businesses";
import contactPayments from "./contactPayments";
import contactPersons from "./contactPersons";
import contacts from "./contacts";
import ledgerAccounts from "./ledgerAccounts";
import lookups from "./lookups";
import misc from "./misc";
import purchaseInvoices from "./purchaseInvoices";
import salesInvoices from "./salesInvoices";
import taxRates from "./taxRates";

export default {
  ...contacts,
  ...contactPersons,
  ...ledgerAccounts,
  ...salesInvoices,
  ...purchaseInvoices,
  ...contactPayments,
  ...lookups,
  ...taxRates,
  ...businesses,
  ...misc,
};
