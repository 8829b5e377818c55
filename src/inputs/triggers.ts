import { input } from "@prismatic-io/spectral";
import { booleanWithDefault, optionalDateTime } from "../util/validation";

export { connection } from "./common";

export const startFrom = input({
  label: "Start From",
  type: "string",
  required: false,
  comments:
    "Only for the first poll: also deliver records created or updated since this ISO-8601 date-time (e.g. 2026-01-31T00:00:00Z). Leave blank to start from the moment the trigger first runs. Later polls continue from where the previous one stopped.",
  example: "2026-01-31T00:00:00Z",
  placeholder: "YYYY-MM-DDThh:mm:ssZ",
  clean: optionalDateTime("Start From"),
});

export const showNewRecords = input({
  label: "Show New Records",
  type: "boolean",
  required: false,
  default: "true",
  comments: "Deliver records created since the last poll (in `created`).",
  clean: booleanWithDefault("Show New Records", true),
});

export const showUpdatedRecords = input({
  label: "Show Updated Records",
  type: "boolean",
  required: false,
  default: "true",
  comments: "Deliver records that existed before the last poll and were changed since (in `updated`).",
  clean: booleanWithDefault("Show Updated Records", true),
});
