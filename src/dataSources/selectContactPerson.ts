import { dataSource, input } from "@prismatic-io/spectral";
import { createSageClient } from "../client";
import { connection } from "../inputs/common";
import { contactIdFilter } from "../inputs/contactPersons";
import { fetchAllPages } from "../util/pagination";
import { type SageBaseRecord, toOptions } from "./picklist";

/**
 * The contact people of one contact (Sage's `contact_id` filter), or of every contact when
 * Contact Id is blank, as Prismatic's own Select Contact Person lists them (connection only).
 */
export const selectContactPerson = dataSource({
  display: {
    label: "Select Contact Person",
    description: "Select a contact person, optionally of one contact.",
  },
  dataSourceType: "picklist",
  inputs: {
    connection,
    contactId: input({ ...contactIdFilter, comments: "Only the contact people of this contact; blank lists all." }),
  },
  perform: async (_context, { connection, contactId }) => {
    const client = createSageClient(connection);
    const { $items } = await fetchAllPages<SageBaseRecord>(client, "/contact_persons", { contact_id: contactId });
    return { result: toOptions($items, (record) => record.displayed_as) };
  },
});
