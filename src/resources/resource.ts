import {
  action,
  input,
  type ActionDefinition,
  type ActionPerformReturn,
  type ConfigVarResultCollection,
  type Connection,
  type InputFieldDefinition,
  type Inputs,
} from "@prismatic-io/spectral";
import { picklist } from "../dataSources/picklist";
import { createSageClient, segment } from "../client";
import { connection, idempotencyKey } from "../inputs/common";
import { type ListFilters, listAction } from "../actions/listAction";
import { getAction, deleteAction } from "../actions/recordAction";
import { compact } from "../util/body";
import type { QueryParams } from "../util/pagination";
import { paymentHeaderAmounts } from "../util/paymentLines";
import { SageApiError } from "../util/errors";
import { InputError, requiredString } from "../util/validation";
import { withIdempotencyKey } from "../util/idempotency";
import { sameText } from "../util/match";
import { fetchAllPages } from "../util/pagination";
import {
  actionOutput,
  BOOLEAN,
  type DefinitionName,
  objectSchema,
  outputSchemaFor,
  performSafetyFor,
  recordSchema,
  STRING,
} from "../util/outputSchema";

/** What a flow builder sees of one action: its public key, label and description. */
export interface ActionNames {
  key: string;
  label: string;
  description: string;
}

/** A write action's names plus its inputs, in the order the flow builder sees them. */
export interface WriteAction extends ActionNames {
  inputs: Record<string, InputFieldDefinition>;
}

/** A find's names plus the record fields that must equal the text looked for (ignoring case). */
export interface FindAction extends ActionNames {
  fields: string[];
}

/**
 * One Sage resource, declared once. Every action, its dropdown, the triggers' and the docs'
 * knowledge of it, its example payloads and its e2e coverage follow from this object; keep it
 * data (no functions) so other concerns can be derived from it.
 */
export interface SageResource {
  /** Sage's collection path, e.g. "/sales_credit_notes". */
  path: string;
  /** The key Sage wraps a request body in, e.g. "sales_credit_note". */
  wrapper: string;
  /**
   * Sage's name for the record (its response definition in the spec), e.g. "SalesCreditNote":
   * the actions' output schemas. A new one goes in scripts/output-schemas.js (npm run output-schemas).
   */
  definition: DefinitionName;
  singular: string;
  plural: string;
  /** The id input of get, update, delete, void and release: its public key and definition. */
  id: { key: string; input: InputFieldDefinition };
  /** List filters: input key → Sage's query name (checked against the spec) and input. */
  filters: ListFilters;
  /** Query inputs Get and List both take (after the id, after the filters), e.g. Include Payment Allocations. */
  readOptions?: ListFilters;
  /** The list's Attributes default when `all` would carry too much per record (attachments: their file); default `all`. */
  listAttributes?: string;
  /**
   * Body mapper: input key of create/update → Sage's field in the wrapped body; a dotted field
   * ("bank_account_details.account_name") is nested, and a section left empty is not sent.
   */
  body: Record<string, string>;
  /**
   * Fields every create sends besides the inputs: the kind of a record in a collection Sage shares
   * between kinds (Other Payments and Other Receipts are both /other_payments, told apart by
   * `transaction_type_id`).
   */
  createFields?: Record<string, string>;
  /** Query every List sends: the same kind, so each family lists only its own records. */
  listQuery?: QueryParams;
  /**
   * Sage field of the lines whose sums are the header's net_amount, tax_amount and total_amount,
   * filled in whenever the lines are sent (Sage requires an Other Payment's total_amount).
   */
  lineTotals?: string;
  /** Two inputs of create/update that may not hold the same value (a transfer's From and To accounts). */
  distinct?: [string, string];
  list?: ActionNames;
  get?: ActionNames;
  create?: WriteAction;
  update?: WriteAction;
  /** DELETE that removes the record. */
  delete?: ActionNames;
  /** DELETE that deletes a draft and voids anything else (Sage needs `void_reason` then). */
  void?: WriteAction;
  /** POST <path>/<id>/release: a draft becomes a real document. */
  release?: ActionNames;
  /** POST <path>/<id>/reissue: Sage posts the record again (journals). */
  reissue?: ActionNames;
  /**
   * Find by number or reference: Sage's `search` list filter (the `search` entry of `filters`)
   * narrows the list, every page is read, and a record counts only when one of `fields` equals
   * the text, ignoring case (Sage's search also matches parts of these and the contact's name).
   */
  find?: FindAction;
  /** A picklist data source of every record. */
  dropdown?: ActionNames;
  /** Sage's list takes `updated_or_created_since`, so a polling trigger can watch it. */
  pollable: boolean;
  /** Sage answers `Accept: application/pdf` on the record's URL (Get Sales Document PDF offers it). */
  pdf?: boolean;
  /**
   * A valid create and update for the example-payload scenario and the e2e lifecycle. Values
   * "$customer", "$vendor", "$salesLedger", "$purchaseLedger", "$currentAccount",
   * "$savingsAccount", "$cashAccount" and "$today" stand for ids/dates the scenario has at hand.
   * A resource without update (Sage has no PUT) gives an empty update.
   */
  sample: { create: Record<string, unknown>; update: Record<string, unknown> };
}

/** The wrapped body of a create or update: only the inputs that were filled in, under Sage's names. */
export const bodyOf = (
  resource: SageResource,
  fields: Record<string, unknown>,
  fixed: Record<string, unknown> = {},
) => {
  const body: Record<string, unknown> = { ...fixed };
  for (const [inputKey, field] of Object.entries(resource.body)) {
    const [name, ...nested] = field.split(".").reverse();
    let section = body;
    for (const part of nested.reverse()) section = (section[part] ??= {}) as Record<string, unknown>;
    section[name] = fields[inputKey];
  }
  const lines = resource.lineTotals && body[resource.lineTotals];
  if (Array.isArray(lines)) Object.assign(body, paymentHeaderAmounts(lines));
  return { [resource.wrapper]: compact(body) };
};

/** Refuses, before any request, the same value in the two inputs the resource keeps apart. */
const checkDistinct = (resource: SageResource, names: WriteAction, fields: Record<string, unknown>) => {
  if (!resource.distinct) return;
  const [first, second] = resource.distinct;
  const labelOf = (key: string) => String(names.inputs[key].label);
  if (fields[first] !== undefined && fields[first] === fields[second])
    throw new InputError(labelOf(second), `a different value from "${labelOf(first)}"`, fields[second]);
};

/** camelCase of a label: "Sales Credit Note" → "salesCreditNote". */
export const camel = (label: string): string =>
  label.replace(/\s+(\w)/g, (_, letter: string) => letter.toUpperCase()).replace(/^\w/, (c) => c.toLowerCase());

type Params = Record<string, unknown> & { connection: Connection };

/** Create: POST the mapped body, with the optional Idempotency Key last so a retried run never creates twice. */
const createAction = (resource: SageResource, names: WriteAction) =>
  action({
    display: { label: names.label, description: names.description },
    inputs: { connection, ...names.inputs, idempotencyKey },
    perform: async (context, params) => {
      const { connection, idempotencyKey, ...fields } = params as Params;
      checkDistinct(resource, names, fields);
      const client = createSageClient(connection, context.debug.enabled);
      const { data } = await client.post(
        resource.path,
        bodyOf(resource, fields, resource.createFields),
        withIdempotencyKey(idempotencyKey as string | undefined),
      );
      return { data };
    },
    outputSchema: outputSchemaFor(resource.definition, "record"),
    performSafety: performSafetyFor("create"),
  });

const updateAction = (resource: SageResource, names: WriteAction) =>
  action({
    display: { label: names.label, description: names.description },
    inputs: { connection, [resource.id.key]: resource.id.input, ...names.inputs },
    perform: async (context, params) => {
      const { connection, [resource.id.key]: id, ...fields } = params as Params;
      checkDistinct(resource, names, fields);
      const client = createSageClient(connection, context.debug.enabled);
      const { data } = await client.put(`${resource.path}/${segment(String(id))}`, bodyOf(resource, fields));
      return { data };
    },
    outputSchema: outputSchemaFor(resource.definition, "record"),
    performSafety: performSafetyFor("update"),
  });

/**
 * DELETE that voids: Sage deletes a draft (204) and voids any other document, which needs a
 * `void_reason` and comes back (200). Returns { id, deleted, voided, <record> }.
 */
const voidAction = (resource: SageResource, names: WriteAction) =>
  action({
    display: { label: names.label, description: names.description },
    inputs: { connection, [resource.id.key]: resource.id.input, ...names.inputs },
    perform: async (context, params) => {
      const { connection, [resource.id.key]: id, voidReason } = params as Params;
      const client = createSageClient(connection, context.debug.enabled);
      const path = `${resource.path}/${segment(String(id))}`;
      let data: unknown;
      try {
        ({ data } = await client.delete(path, { params: compact({ void_reason: voidReason }) }));
      } catch (error) {
        // The void went through but its answer was lost, so the retry found the document already
        // void: that is the outcome asked for. Anything else is a real failure.
        if (!(error instanceof SageApiError && error.status === 422 && error.earlierTryMayHaveBeenProcessed))
          throw error;
        const { data: record } = await client.get<{ status?: { id?: string } }>(path, {
          params: { attributes: "all" },
        });
        if (record.status?.id !== "VOID") throw error;
        data = record;
      }
      const voided = Boolean(data && typeof data === "object");
      return { data: { id, deleted: !voided, voided, ...(voided ? { [camel(resource.singular)]: data } : {}) } };
    },
    outputSchema: actionOutput(() =>
      objectSchema(
        { id: STRING, deleted: BOOLEAN, voided: BOOLEAN },
        { [camel(resource.singular)]: recordSchema(resource.definition) },
      ),
    ),
    performSafety: performSafetyFor("void"),
  });

/** POST <path>/<id>/<verb> with no body (release, reissue): Sage answers with the record. */
const recordPostAction = (resource: SageResource, names: ActionNames, verb: "release" | "reissue") =>
  action({
    display: { label: names.label, description: names.description },
    inputs: { connection, [resource.id.key]: resource.id.input },
    perform: async (context, params) => {
      const { connection, [resource.id.key]: id } = params as Params;
      const client = createSageClient(connection, context.debug.enabled);
      const { data } = await client.post(`${resource.path}/${segment(String(id))}/${verb}`);
      return { data };
    },
    outputSchema: outputSchemaFor(resource.definition, "record"),
    // A release turns a draft into a live document, a reissue posts it again: writes like an update.
    performSafety: performSafetyFor("update"),
  });

const NUMBER_OR_REFERENCE = "Number or Reference";

/** "invoice_number", "reference" → "invoice number or reference". */
const fieldWords = (fields: string[]) =>
  fields
    .map((field) => field.replace(/_/g, " "))
    .join(", ")
    .replace(/, ([^,]*)$/, " or $1");

/**
 * What every Find action returns: { found, <plural>, <singular> (the first match, when found) }, so a
 * flow branches on `found` and maps the first match without an index, whatever it looked for.
 */
export const foundRecords = (resource: SageResource, matches: unknown[]) => ({
  found: matches.length > 0,
  [camel(resource.plural)]: matches,
  ...(matches.length ? { [camel(resource.singular)]: matches[0] } : {}),
});

/** The output schema of foundRecords. */
export const findOutputSchema = (resource: SageResource) =>
  actionOutput(() =>
    objectSchema(
      { found: BOOLEAN, [camel(resource.plural)]: { type: "array", items: recordSchema(resource.definition) } },
      { [camel(resource.singular)]: recordSchema(resource.definition) },
    ),
  );

/**
 * Find: every record whose `fields` hold the text exactly (ignoring case), read from every page
 * Sage's `search` returns. Returns { found, <plural>, <singular> (the first match, when found) }
 * so a flow can branch on `found`.
 */
const findAction = (resource: SageResource, names: FindAction) => {
  const search = resource.filters.search?.query;
  if (!search) throw new Error(`${resource.plural}: a find needs a "search" list filter`);
  return action({
    display: { label: names.label, description: names.description },
    inputs: {
      connection,
      numberOrReference: input({
        label: NUMBER_OR_REFERENCE,
        type: "string",
        required: true,
        comments: `The ${fieldWords(names.fields)} of the ${resource.singular.toLowerCase()} to find, exactly (any case).`,
        example: "SI-12",
        clean: requiredString(NUMBER_OR_REFERENCE),
      }),
    },
    perform: async (context, params) => {
      const { connection, numberOrReference } = params as Params & { numberOrReference: string };
      const client = createSageClient(connection, context.debug.enabled);
      const { $items } = await fetchAllPages<Record<string, unknown>>(client, resource.path, {
        [search]: numberOrReference,
        attributes: "all",
      });
      const matches = $items.filter((record) =>
        names.fields.some((field) => sameText(record[field], numberOrReference)),
      );
      return { data: foundRecords(resource, matches) };
    },
    outputSchema: findOutputSchema(resource),
    performSafety: performSafetyFor("find"),
  });
};

/** The component's view of an action; the inputs of a declared resource are data, so Spectral cannot type them. */
export type ResourceAction = ActionDefinition<
  Inputs,
  ConfigVarResultCollection,
  boolean,
  ActionPerformReturn<boolean, unknown>
>;

/** Every action of a resource, keyed by its public key. */
export const actionsOf = (resource: SageResource): Record<string, ResourceAction> => {
  const { path, id, definition } = resource;
  const record = { path, definition, idKey: id.key, idInput: id.input };
  const byKey: Record<string, ResourceAction> = {};
  const add = (names: ActionNames | undefined, build: (names: never) => object) => {
    if (names) byKey[names.key] = build(names as never) as ResourceAction;
  };
  add(resource.create, (names: WriteAction) => createAction(resource, names));
  add(resource.update, (names: WriteAction) => updateAction(resource, names));
  add(resource.get, (names: ActionNames) => getAction({ ...names, ...record, options: resource.readOptions }));
  add(resource.delete, (names: ActionNames) => deleteAction({ ...names, ...record }));
  add(resource.void, (names: WriteAction) => voidAction(resource, names));
  add(resource.release, (names: ActionNames) => recordPostAction(resource, names, "release"));
  add(resource.reissue, (names: ActionNames) => recordPostAction(resource, names, "reissue"));
  add(resource.find, (names: FindAction) => findAction(resource, names));
  add(resource.list, (names: ActionNames) =>
    listAction({
      ...names,
      path,
      definition,
      filters: { ...resource.filters, ...resource.readOptions },
      query: resource.listQuery,
      defaultAttributes: resource.listAttributes,
    }),
  );
  return byKey;
};

/** The resource's dropdown: every record (all pages), labelled `displayed_as`. */
export const dropdownOf = (resource: SageResource) => {
  const names = resource.dropdown!;
  return picklist({
    label: names.label,
    description: names.description,
    path: resource.path,
  });
};
