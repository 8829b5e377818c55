import { resourceDropdowns } from "../resources";
import { selectAddressType } from "./selectAddressType";
import { selectBankAccount } from "./selectBankAccount";
import { selectBusiness } from "./selectBusiness";
import { selectContact } from "./selectContact";
import { selectContactPerson } from "./selectContactPerson";
import { selectContactType } from "./selectContactType";
import { selectCountry } from "./selectCountry";
import { selectCurrency } from "./selectCurrency";
import { selectLedgerAccount } from "./selectLedgerAccount";
import { selectLedgerAccountType } from "./selectLedgerAccountType";
import { selectJournalCode } from "./selectJournalCode";
import { selectPaymentMethod } from "./selectPaymentMethod";
import { selectTaxRate } from "./selectTaxRate";

// Data sources, keyed by their public key (inputs refer to them with `dataSource: "<key>"`).
export default {
  selectContact,
  selectContactPerson,
  selectContactType,
  selectAddressType,
  selectCountry,
  selectCurrency,
  selectLedgerAccount,
  selectLedgerAccountType,
  selectTaxRate,
  ...resourceDropdowns,
  selectBusiness,
  selectBankAccount,
  selectPaymentMethod,
  selectJournalCode,
};
