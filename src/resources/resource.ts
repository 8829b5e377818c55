import {
  action,
  type ActionDefinition,
  type ActionPerformReturn,
  type ConfigVarResultCollection,
  type Connection,
  type Element,
  type InputFieldDefinition,
  type Inputs,
} from "@prismatic-io/spectral";
import { picklist } from "../dataSources/picklist";
import { createSageClient, segment } from "../client";
import { EXAMPLES } from "../examplePayloads";
import { connection, idempotencyKey } from "../inputs/common";
import { type ListFilters, listAction } from "../actions/listAction";
import { getAction, deleteAction } from "../actions/recordAction";
import { compact } from "../util/body";
import { SageApiError } from "../util/errors";
import { withIdempotencyKey } from "../util/idempotency";
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
  /** Body mapper: input key of create/update → Sage's field in the wrapped body. */
  body: Record<string, string>;
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
  /** A picklist data source of every record. */
  dropdown?: ActionNames;
  /** Sage's list takes `updated_or_created_since`, so a polling trigger can watch it. */
  pollable: boolean;
  /** Sage answers `Accept: application/pdf` on the record's URL (Get Sales Document PDF offers it). */
  pdf?: boolean;
  /**
   * A valid create and update for the example-payload scenario and the e2e lifecycle. Values
   * "$customer", "$vendor", "$salesLedger", "$purchaseLedger" and "$today" stand for ids/dates
   * the scenario has at hand.
   */
  sample: { create: Record<string, unknown>; update: Record<string, unknown> };
}

/** The wrapped body of a create or update: only the inputs that were filled in, under Sage's names. */
export const bodyOf = (resource: SageResource, fields: Record<string, unknown>) => ({
  [resource.wrapper]: compact(
    Object.fromEntries(Object.entries(resource.body).map(([inputKey, field]) => [field, fields[inputKey]])),
  ),
});

/** camelCase of a label: "Sales Credit Note" → "salesCreditNote". */
const camel = (label: string): string =>
  label.replace(/\s+(\w)/g, (_, letter: string) => letter.toUpperCase()).replace(/^\w/, (c) => c.toLowerCase());

const example = (key: string) => EXAMPLES[key] as { data: unknown } | undefined;

type Params = Record<string, unknown> & { connection: Connection };

/** Create: POST the mapped body, with the optional Idempotency Key last so a retried run never creates twice. */
const createAction = (resource: SageResource, names: WriteAction) =>
  action({
    display: { label: names.label, description: names.description },
    inputs: { connection, ...names.inputs, idempotencyKey },
    perform: async (context, params) => {
      const { connection, idempotencyKey, ...fields } = params as Params;
      const client = createSageClient(connection, context.debug.enabled);
      const { data } = await client.post(
        resource.path,
        bodyOf(resource, fields),
        withIdempotencyKey(idempotencyKey as string | undefined),
      );
      return { data };
    },
    examplePayload: example(names.key),
    outputSchema: outputSchemaFor(resource.definition, "record"),
    performSafety: performSafetyFor("create"),
  });

const updateAction = (resource: SageResource, names: WriteAction) =>
  action({
    display: { label: names.label, description: names.description },
    inputs: { connection, [resource.id.key]: resource.id.input, ...names.inputs },
    perform: async (context, params) => {
      const { connection, [resource.id.key]: id, ...fields } = params as Params;
      const client = createSageClient(connection, context.debug.enabled);
      const { data } = await client.put(`${resource.path}/${segment(String(id))}`, bodyOf(resource, fields));
      return { data };
    },
    examplePayload: example(names.key),
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
    examplePayload: example(names.key),
    outputSchema: actionOutput(
      objectSchema(
        { id: STRING, deleted: BOOLEAN, voided: BOOLEAN },
        { [camel(resource.singular)]: recordSchema(resource.definition) },
      ),
    ),
    performSafety: performSafetyFor("void"),
  });

const releaseAction = (resource: SageResource, names: ActionNames) =>
  action({
    display: { label: names.label, description: names.description },
    inputs: { connection, [resource.id.key]: resource.id.input },
    perform: async (context, params) => {
      const { connection, [resource.id.key]: id } = params as Params;
      const client = createSageClient(connection, context.debug.enabled);
      const { data } = await client.post(`${resource.path}/${segment(String(id))}/release`);
      return { data };
    },
    examplePayload: example(names.key),
    outputSchema: outputSchemaFor(resource.definition, "record"),
    // A release turns a draft into a live document: a write like an update.
    performSafety: performSafetyFor("update"),
  });

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
  add(resource.get, (names: ActionNames) =>
    getAction({ ...names, ...record, options: resource.readOptions, examplePayload: example(names.key)! }),
  );
  add(resource.delete, (names: ActionNames) =>
    deleteAction({ ...names, ...record, examplePayload: example(names.key)! }),
  );
  add(resource.void, (names: WriteAction) => voidAction(resource, names));
  add(resource.release, (names: ActionNames) => releaseAction(resource, names));
  add(resource.list, (names: ActionNames) =>
    listAction({
      ...names,
      path,
      definition,
      filters: { ...resource.filters, ...resource.readOptions },
      defaultAttributes: resource.listAttributes,
      examplePayload: example(names.key)?.data as Parameters<typeof listAction>[0]["examplePayload"],
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
    examplePayload: (EXAMPLES[names.key] as { result: Element[] } | undefined)?.result ?? [],
  });
};
