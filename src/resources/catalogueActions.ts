import { action, input, type Connection } from "@prismatic-io/spectral";
import { createSageClient, type HttpClient, segment } from "../client";
import { connection } from "../inputs/common";
import { itemCodeInput } from "../inputs/catalogue";
import { sameText } from "../util/match";
import { SageApiError } from "../util/errors";
import { withIdempotencyKey } from "../util/idempotency";
import { actionOutput, BOOLEAN, objectSchema, performSafetyFor, recordSchema } from "../util/outputSchema";
import { fetchAllPages, pagesOf } from "../util/pagination";
import { InputError, optionalTrimmed, requiredString } from "../util/validation";
import { products } from "./products";
import { bodyOf, camel, findOutputSchema, foundRecords, type SageResource } from "./resource";
import { services } from "./services";
import { stockItems } from "./stockItems";

/**
 * Find and Find or Create for the product catalogue (products, services, stock items).
 * Sage's `search` matches a substring of item code or description, so every candidate is then
 * held to the exact text asked for, ignoring case.
 */

interface CatalogueRecord extends Record<string, unknown> {
  id: string;
  item_code?: string | null;
  description?: string | null;
}

type Params = Record<string, unknown> & { connection: Connection };

const isMatch = (record: CatalogueRecord, itemCode?: string, description?: string) =>
  (!itemCode || sameText(record.item_code, itemCode)) && (!description || sameText(record.description, description));

/** The first record whose item code is `itemCode` (ignoring case), reading page by page and stopping there. */
const firstWithItemCode = async (client: HttpClient, resource: SageResource, itemCode: string) => {
  const query = { search: itemCode, attributes: "all" };
  for await (const page of pagesOf<CatalogueRecord>(client, resource.path, query, undefined, { concurrency: 1 })) {
    const match = (page.$items ?? []).find((record) => isMatch(record, itemCode));
    if (match) return match;
  }
  return undefined;
};

/** The record as Sage holds it now, or undefined when Sage no longer has it. */
const current = async (client: HttpClient, resource: SageResource, id: string) => {
  try {
    const { data } = await client.get<CatalogueRecord>(`${resource.path}/${segment(id)}`, {
      params: { attributes: "all" },
    });
    return data;
  } catch (error) {
    if (error instanceof SageApiError && error.status === 404) return undefined;
    throw error;
  }
};

/**
 * Create the record for an item code exactly once. Its idempotency_id is derived from the item
 * code (lower case): two runs that both looked and found nothing send the same id, and Sage
 * creates one record and answers both with it. Sage keeps that answer for 7 days, also after the
 * record is deleted or given another code; so the answer is read back, and a record that is gone
 * or no longer carries the code is created anew under an id derived from the code and the stale
 * record's id (still the same for racing runs).
 */
const createForItemCode = async (
  client: HttpClient,
  resource: SageResource,
  itemCode: string,
  fields: Record<string, unknown>,
) => {
  let key = `item_code ${itemCode.toLowerCase()}`;
  for (let attempt = 0; attempt < 3; attempt++) {
    const { data } = await client.post<CatalogueRecord>(
      resource.path,
      bodyOf(resource, fields),
      withIdempotencyKey(key),
    );
    const record = await current(client, resource, data.id);
    if (record && sameText(record.item_code, itemCode)) return record;
    key = `${key} after ${data.id}`;
  }
  throw new Error(
    `Sage kept answering the create of ${resource.singular.toLowerCase()} "${itemCode}" with records it no longer has; nothing new was created. Run the step again.`,
  );
};

const itemCodeLabel = "Item Code";

/** Find <Item>: every record with this item code and/or description, across all pages, as every Find answers. */
const findAction = (resource: SageResource, names: { key: string; label: string; description: string }) => {
  const noun = resource.singular.toLowerCase();
  return action({
    display: { label: names.label, description: names.description },
    inputs: {
      connection,
      itemCode: input({
        label: itemCodeLabel,
        type: "string",
        required: false,
        comments: `Return the ${resource.plural.toLowerCase()} with exactly this item code, ignoring case. Fill in Item Code, Description or both.`,
        example: "WIDGET-BLUE",
        clean: optionalTrimmed(itemCodeLabel),
      }),
      description: input({
        label: "Description",
        type: "string",
        required: false,
        comments: `Return the ${resource.plural.toLowerCase()} with exactly this description, ignoring case.`,
        example: "Blue Widget",
        clean: optionalTrimmed("Description"),
      }),
    },
    perform: async (context, params) => {
      const { connection, itemCode, description } = params as Params & { itemCode?: string; description?: string };
      if (!itemCode && !description)
        throw new InputError(itemCodeLabel, `an item code or a description of the ${noun} to find`);
      const client = createSageClient(connection, context.debug.enabled);
      const { $items } = await fetchAllPages<CatalogueRecord>(client, resource.path, {
        search: itemCode ?? description,
        attributes: "all",
      });
      return {
        data: foundRecords(
          resource,
          $items.filter((record) => isMatch(record, itemCode, description)),
        ),
      };
    },
    // The same { found, <plural>, <singular> } as every Find (Find Sales Invoice ...).
    outputSchema: findOutputSchema(resource),
    performSafety: performSafetyFor("find"),
  });
};

/** Find or Create <Item>: the record with this item code (ignoring case), created when there is none. */
const findOrCreateAction = (resource: SageResource, names: { key: string; label: string; description: string }) => {
  const noun = resource.singular.toLowerCase();
  const { itemCode: _createItemCode, ...createInputs } = resource.create!.inputs;
  const recordKey = camel(resource.singular);
  return action({
    display: { label: names.label, description: names.description },
    inputs: {
      connection,
      itemCode: input({
        ...itemCodeInput("product", { required: true }),
        comments: `The ${noun}'s item code. An existing ${noun} with this item code (ignoring case) is returned instead of creating one; two runs at once create one ${noun}.`,
        clean: requiredString(itemCodeLabel),
      }),
      ...createInputs,
    },
    perform: async (context, params) => {
      const { connection, ...fields } = params as Params & { itemCode: string };
      const client = createSageClient(connection, context.debug.enabled);
      const existing = await firstWithItemCode(client, resource, fields.itemCode);
      if (existing) return { data: { created: false, [recordKey]: existing } };
      const created = await createForItemCode(client, resource, fields.itemCode, fields);
      return { data: { created: true, [recordKey]: created } };
    },
    outputSchema: actionOutput(() =>
      objectSchema({ created: BOOLEAN, [recordKey]: recordSchema(resource.definition) }),
    ),
    performSafety: performSafetyFor("create"),
  });
};

export const catalogueActions = {
  findProduct: findAction(products, {
    key: "findProduct",
    label: "Find Product",
    description: "Find the products with an item code or description (exact, ignoring case), across all pages",
  }),
  findService: findAction(services, {
    key: "findService",
    label: "Find Service",
    description: "Find the services with an item code or description (exact, ignoring case), across all pages",
  }),
  findStockItem: findAction(stockItems, {
    key: "findStockItem",
    label: "Find Stock Item",
    description:
      "Find the stock items with an item code or description (exact, ignoring case), across all pages. Needs Sage Accounting Plus.",
  }),
  findOrCreateProduct: findOrCreateAction(products, {
    key: "findOrCreateProduct",
    label: "Find or Create Product",
    description:
      "Return the product with the given item code (ignoring case); create it when there is none, never twice for one code",
  }),
  findOrCreateService: findOrCreateAction(services, {
    key: "findOrCreateService",
    label: "Find or Create Service",
    description:
      "Return the service with the given item code (ignoring case); create it when there is none, never twice for one code",
  }),
};
