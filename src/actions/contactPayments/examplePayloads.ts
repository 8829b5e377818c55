// Shapes of Sage's responses, shown to flow builders as each action's example output.

export const contactPaymentPayload = {
  id: "7c6b5a4d3e2f41009a8b7c6d5e4f3a2b",
  displayed_as: "ch_3PqR2sT4uV5w",
  $path: "/contact_payments/7c6b5a4d3e2f41009a8b7c6d5e4f3a2b",
  created_at: "2026-03-15T09:12:44Z",
  updated_at: "2026-03-15T09:12:44Z",
  transaction: {
    id: "5e4d3c2b1a0948f7e6d5c4b3a2918070",
    displayed_as: "ch_3PqR2sT4uV5w",
    $path: "/transactions/5e4d3c2b1a0948f7e6d5c4b3a2918070",
  },
  transaction_type: {
    id: "CUSTOMER_RECEIPT",
    displayed_as: "Customer Receipt",
    $path: "/transaction_types/CUSTOMER_RECEIPT",
  },
  deleted_at: null,
  payment_method: { id: "BANK_TRANSFER", displayed_as: "Bank Transfer", $path: "/payment_methods/BANK_TRANSFER" },
  contact: {
    id: "2f3e4d5c6b7a48190a1b2c3d4e5f6a7b",
    displayed_as: "Acme Trading Ltd (ACME001)",
    $path: "/contacts/2f3e4d5c6b7a48190a1b2c3d4e5f6a7b",
  },
  bank_account: {
    id: "9a8b7c6d5e4f40312a1b2c3d4e5f6a7b",
    displayed_as: "Current Account (1200)",
    $path: "/bank_accounts/9a8b7c6d5e4f40312a1b2c3d4e5f6a7b",
  },
  date: "2026-03-15",
  net_amount: 120.5,
  tax_amount: 0,
  total_amount: 120.5,
  currency: { id: "GBP", displayed_as: "Pound Sterling (GBP)", $path: "/currencies/GBP" },
  exchange_rate: 1,
  base_currency_net_amount: 120.5,
  base_currency_tax_amount: 0,
  base_currency_total_amount: 120.5,
  base_currency_currency_charge: 0,
  reference: "ch_3PqR2sT4uV5w",
  allocated_artefacts: [
    {
      id: "8d7c6b5a4f3e42d1c0b9a8f7e6d5c4b3",
      artefact: {
        id: "5b6a0e21a6f04f1d9c1e0f3a2b4c6d8e",
        displayed_as: "SI-12",
        $path: "/sales_invoices/5b6a0e21a6f04f1d9c1e0f3a2b4c6d8e",
      },
      amount: 120.5,
      discount: 0,
    },
  ],
  tax_rate: null,
  payment_on_account: null,
  editable: true,
};

export const contactPaymentListPayload = {
  $total: 1,
  $page: 1,
  $next: null,
  $back: null,
  $itemsPerPage: 20,
  $items: [contactPaymentPayload],
};
