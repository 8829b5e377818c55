import { compact } from "../../util/body";

export interface LedgerAccountFields {
  ledgerAccountTypeId?: string;
  includedInChart?: boolean;
  name?: string;
  displayName?: string;
  nominalCode?: number;
  taxRateId?: string;
  gifiCode?: number;
}

/** The one body mapper of Create and Update Ledger Account: `{ ledger_account: {...} }`, filled fields only. */
export const ledgerAccountBody = (fields: LedgerAccountFields) => ({
  ledger_account: compact({
    ledger_account_type_id: fields.ledgerAccountTypeId,
    included_in_chart: fields.includedInChart,
    name: fields.name,
    display_name: fields.displayName,
    nominal_code: fields.nominalCode,
    tax_rate_id: fields.taxRateId,
    gifi_code: fields.gifiCode,
  }),
});
