import { attachments } from "../resources/attachments";
import type { QueryParams } from "../util/pagination";

/**
 * The one table behind every polling trigger: each Sage list the component reads that takes
 * `updated_or_created_since` (Sage's spec, GET parameters of each path). A resource added to the
 * component is one line here; the New and Updated Records and Deleted Records dropdowns follow.
 */
export interface PollableResource {
  /**
   * The Resource Type dropdown's value. Contacts, sales invoices, purchase invoices and ledger
   * accounts keep the values of Prismatic's own Sage component, so its flows run unchanged.
   */
  value: string;
  label: string;
  /** Sage list path. */
  path: string;
  /** The list also takes `deleted_since` (Deleted Records offers it). */
  deletedSince: boolean;
  /** The list takes `exclude_system` (system records such as the HMRC contacts). */
  excludeSystem?: boolean;
  /** The list takes `nested_attributes`: ask for full nested records (addresses, contact person). */
  nestedAttributes?: boolean;
  /**
   * Query every poll sends: the kind of record in a collection Sage shares between kinds (Other
   * Payments and Other Receipts are both /other_payments). Such a kind is not offered in Deleted
   * Records: a deletion Sage lists carries no kind to tell the two apart.
   */
  query?: QueryParams;
  /** The fields to read when `all` is too much per record (attachments: not their file); default `all`. */
  attributes?: string;
}

export const POLLABLE_RESOURCES: readonly PollableResource[] = [
  {
    value: "contacts",
    label: "Contacts",
    path: "/contacts",
    deletedSince: true,
    excludeSystem: true,
    nestedAttributes: true,
  },
  { value: "contactPersons", label: "Contact People", path: "/contact_persons", deletedSince: true },
  { value: "ledgerAccounts", label: "Ledger Accounts", path: "/ledger_accounts", deletedSince: false },
  { value: "salesInvoices", label: "Sales Invoices", path: "/sales_invoices", deletedSince: true },
  { value: "purchaseInvoices", label: "Purchase Invoices", path: "/purchase_invoices", deletedSince: true },
  { value: "salesCreditNotes", label: "Sales Credit Notes", path: "/sales_credit_notes", deletedSince: true },
  { value: "purchaseCreditNotes", label: "Purchase Credit Notes", path: "/purchase_credit_notes", deletedSince: true },
  { value: "salesQuotes", label: "Sales Quotes", path: "/sales_quotes", deletedSince: false },
  { value: "salesEstimates", label: "Sales Estimates", path: "/sales_estimates", deletedSince: false },
  { value: "contactPayments", label: "Contact Payments", path: "/contact_payments", deletedSince: true },
  { value: "bankAccounts", label: "Bank Accounts", path: "/bank_accounts", deletedSince: true, nestedAttributes: true },
  { value: "products", label: "Products", path: "/products", deletedSince: true },
  { value: "services", label: "Services", path: "/services", deletedSince: true },
  { value: "taxRates", label: "Tax Rates", path: "/tax_rates", deletedSince: false },
  { value: "journals", label: "Journals", path: "/journals", deletedSince: true },
  {
    value: "otherPayments",
    label: "Other Payments",
    path: "/other_payments",
    deletedSince: false,
    query: { transaction_type_id: "OTHER_PAYMENT" },
  },
  {
    value: "otherReceipts",
    label: "Other Receipts",
    path: "/other_payments",
    deletedSince: false,
    query: { transaction_type_id: "OTHER_RECEIPT" },
  },
  { value: "bankTransfers", label: "Bank Transfers", path: "/bank_transfers", deletedSince: true },
  { value: "bankDeposits", label: "Bank Deposits", path: "/bank_deposits", deletedSince: true },
  { value: "stockItems", label: "Stock Items", path: "/stock_items", deletedSince: true },
  {
    value: "attachments",
    label: "Attachments",
    path: "/attachments",
    deletedSince: true,
    attributes: attachments.listAttributes,
  },
];

export const pollableResource = (value: string): PollableResource | undefined =>
  POLLABLE_RESOURCES.find((resource) => resource.value === value);

/** Dropdown entries of a set of resources. */
export const resourceModel = (resources: readonly PollableResource[]) =>
  resources.map(({ label, value }) => ({ label, value }));

/**
 * What a trigger asks Sage for besides the window: full records, full nested records where the
 * list can expand them, and no system records unless the flow wants them.
 */
export const readQuery = (resource: PollableResource, includeSystem: boolean): QueryParams => ({
  ...resource.query,
  attributes: resource.attributes ?? "all",
  ...(resource.nestedAttributes ? { nested_attributes: "all" } : {}),
  ...(resource.excludeSystem && !includeSystem ? { exclude_system: true } : {}),
});
