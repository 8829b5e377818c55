import { input } from "@prismatic-io/spectral";
import { MAX_ITEMS_PER_PAGE } from "../constants";
import {
  booleanWithDefault,
  optionalBoolean,
  optionalDateTime,
  optionalId,
  optionalInteger,
  optionalString,
  optionalTrimmed,
  requiredId,
} from "../util/validation";

export const connection = input({
  label: "Connection",
  type: "connection",
  required: true,
});

export const itemsPerPage = input({
  label: "Items Per Page",
  type: "string",
  required: false,
  comments: "Provide a value for the amount of items to be returned in the response.",
  example: "20",
  placeholder: "1 to 200 (Sage's default is 20)",
  clean: optionalInteger("Items Per Page", { min: 1, max: MAX_ITEMS_PER_PAGE }),
});

export const page = input({
  label: "Page",
  type: "string",
  required: false,
  comments: "Provide a value for the page of results you would like to be returned.",
  example: "1",
  placeholder: "1",
  clean: optionalInteger("Page", { min: 1 }),
});

const sinceComment = (records: string) =>
  `Use this to limit the response to ${records} changed since a given date (format: YYYY-MM-DDT(+|-)hh:mm) or date-time (format: YYYY-MM-DDThh:mm:ss(+|-)hh:mm). Inclusive of the passed timestamp.`;

/** As on Prismatic's page, whose five lists all say "Contacts" here (test/page.test.ts holds them to it). */
export const updatedOrCreatedSince = input({
  label: "Update or Created Since",
  type: "string",
  required: false,
  comments: sinceComment("Contacts"),
  example: "2026-01-31T00:00:00Z",
  clean: optionalDateTime("Update or Created Since"),
});

/** The same filter on a list the page does not have, naming its own records ("Tax Rates"). */
export const updatedOrCreatedSinceFor = (records: string) =>
  input({ ...updatedOrCreatedSince, comments: sinceComment(records) });

export const fetchAll = input({
  label: "Fetch All",
  type: "boolean",
  required: false,
  default: "false",
  comments:
    "Follow every page (200 records per request) and return all records in one array as { $total, $items }. Items Per Page and Page are then ignored.",
  clean: booleanWithDefault("Fetch All", false),
});

export const attributes = input({
  label: "Attributes",
  type: "string",
  required: false,
  default: "all",
  comments:
    "Which fields each record carries: 'all' (the default) returns full records; a comma-separated list (e.g. 'email,balance') adds just those; blank returns Sage's base fields only (id, displayed_as, $path).",
  example: "all",
  clean: optionalString("Attributes"),
});

/**
 * A yes/no that asks Sage for something it leaves out by default (show_balance, exclude_system):
 * default false, sent as `true` when set and not sent otherwise, so Sage's own default applies.
 */
export const sageQueryFlag = ({ label, comments }: { label: string; comments: string }) =>
  input({
    label,
    type: "boolean",
    required: false,
    default: "false",
    comments,
    clean: (value: unknown): true | undefined => booleanWithDefault(label, false)(value) || undefined,
  });

/**
 * The update variant of a create action's boolean: a "false" default would flip the flag on
 * every update, so on update it is a dropdown whose default leaves the record's value alone.
 */
export const leaveUnchangedBoolean = <T extends { label: string; comments?: string }>(create: T) =>
  input({
    label: create.label,
    type: "string",
    required: false,
    comments: create.comments,
    default: "",
    model: [
      { label: "Leave unchanged", value: "" },
      { label: "True", value: "true" },
      { label: "False", value: "false" },
    ],
    clean: optionalBoolean(create.label),
  });

// Ids that several resources take: one definition, and filters or optional variants are spreads of it.

export const contactId = input({
  label: "Contact Id",
  type: "string",
  required: true,
  comments: "Provide the unique identifier of a contact.",
  example: "1b0ebd8a6f5c11ecb2660236bd82ab5b",
  placeholder: "Select a contact",
  dataSource: "selectContact",
  clean: requiredId("Contact Id"),
});

export const currencyId = input({
  label: "Currency Id",
  type: "string",
  required: false,
  comments: "Provide the unique identifier of the currency type.",
  example: "GBP",
  placeholder: "Select a currency",
  dataSource: "selectCurrency",
  clean: optionalId("Currency Id"),
});

/**
 * Optional on every create (and on recording a payment): put it LAST in the action's inputs and
 * pass its value to the client, `client.post(path, body, withIdempotencyKey(idempotencyKey))`.
 */
export const idempotencyKey = input({
  label: "Idempotency Key",
  type: "string",
  required: false,
  comments:
    "Optional. A value unique to what this step creates, e.g. the shop's order number. The same key always sends Sage the same idempotency_id for this kind of record, so running the flow again for the same order within Sage's 7-day window returns the record created the first time instead of creating another. Blank: a new id on every run (retries within one run never create twice either way).",
  example: "order-10042",
  clean: optionalTrimmed("Idempotency Key"),
});
