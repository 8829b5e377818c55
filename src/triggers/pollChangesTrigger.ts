import { pollingTrigger } from "@prismatic-io/spectral";
import {
  connection,
  includeSystemContacts,
  resourceType,
  showNewRecords,
  showUpdatedRecords,
  startFrom,
} from "../inputs/triggers";
import { pollRecordChanges } from "./recordChanges";

/**
 * New and Updated Records: the key, label, Resource Type input (key and values) and switches of
 * Prismatic's own Sage component, so a flow built on it runs unchanged, over every resource of
 * POLLABLE_RESOURCES.
 */
export const pollChangesTrigger = pollingTrigger({
  display: {
    label: "New and Updated Records",
    description:
      "Checks Sage on a schedule for records of the chosen resource created or updated since the last poll and delivers them as { created, updated }.",
  },
  inputs: { connection, resourceType, showNewRecords, showUpdatedRecords, startFrom, includeSystemContacts },
  perform: (context, payload, params) => pollRecordChanges(context, payload, params, params.resourceType),
});
