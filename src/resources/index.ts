import { attachments } from "./attachments";
import { journals } from "./journals";
import { products } from "./products";
import { purchaseCreditNotes } from "./purchaseCreditNotes";
import { purchaseInvoices } from "./purchaseInvoices";
import { actionsOf, dropdownOf, type ResourceAction, type SageResource } from "./resource";
import { salesCreditNotes } from "./salesCreditNotes";
import { salesEstimates } from "./salesEstimates";
import { salesInvoices } from "./salesInvoices";
import { salesQuotes } from "./salesQuotes";
import { otherPayments } from "./otherPayments";
import { otherReceipts } from "./otherReceipts";
import { bankAccounts } from "./bankAccounts";
import { bankTransfers } from "./bankTransfers";
import { bankDeposits } from "./bankDeposits";
import { services } from "./services";
import { stockItems } from "./stockItems";

/**
 * Every Sage resource declared in src/resources/ (README: "Add a resource"). Actions, dropdowns,
 * docs, example payloads and the e2e lifecycle suite are built from this list.
 */
export const RESOURCES: SageResource[] = [
  salesInvoices,
  purchaseInvoices,
  salesCreditNotes,
  purchaseCreditNotes,
  salesQuotes,
  salesEstimates,
  journals,
  otherPayments,
  otherReceipts,
  bankAccounts,
  bankTransfers,
  bankDeposits,
  products,
  services,
  stockItems,
  attachments,
];

/** The actions of every declared resource, keyed by their public key. */
export const resourceActions: Record<string, ResourceAction> = Object.assign({}, ...RESOURCES.map(actionsOf));

/** The dropdown of every declared resource that has one, keyed by its public key. */
export const resourceDropdowns = Object.fromEntries(
  RESOURCES.flatMap((resource) => (resource.dropdown ? [[resource.dropdown.key, dropdownOf(resource)]] : [])),
) as Record<string, ReturnType<typeof dropdownOf>>;
