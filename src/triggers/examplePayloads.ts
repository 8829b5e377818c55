import type { TriggerPayload } from "@prismatic-io/spectral";
import type { ChangesPayload } from "./changes";

/** The platform's part of a polling trigger's payload; the trigger replaces `body`. */
export const EXAMPLE_TRIGGER_PAYLOAD: TriggerPayload = {
  headers: {},
  queryParameters: {},
  rawBody: { data: null },
  body: { data: null },
  pathFragment: "",
  webhookUrls: {},
  webhookApiKeys: {},
  invokeUrl: "",
  executionId: "SW5zdGFuY2VFeGVjdXRpb246OTdiNWQxYmQtMzIwNC00YmJjLTk3NjMtNDI2ZTk5NDgwYjQ3",
  customer: { id: "customerId", name: "Acme Corp", externalId: "acme" },
  instance: { id: "instanceId", name: "Sage Accounting Sync" },
  user: { id: "userId", email: "user@example.com", name: "User", externalId: "user" },
  integration: { id: "integrationId", name: "Sage Accounting", versionSequenceId: "1", externalVersion: "1.0.0" },
  flow: { id: "flowId", name: "Sync contacts", stableId: "flowStableId" },
  startedAt: "2026-01-31T10:05:00.000Z",
  globalDebug: false,
};

const link = (path: string, id: string, displayed_as: string) => ({ id, displayed_as, $path: `${path}/${id}` });

const contact = {
  id: "4d5c1a3e9f2b4e6a8c7d0b1f2e3a4c5d",
  displayed_as: "Acme Supplies Ltd (ACME001)",
  $path: "/contacts/4d5c1a3e9f2b4e6a8c7d0b1f2e3a4c5d",
  created_at: "2026-01-31T10:01:12Z",
  updated_at: "2026-01-31T10:01:12Z",
  contact_types: [link("/contact_types", "CUSTOMER", "Customer")],
  name: "Acme Supplies Ltd",
  reference: "ACME001",
  tax_number: "GB123456789",
  notes: null,
  email: "accounts@acme.example",
  credit_limit: "5000.0",
  credit_days: 30,
  currency: link("/currencies", "GBP", "Pound Sterling (GBP)"),
  balance: "0.0",
  main_address: {
    address_line_1: "1 High Street",
    address_line_2: null,
    city: "London",
    postal_code: "SW1A 1AA",
    region: null,
    country: link("/countries", "GB", "United Kingdom (GB)"),
  },
  deletable: true,
  system: false,
};

const invoiceLine = {
  id: "0c9b8a7f6e5d4c3b2a1908f7e6d5c4b3",
  displayed_as: "Consulting",
  description: "Consulting",
  quantity: "2.0",
  unit_price: "100.0",
  net_amount: "200.0",
  tax_amount: "40.0",
  total_amount: "240.0",
  ledger_account: link("/ledger_accounts", "9a9931fc267a11e797950a57719b2edb", "Sales Type A (4000)"),
  tax_rate: link("/tax_rates", "GB_STANDARD", "Standard 20.00%"),
};

const invoice = {
  contact: link("/contacts", contact.id, contact.displayed_as),
  contact_name: "Acme Supplies Ltd",
  contact_reference: "ACME001",
  date: "2026-01-31",
  due_date: "2026-03-02",
  reference: null,
  notes: null,
  net_amount: "200.0",
  tax_amount: "40.0",
  total_amount: "240.0",
  total_paid: "0.0",
  outstanding_amount: "240.0",
  currency: link("/currencies", "GBP", "Pound Sterling (GBP)"),
  invoice_lines: [invoiceLine],
};

const salesInvoice = {
  id: "2b6a0e2198e44bd9b2c7c3c1d6a1b2c3",
  displayed_as: "SI-1",
  $path: "/sales_invoices/2b6a0e2198e44bd9b2c7c3c1d6a1b2c3",
  created_at: "2026-01-31T10:02:40Z",
  updated_at: "2026-01-31T10:02:40Z",
  invoice_number: "SI-1",
  status: link("/artefact_statuses", "UNPAID", "Unpaid"),
  sent: false,
  ...invoice,
};

const purchaseInvoice = {
  id: "5c4b3a291807465f8e7d6c5b4a392817",
  displayed_as: "PI-1",
  $path: "/purchase_invoices/5c4b3a291807465f8e7d6c5b4a392817",
  created_at: "2026-01-31T10:03:05Z",
  updated_at: "2026-01-31T10:03:05Z",
  vendor_reference: "INV-2026-0042",
  status: link("/artefact_statuses", "UNPAID", "Unpaid"),
  ...invoice,
};

/** An older record edited in the polled window, delivered under `updated`. */
const edited = <T extends { id: string; $path: string }>(record: T, id: string, fields: Record<string, unknown>) => ({
  ...record,
  id,
  $path: record.$path.replace(record.id, id),
  created_at: "2025-11-04T09:15:00Z",
  updated_at: "2026-01-31T10:04:21Z",
  ...fields,
});

export const contactsChangedPayload: ChangesPayload = {
  created: [contact],
  updated: [
    edited(contact, "9a8b7c6d5e4f40312a1b2c3d4e5f6a7b", {
      displayed_as: "Bright Ideas Inc (BRIGHT01)",
      name: "Bright Ideas Inc",
      reference: "BRIGHT01",
    }),
  ],
};

export const salesInvoicesChangedPayload: ChangesPayload = {
  created: [salesInvoice],
  updated: [
    edited(salesInvoice, "7f1e2d3c4b5a49687766554433221100", {
      displayed_as: "SI-2",
      invoice_number: "SI-2",
      date: "2025-11-04",
      due_date: "2025-12-04",
    }),
  ],
};

export const purchaseInvoicesChangedPayload: ChangesPayload = {
  created: [purchaseInvoice],
  updated: [
    edited(purchaseInvoice, "a1b2c3d4e5f60718293a4b5c6d7e8f90", {
      displayed_as: "PI-2",
      vendor_reference: "INV-2025-0917",
      date: "2025-11-04",
      due_date: "2025-12-04",
    }),
  ],
};
