import { input } from "@prismatic-io/spectral";
import { INVOICE_KINDS, type InvoiceKind, STATUS_CHANGE_VALUES } from "../triggers/invoiceStatuses";
import { type PollableResource, POLLABLE_RESOURCES, resourceModel } from "../triggers/pollableResources";
import { booleanWithDefault, InputError, optionalDateTime, optionalIdList, requiredString } from "../util/validation";

export { connection } from "./common";

export const startFrom = input({
  label: "Start From",
  type: "string",
  required: false,
  comments:
    "Only for the first poll: also deliver records created or updated since this ISO-8601 date-time (e.g. 2026-01-31T00:00:00Z). Leave blank to start from the moment the trigger first runs. Later polls continue from where the previous one stopped.",
  example: "2026-01-31T00:00:00Z",
  placeholder: "YYYY-MM-DDThh:mm:ssZ",
  clean: optionalDateTime("Start From"),
});

export const showNewRecords = input({
  label: "Show New Records",
  type: "boolean",
  required: false,
  default: "true",
  comments: "Deliver records created since the last poll (in `created`).",
  clean: booleanWithDefault("Show New Records", true),
});

export const showUpdatedRecords = input({
  label: "Show Updated Records",
  type: "boolean",
  required: false,
  default: "true",
  comments: "Deliver records that existed before the last poll and were changed since (in `updated`).",
  clean: booleanWithDefault("Show Updated Records", true),
});

/** A Resource Type dropdown over some of the pollable resources; any other value is refused, naming the choices. */
const resourceTypeInput = (resources: readonly PollableResource[], comments: string) =>
  input({
    label: "Resource Type",
    type: "string",
    required: true,
    comments,
    model: resourceModel(resources),
    example: "contacts",
    clean: (value: unknown): PollableResource => {
      const text = requiredString("Resource Type")(value);
      const resource = resources.find((candidate) => candidate.value === text);
      if (!resource)
        throw new InputError("Resource Type", `one of ${resources.map(({ value }) => value).join(", ")}`, value);
      return resource;
    },
  });

export const resourceType = resourceTypeInput(
  POLLABLE_RESOURCES,
  "The type of resource to poll for new and updated records.",
);

export const deletedResourceType = resourceTypeInput(
  POLLABLE_RESOURCES.filter((resource) => resource.deletedSince),
  "The type of resource to poll for deleted records (those whose Sage list takes deleted_since).",
);

export const includeSystemContacts = input({
  label: "Include System Contacts",
  type: "boolean",
  required: false,
  default: "false",
  comments:
    "Contacts only: also deliver Sage's system contacts (such as HMRC Payments and HMRC Reclaimed), which cannot be used on transactions. Off, the trigger asks Sage with exclude_system=true.",
  clean: booleanWithDefault("Include System Contacts", false),
});

export const invoiceType = input({
  label: "Invoice Type",
  type: "string",
  required: true,
  default: "salesInvoices",
  comments: "Watch sales invoices or purchase invoices.",
  model: [
    { label: "Sales Invoices", value: "salesInvoices" },
    { label: "Purchase Invoices", value: "purchaseInvoices" },
  ],
  clean: (value: unknown): InvoiceKind => {
    const text = requiredString("Invoice Type")(value);
    const kind = INVOICE_KINDS.find((candidate) => candidate.value === text);
    if (!kind) throw new InputError("Invoice Type", "salesInvoices or purchaseInvoices", value);
    return kind;
  },
});

export const statusFilter = input({
  label: "Only These Statuses",
  type: "string",
  required: false,
  collection: "valuelist",
  comments: `Deliver only invoices that moved to one of these statuses (${STATUS_CHANGE_VALUES.join(", ")}; OVERDUE: became overdue). Leave empty for every change.`,
  example: "PAID",
  clean: (value: unknown): string[] | undefined => {
    const ids = optionalIdList("Only These Statuses")(value)?.map((id) => id.toUpperCase());
    const unknown = ids?.find((id) => !STATUS_CHANGE_VALUES.includes(id));
    if (unknown !== undefined)
      throw new InputError("Only These Statuses", `statuses among ${STATUS_CHANGE_VALUES.join(", ")}`, value);
    return ids;
  },
});
