import { dataSource, type Element } from "@prismatic-io/spectral";
import { createSageClient } from "../client";
import { connection } from "../inputs/common";
import { fetchAllPages } from "../util/pagination";

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
   * GET /businesses answers with a plain JSON array of every business, not the paged
   * envelope, so it is read in one request.
   */
  unpaged?: boolean;
  labelOf?: (record: SageBaseRecord) => string | null | undefined;
  examplePayload: Element[];
}

/** A dropdown of every record of a Sage list (all pages): label `displayed_as`, key `id`. */
export const picklist = ({
  label,
  description,
  path,
  unpaged = false,
  labelOf = (record) => record.displayed_as,
  examplePayload,
}: PicklistSpec) =>
  dataSource({
    display: { label, description },
    dataSourceType: "picklist",
    inputs: { connection },
    perform: async (_context, { connection }) => {
      const client = createSageClient(connection);
      const records = unpaged
        ? (await client.get<SageBaseRecord[]>(path)).data
        : (await fetchAllPages<SageBaseRecord>(client, path)).$items;
      return { result: toOptions(records ?? [], labelOf) };
    },
    examplePayload: { result: examplePayload },
  });
