// Shapes of Sage's responses, shown to flow builders as each action's example output.

const reference = (path: string, id: string, displayed_as: string) => ({ id, displayed_as, $path: `/${path}/${id}` });

export const purchaseInvoicePayload = {
  id: "4e5f6a7b8c9d0e1f2a3b4c5d6e7f8091",
  displayed_as: "PAPER-881",
  $path: "/purchase_invoices/4e5f6a7b8c9d0e1f2a3b4c5d6e7f8091",
  created_at: "2026-01-31T09:12:44Z",
  updated_at: "2026-01-31T09:12:44Z",
  editable: true,
  contact: reference("contacts", "c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6", "Paper Supplies Ltd (PAPER01)"),
  contact_name: "Paper Supplies Ltd",
  contact_reference: "PAPER01",
  date: "2026-01-31",
  due_date: "2026-02-28",
  reference: null,
  vendor_reference: "PAPER-881",
  notes: null,
  total_quantity: 10,
  net_amount: 45,
  tax_amount: 9,
  total_amount: 54,
  total_paid: 0,
  outstanding_amount: 54,
  currency: reference("currencies", "GBP", "Pound Sterling (GBP)"),
  status: reference("artefact_statuses", "UNPAID", "Unpaid"),
  void_reason: null,
  invoice_lines: [
    {
      id: "6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a",
      displayed_as: "Paper",
      description: "Paper",
      product: null,
      service: null,
      ledger_account: reference("ledger_accounts", "9a99a1e2267a11e797950a57719b2edb", "Office Stationery (7500)"),
      quantity: 10,
      unit_price: 4.5,
      net_amount: 45,
      tax_rate: reference("tax_rates", "GB_STANDARD", "Standard 20.00%"),
      tax_amount: 9,
      total_amount: 54,
    },
  ],
};

export const purchaseInvoiceListPayload = {
  $total: 1,
  $page: 1,
  $next: null,
  $back: null,
  $itemsPerPage: 20,
  $items: [purchaseInvoicePayload],
};
