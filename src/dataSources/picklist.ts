import { dataSource, type Element, type Inputs } from "@prismatic-io/spectral";
import { createSageClient } from "../client";
import { connection } from "../inputs/common";
import { fetchAllPages, type QueryParams, recordsOf } from "../util/pagination";

/** Sage's base attributes, which every list returns without `attributes`: enough for a dropdown. */
export interface SageBaseRecord {
  id: string;
  displayed_as?: string | null;
  name?: string | null;
}

/** Dropdown options, alphabetical by label so users can scan them; the id breaks ties. */
export const toOptions = <T extends SageBaseRecord>(
  records: T[],
  labelOf: (record: T) => string | null | undefined,
): Element[] =>
  records
    .map((record) => ({ label: labelOf(record) || record.id, key: record.id }))
    .sort((a, b) => a.label.localeCompare(b.label) || a.key.localeCompare(b.key));

interface PicklistSpec {
  label: string;
  description: string;
  /** Sage path of the list, e.g. "/contacts". */
  path: string;
  /**
   * GET /businesses takes no paging parameters and answers every business at once (the paged
   * envelope, or a plain array as its spec says), so it is read in one request.
   */
  unpaged?: boolean;
  labelOf?: (record: SageBaseRecord) => string | null | undefined;
  /** Inputs after the connection, and the query they make. */
  options?: Inputs;
  queryOf?: (values: Record<string, unknown>) => QueryParams;
}

/** A dropdown of every record of a Sage list (all pages): label `displayed_as`, key `id`. */
export const picklist = ({
  label,
  description,
  path,
  unpaged = false,
  labelOf = (record) => record.displayed_as,
  options,
  queryOf = () => ({}),
}: PicklistSpec) =>
  dataSource({
    display: { label, description },
    dataSourceType: "picklist",
    inputs: { connection, ...options },
    perform: async (_context, params) => {
      const values = params as Record<string, unknown> & { connection: typeof params.connection };
      const client = createSageClient(values.connection);
      const records = unpaged
        ? recordsOf<SageBaseRecord>((await client.get(path)).data)
        : (await fetchAllPages<SageBaseRecord>(client, path, queryOf(values))).$items;
      return { result: toOptions(records, labelOf) };
    },
  });
