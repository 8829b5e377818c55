// Shapes of Sage's responses, shown to flow builders as each action's example output.

export const ledgerAccountPayload = {
  id: "9a994b92267a11e797950a57719b2edb",
  displayed_as: "Consulting Income (4010)",
  $path: "/ledger_accounts/9a994b92267a11e797950a57719b2edb",
  created_at: "2026-01-15T10:21:07Z",
  updated_at: "2026-01-15T10:21:07Z",
  ledger_account_group: { id: "INCOME", displayed_as: "Income" },
  name: "Consulting Income",
  display_name: "Consulting",
  visible_scopes: ["journals", "other_receipt", "reporting", "sales"],
  included_in_chart: true,
  nominal_code: 4010,
  ledger_account_type: { id: "SALES", displayed_as: "Sales", $path: "/ledger_account_types/SALES" },
  ledger_account_classification: null,
  tax_rate: { id: "GB_STANDARD", displayed_as: "Standard 20.00%", $path: "/tax_rates/GB_STANDARD" },
  fixed_tax_rate: false,
  visible_in_banking: false,
  visible_in_expenses: false,
  visible_in_journals: true,
  visible_in_other_payments: false,
  visible_in_other_receipts: true,
  visible_in_reporting: true,
  visible_in_sales: true,
  is_control_account: false,
  control_name: null,
  display_formatted: "4010 - Consulting",
  gifi_code: null,
};

export const ledgerAccountListPayload = {
  $total: 1,
  $page: 1,
  $next: null,
  $back: null,
  $itemsPerPage: 20,
  $items: [ledgerAccountPayload],
};
