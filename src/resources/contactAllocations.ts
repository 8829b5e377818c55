import { input } from "@prismatic-io/spectral";
import { updatedOrCreatedSinceFor } from "../inputs/common";
import { documentListFilters } from "../inputs/documents";
import { optionalId, requiredId } from "../util/validation";
import type { SageResource } from "./resource";

/**
 * Sage's contact allocations (a credit note or payment on account set off against invoices) and
 * unallocated artefacts (what a contact still has to allocate). Their create is "Apply Credit
 * Note or Payment on Account to Invoices" in allocationActions.ts, which reads and checks every
 * amount first; these declarations give the plain get, list and delete.
 */

const allocationIdInput = input({
  label: "Contact Allocation Id",
  type: "string",
  required: true,
  comments: "Provide the unique identifier of a contact allocation.",
  example: "3e4f5a6b7c8d49e0a1b2c3d4e5f6a7b8",
  clean: requiredId("Contact Allocation Id"),
});

const allocationFilters = documentListFilters("allocations");
const unallocatedFilters = documentListFilters("unallocated credit notes and payments on account");

export const contactAllocations: SageResource = {
  path: "/contact_allocations",
  wrapper: "contact_allocation",
  definition: "ContactAllocation",
  singular: "Contact Allocation",
  plural: "Contact Allocations",
  id: { key: "contactAllocationId", input: allocationIdInput },
  filters: {
    updatedOrCreatedSince: {
      query: "updated_or_created_since",
      input: updatedOrCreatedSinceFor("Contact Allocations"),
    },
    contactId: allocationFilters.contactId,
    transactionTypeId: {
      query: "transaction_type_id",
      input: input({
        label: "Transaction Type Id",
        type: "string",
        required: false,
        comments: "Limit the response to allocations of this type, e.g. CUSTOMER_ALLOCATION or VENDOR_ALLOCATION.",
        example: "CUSTOMER_ALLOCATION",
        clean: optionalId("Transaction Type Id"),
      }),
    },
  },
  body: {},
  get: {
    key: "getContactAllocation",
    label: "Get Contact Allocation",
    description: "Get a contact allocation by Id: the invoices and credits it sets off against each other.",
  },
  list: {
    key: "listContactAllocations",
    label: "List Contact Allocations",
    description: "List contact allocations: credit notes and payments on account applied to invoices.",
  },
  delete: {
    key: "deleteContactAllocation",
    label: "Delete Contact Allocation",
    description: "Delete a contact allocation by Id: its invoices owe, and its credits are available, again.",
  },
  pollable: false,
  sample: { create: {}, update: {} },
};

export const unallocatedArtefacts: SageResource = {
  path: "/unallocated_artefacts",
  wrapper: "unallocated_artefact",
  definition: "UnallocatedArtefact",
  singular: "Unallocated Item",
  plural: "Unallocated Items",
  id: {
    key: "unallocatedItemId",
    input: input({ ...allocationIdInput, label: "Unallocated Item Id", clean: requiredId("Unallocated Item Id") }),
  },
  filters: {
    contactId: unallocatedFilters.contactId,
    search: {
      query: "search",
      input: input({
        ...unallocatedFilters.search.input,
        comments: "Limit the response to items whose contact matches this text (Sage's contact identifier search).",
        example: "ACME001",
      }),
    },
  },
  body: {},
  list: {
    key: "listUnallocatedItems",
    label: "List Unallocated Items",
    description:
      "List a contact's credit notes and payments on account that are not yet fully applied to invoices, to pass to Apply Credit Note or Payment on Account to Invoices.",
  },
  pollable: false,
  sample: { create: {}, update: {} },
};
