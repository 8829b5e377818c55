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
import { selectPaymentMethod } from "./selectPaymentMethod";
import { selectProduct } from "./selectProduct";
import { selectPurchaseInvoice } from "./selectPurchaseInvoice";
import { selectSalesInvoice } from "./selectSalesInvoice";
import { selectService } from "./selectService";
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
  selectSalesInvoice,
  selectPurchaseInvoice,
  selectBusiness,
  selectBankAccount,
  selectPaymentMethod,
  selectProduct,
  selectService,
};
