import { catalogueBody, catalogueFilters, catalogueId, catalogueInputs } from "../inputs/catalogue";
import type { SageResource } from "./resource";

const inputs = catalogueInputs("service");

export const services: SageResource = {
  path: "/services",
  wrapper: "service",
  definition: "Service",
  singular: "Service",
  plural: "Services",
  id: { key: "serviceId", input: catalogueId("Service", "selectService") },
  filters: catalogueFilters("services", "Services"),
  body: catalogueBody("service"),
  create: {
    key: "createService",
    label: "Create Service",
    description:
      "Create a service (work the business sells, e.g. by the hour) with its item code, rates and ledger accounts.",
    inputs: inputs.create,
  },
  update: {
    key: "updateService",
    label: "Update Service",
    description: "Update a service by Id; only the inputs filled in are changed.",
    inputs: inputs.update,
  },
  get: { key: "getService", label: "Get Service", description: "Get a service by Id, with all its fields and rates." },
  delete: {
    key: "deleteService",
    label: "Delete Service",
    description: "Delete a service by Id (Sage refuses one used on invoices: make it inactive instead).",
  },
  // Prismatic's page action (src/actions/lookups before): same key, label, description and inputs, plus Sage's filters after Page.
  list: { key: "listServices", label: "List Services", description: "List all services" },
  dropdown: { key: "selectService", label: "Select Service", description: "Select a service." },
  pollable: true,
  sample: {
    create: {
      itemCode: "INSTALL-HR",
      description: "Installation (hourly)",
      salesLedgerAccountId: "$salesLedger",
      salesTaxRateId: "GB_STANDARD",
      salesRates: [{ rate_name: "Hourly", rate: 60, rate_includes_tax: false }],
    },
    update: { notes: "Minimum one hour." },
  },
};
