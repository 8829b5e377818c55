import { action, type Connection, type Inputs } from "@prismatic-io/spectral";
import { createSageClient } from "../client";
import { attributes, connection, fetchAll, itemsPerPage, page } from "../inputs/common";
import { type DefinitionName, outputSchemaFor, performSafetyFor } from "../util/outputSchema";
import { type ListOptions, listRecords, type QueryParams, type SageList } from "../util/pagination";

interface ListActionSpec<TFilters extends Inputs> {
  label: string;
  description: string;
  /** Sage path, e.g. "/contacts". */
  path: string;
  /** The spec's definition of one record, e.g. "Contact": the action's output schema lists them. */
  definition: DefinitionName;
  /**
   * Inputs after the pagination inputs. Each is keyed by the camelCase of the Sage query
   * parameter it fills (contactId → contact_id), so the mapping cannot drift from the keys.
   */
  filters?: TFilters;
  /** Query parameters every request sends, e.g. `nested_attributes: "all"` for full nested records. */
  query?: QueryParams;
  examplePayload?: SageList<Record<string, unknown>>;
}

const snakeCase = (key: string): string => key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/** The query of inputs keyed by the camelCase of the Sage parameter they fill (showBalance → show_balance). */
export const queryOfInputs = (inputs: Inputs | undefined, values: Record<string, unknown>): QueryParams => {
  const query: QueryParams = {};
  for (const key of Object.keys(inputs ?? {})) query[snakeCase(key)] = values[key] as QueryParams[string];
  return query;
};

/**
 * A list action: the page's Items Per Page and Page, plus Fetch All and Attributes, plus the
 * resource's own filters. Returns Sage's envelope for one page or { $total, $items } for all.
 */
export const listAction = <TFilters extends Inputs = Record<string, never>>({
  label,
  description,
  path,
  definition,
  filters,
  query: fixedQuery = {},
  examplePayload,
}: ListActionSpec<TFilters>) =>
  action({
    display: { label, description },
    inputs: { connection, itemsPerPage, page, ...(filters ?? ({} as TFilters)), fetchAll, attributes },
    perform: async (context, params) => {
      // The generic filters widen Spectral's inferred types; the shared inputs' cleaners fix them.
      const values = params as unknown as ListOptions & { connection: Connection } & Record<keyof TFilters, unknown>;
      const client = createSageClient(values.connection, context.debug.enabled);
      const { fetchAll, page, itemsPerPage, attributes } = values;
      const query = { ...fixedQuery, ...queryOfInputs(filters, values) };
      return { data: await listRecords(client, path, { fetchAll, page, itemsPerPage, attributes }, query) };
    },
    examplePayload: examplePayload ? { data: examplePayload } : undefined,
    outputSchema: outputSchemaFor(definition, "list"),
    performSafety: performSafetyFor("list"),
  });
