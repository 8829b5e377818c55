import { action, type Connection, type InputFieldDefinition } from "@prismatic-io/spectral";
import { createSageClient } from "../client";
import { attributes, connection, fetchAll, itemsPerPage, page } from "../inputs/common";
import { type DefinitionName, outputSchemaFor, performSafetyFor } from "../util/outputSchema";
import { type ListOptions, listRecords, type QueryParams, type SageList } from "../util/pagination";

/** A list filter: the input a flow builder fills in and the Sage query parameter it is sent as. */
export interface ListFilter {
  /** Sage's query name, e.g. "contact_id"; test/resources/filters.test.ts checks it is one of the path's GET parameters. */
  query: string;
  input: InputFieldDefinition;
}

/** Filters keyed by their public input key; the input key and Sage's query name are both written out. */
export type ListFilters = Record<string, ListFilter>;

interface ListActionSpec {
  label: string;
  description: string;
  /** Sage path, e.g. "/contacts". */
  path: string;
  /** The spec's definition of one record, e.g. "Contact": the action's output schema lists them. */
  definition: DefinitionName;
  /** Inputs after the pagination inputs, each with the Sage query name it fills. */
  filters?: ListFilters;
  /** Query parameters every request sends, e.g. `nested_attributes: "all"` for full nested records. */
  query?: QueryParams;
  examplePayload?: SageList<Record<string, unknown>>;
}

/** The inputs of filters, keyed by their public input key. */
export const inputsOfFilters = (filters: ListFilters = {}): Record<string, InputFieldDefinition> =>
  Object.fromEntries(Object.entries(filters).map(([key, filter]) => [key, filter.input]));

/** The query the filled-in filters make: each value under its Sage query name. */
export const queryOfFilters = (filters: ListFilters = {}, values: Record<string, unknown>): QueryParams =>
  Object.fromEntries(
    Object.entries(filters).map(([key, filter]) => [filter.query, values[key] as QueryParams[string]]),
  );

/**
 * A list action: the page's Items Per Page and Page, plus the resource's own filters, plus Fetch
 * All and Attributes. Returns Sage's envelope for one page or { $total, $items } for all.
 */
export const listAction = ({
  label,
  description,
  path,
  definition,
  filters = {},
  query: fixedQuery = {},
  examplePayload,
}: ListActionSpec) =>
  action({
    display: { label, description },
    inputs: {
      connection,
      itemsPerPage,
      page,
      ...inputsOfFilters(filters),
      fetchAll,
      attributes,
    },
    perform: async (context, params) => {
      // The filter inputs are built from data, so Spectral cannot type them; their cleaners already ran.
      const values = params as unknown as ListOptions & { connection: Connection } & Record<string, unknown>;
      const client = createSageClient(values.connection, context.debug.enabled);
      const { fetchAll, page, itemsPerPage, attributes } = values;
      const query = { ...fixedQuery, ...queryOfFilters(filters, values) };
      return { data: await listRecords(client, path, { fetchAll, page, itemsPerPage, attributes }, query) };
    },
    examplePayload: examplePayload ? { data: examplePayload } : undefined,
    outputSchema: outputSchemaFor(definition, "list"),
    performSafety: performSafetyFor("list"),
  });
