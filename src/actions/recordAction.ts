import { action, type Connection, type InputFieldDefinition } from "@prismatic-io/spectral";
import { createSageClient, segment } from "../client";
import { connection } from "../inputs/common";
import { compact } from "../util/body";
import type { QueryParams } from "../util/pagination";
import { inputsOfFilters, type ListFilters, queryOfFilters } from "./listAction";
import { type DefinitionName, deletedOutput, outputSchemaFor, performSafetyFor } from "../util/outputSchema";

interface RecordActionSpec<K extends string, I extends InputFieldDefinition> {
  label: string;
  description: string;
  /** Sage collection, e.g. "/contacts". */
  path: string;
  /** The id input and its public key, e.g. "contactId". */
  idKey: K;
  idInput: I;
}

interface GetActionSpec<K extends string, I extends InputFieldDefinition> extends RecordActionSpec<K, I> {
  /** Query parameters every request sends, e.g. `nested_attributes: "all"`. */
  query?: QueryParams;
  /** Inputs after the id, each with the Sage query name it fills (as a list action's filters). */
  options?: ListFilters;
  /** The spec's definition of the record, e.g. "Contact": the action's output schema. */
  definition: DefinitionName;
}

const inputsOf = <K extends string, I extends InputFieldDefinition>(idKey: K, idInput: I) =>
  ({ connection, [idKey]: idInput }) as { connection: typeof connection } & Record<K, I>;

// The id inputs' cleaners (requiredId) have already refused anything that is not a Sage id.
const idOf = (params: unknown, idKey: string) => (params as Record<string, string>)[idKey];

/** Get one record by id, with all its fields (`attributes=all`). */
export const getAction = <K extends string, I extends InputFieldDefinition>({
  label,
  description,
  path,
  idKey,
  idInput,
  query,
  options,
  definition,
}: GetActionSpec<K, I>) =>
  action({
    display: { label, description },
    inputs: { ...inputsOf(idKey, idInput), ...inputsOfFilters(options) },
    perform: async (context, params) => {
      const client = createSageClient((params as { connection: Connection }).connection, context.debug.enabled);
      const { data } = await client.get(`${path}/${segment(idOf(params, idKey))}`, {
        params: compact({ attributes: "all", ...query, ...queryOfFilters(options, params as Record<string, unknown>) }),
      });
      return { data };
    },
    outputSchema: outputSchemaFor(definition, "record"),
    performSafety: performSafetyFor("get"),
  });

/** Delete one record by id. Sage answers 204 with no body, so the action says what was deleted. */
export const deleteAction = <K extends string, I extends InputFieldDefinition>({
  label,
  description,
  path,
  idKey,
  idInput,
}: RecordActionSpec<K, I>) =>
  action({
    display: { label, description },
    inputs: inputsOf(idKey, idInput),
    perform: async (context, params) => {
      const client = createSageClient((params as { connection: Connection }).connection, context.debug.enabled);
      const id = idOf(params, idKey);
      await client.delete(`${path}/${segment(id)}`);
      return { data: { deleted: true, id } };
    },
    outputSchema: deletedOutput,
    performSafety: performSafetyFor("delete"),
  });
