import { action, type Connection, type Inputs } from "@prismatic-io/spectral";
import { createSageClient } from "../client";
import { attributes, connection, fetchAll, itemsPerPage, page } from "../inputs/common";
import { type ListOptions, listRecords, type QueryParams, type SageList } from "../util/pagination";

interface ListActionSpec<TFilters extends Inputs> {
  label: string;
  description: string;
  /** Sage path, e.g. "/contacts". */
  path: string;
  /** Inputs after the pagination inputs (filters), mapped by `toQuery` to Sage's query names. */
  filters?: TFilters;
  toQuery?: (values: Record<keyof TFilters, unknown>) => QueryParams;
  examplePayload?: SageList<Record<string, unknown>>;
}

/**
 * A list action: the page's Items Per Page and Page, plus Fetch All and Attributes, plus the
 * resource's own filters. Returns Sage's envelope for one page or { $total, $items } for all.
 */
export const listAction = <TFilters extends Inputs = Record<string, never>>({
  label,
  description,
  path,
  filters,
  toQuery,
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
      const query = toQuery ? toQuery(values) : {};
      return { data: await listRecords(client, path, { fetchAll, page, itemsPerPage, attributes }, query) };
    },
    examplePayload: examplePayload ? { data: examplePayload } : undefined,
  });
