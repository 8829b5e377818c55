// Shapes of Sage's responses, shown to flow builders as each action's example output.

const reference = (path: string, id: string, displayed_as: string) => ({ id, displayed_as, $path: `/${path}/${id}` });

export const salesInvoicePayload = {
  id: "0b2f1c7e8d9a4b3c5d6e7f8091a2b3c4",
  displayed_as: "SI-42",
  $path: "/sales_invoices/0b2f1c7e8d9a4b3c5d6e7f8091a2b3c4",
  created_at: "2026-01-31T09:12:44Z",
  updated_at: "2026-01-31T09:12:44Z",
  editable: true,
  contact: reference("contacts", "1b0ebd8a6f5c11ecb2660236bd82ab5b", "Acme Trading Ltd (ACME001)"),
  invoice_number: "SI-42",
  contact_name: "Acme Trading Ltd",
  contact_reference: "ACME001",
  date: "2026-01-31",
  due_date: "2026-03-02",
  reference: null,
  notes: "Thank you for your business.",
  net_amount: 200,
  tax_amount: 40,
  total_amount: 240,
  total_paid: 0,
  outstanding_amount: 240,
  currency: reference("currencies", "GBP", "Pound Sterling (GBP)"),
  total_quantity: 2,
  status: reference("artefact_statuses", "UNPAID", "Unpaid"),
  sent: false,
  void_reason: null,
  invoice_lines: [
    {
      id: "5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f",
      displayed_as: "Consulting",
      description: "Consulting",
      product: null,
      service: null,
      ledger_account: reference("ledger_accounts", "9a994b92267a11e797950a57719b2edb", "Consulting Income (4010)"),
      quantity: 2,
      unit_price: 100,
      net_amount: 200,
      tax_rate: reference("tax_rates", "GB_STANDARD", "Standard 20.00%"),
      tax_amount: 40,
      total_amount: 240,
      discount_amount: 0,
    },
  ],
};

export const salesInvoiceListPayload = {
  $total: 1,
  $page: 1,
  $next: null,
  $back: null,
  $itemsPerPage: 20,
  $items: [salesInvoicePayload],
};
