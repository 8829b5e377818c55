import { action, type Connection, input, type InputFieldDefinition } from "@prismatic-io/spectral";
import { createSageClient } from "../client";
import { attributes, connection, fetchAll, itemsPerPage, page } from "../inputs/common";
import { type DefinitionName, outputSchemaFor, performSafetyFor } from "../util/outputSchema";
import { InputError } from "../util/validation";
import { type ListOptions, listRecords, type QueryParams } from "../util/pagination";

/** A list filter: the input a flow builder fills in and the Sage query parameter it is sent as. */
export interface ListFilter {
  /** Sage's query name, e.g. "contact_id"; test/resources/filters.test.ts checks it is one of the path's GET parameters. */
  query: string;
  input: InputFieldDefinition;
  /** The key of another filter Sage takes only together with this one: one without the other is refused before any request. */
  requires?: string;
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
  /** The Attributes input's default when not `all` (a list whose full records are too large a page). */
  defaultAttributes?: string;
}

/** The inputs of filters, keyed by their public input key. */
export const inputsOfFilters = (filters: ListFilters = {}): Record<string, InputFieldDefinition> =>
  Object.fromEntries(Object.entries(filters).map(([key, filter]) => [key, filter.input]));

/** The query the filled-in filters make: each value under its Sage query name. */
export const queryOfFilters = (filters: ListFilters = {}, values: Record<string, unknown>): QueryParams =>
  Object.fromEntries(
    Object.entries(filters).map(([key, filter]) => [filter.query, values[key] as QueryParams[string]]),
  );

const labelOf = ({ label }: InputFieldDefinition): string => (typeof label === "string" ? label : label.value);

/** Refuse a filter set without the one Sage needs with it, naming the one that was set alone. */
const checkPairedFilters = (filters: ListFilters, values: Record<string, unknown>) => {
  for (const [key, filter] of Object.entries(filters)) {
    const partner = filter.requires && filters[filter.requires];
    if (partner && values[key] !== undefined && values[filter.requires!] === undefined)
      throw new InputError(
        labelOf(filter.input),
        `"${labelOf(partner.input)}" to be set too (Sage filters by the two together)`,
        values[key],
      );
  }
};

/** The Attributes input, with the list's own default where `all` is too much. */
const attributesInput = (defaultAttributes: string | undefined) =>
  defaultAttributes
    ? input({
        ...attributes,
        default: defaultAttributes,
        comments: `Which fields each record carries: the default lists the useful ones; 'all' returns full records (larger); a comma-separated list adds just those; blank returns Sage's base fields only (id, displayed_as, $path).`,
        example: defaultAttributes,
      })
    : attributes;

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
  defaultAttributes,
}: ListActionSpec) =>
  action({
    display: { label, description },
    inputs: {
      connection,
      itemsPerPage,
      page,
      ...inputsOfFilters(filters),
      fetchAll,
      attributes: attributesInput(defaultAttributes),
    },
    perform: async (context, params) => {
      // The filter inputs are built from data, so Spectral cannot type them; their cleaners already ran.
      const values = params as unknown as ListOptions & { connection: Connection } & Record<string, unknown>;
      const client = createSageClient(values.connection, context.debug.enabled);
      const { fetchAll, page, itemsPerPage, attributes } = values;
      checkPairedFilters(filters, values);
      const query = { ...fixedQuery, ...queryOfFilters(filters, values) };
      return { data: await listRecords(client, path, { fetchAll, page, itemsPerPage, attributes }, query) };
    },
    outputSchema: outputSchemaFor(definition, "list"),
    performSafety: performSafetyFor("list"),
  });
