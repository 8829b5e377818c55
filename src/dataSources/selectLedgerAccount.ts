import { picklist } from "./picklist";

export const selectLedgerAccount = picklist({
  label: "Select Ledger Account",
  description: "Select a ledger account from your chart of accounts.",
  path: "/ledger_accounts",
  examplePayload: [
    { label: "Office Costs (7500)", key: "9a994b92267a11e797950a57719b2edb" },
    { label: "Sales Type A (4000)", key: "9a9931fc267a11e797950a57719b2edb" },
  ],
});
