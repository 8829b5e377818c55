import { listAddressTypes } from "./listAddressTypes";
import { listContactTypes } from "./listContactTypes";
import { listCountries } from "./listCountries";
import { listCurrencies } from "./listCurrencies";
import { listLedgerAccountTypes } from "./listLedgerAccountTypes";

export default { listAddressTypes, listContactTypes, listCountries, listCurrencies, listLedgerAccountTypes };
