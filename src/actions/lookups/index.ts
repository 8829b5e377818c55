import { listAddressTypes } from "./listAddressTypes";
import { listBankAccounts } from "./listBankAccounts";
import { listContactTypes } from "./listContactTypes";
import { listCountries } from "./listCountries";
import { listCurrencies } from "./listCurrencies";
import { listLedgerAccountTypes } from "./listLedgerAccountTypes";
import { listPaymentMethods } from "./listPaymentMethods";

export default {
  listAddressTypes,
  listContactTypes,
  listCountries,
  listCurrencies,
  listLedgerAccountTypes,
  listBankAccounts,
  listPaymentMethods,
};
