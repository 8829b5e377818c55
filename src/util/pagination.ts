import type { HttpClient } from "@prismatic-io/spectral/dist/clients/http";
import type { AxiosResponse } from "axios";
import { MAX_ITEMS_PER_PAGE } from "../constants";
import { compact } from "./body";

/** Sage's list envelope. */
export interface SageList<T> {
  $total: number;
  $page: number;
  $next: string | null;
  $back: string | null;
  $itemsPerPage: number;
  $items: T[];
}

/** What Fetch All returns: every record in one array, with Sage's total. */
export interface SageAll<T> {
  $total: number;
  $items: T[];
}

export type QueryParams = Record<string, string | number | boolean | undefined>;

/**
 * Without `nested_attributes` Sage sends a record's nested records (a contact's addresses and
 * people, its default ledger accounts) as links `{id, displayed_as, $path}` only; with `all`, in full.
 */
export const FULL_NESTED_RECORDS = { nested_attributes: "all" } as const;

/**
 * Every page of a list, 200 records at a time, until Sage says there is no `$next`.
 * The one pagination loop of the component: list actions, data sources and triggers use it.
 */
export async function* pagesOf<T>(
  client: HttpClient,
  path: string,
  params: QueryParams = {},
  onResponse?: (response: AxiosResponse<SageList<T>>) => void,
): AsyncGenerator<SageList<T>> {
  for (let page = 1; ; page++) {
    const response = await client.get<SageList<T>>(path, {
      params: compact({ ...params, page, items_per_page: MAX_ITEMS_PER_PAGE }),
    });
    onResponse?.(response);
    const { data } = response;
    yield data;
    // An empty page ends the walk even if a misbehaving server keeps offering `$next`.
    if (!data.$next || !data.$items?.length) return;
  }
}

/**
 * The records of an answer that should be a list: Sage's envelope (`$items`) or a plain array.
 * GET /businesses answers the envelope although its spec says an array; both are accepted.
 */
export const recordsOf = <T>(body: unknown): T[] => {
  if (Array.isArray(body)) return body as T[];
  const items = (body as { $items?: unknown } | null)?.$items;
  return Array.isArray(items) ? (items as T[]) : [];
};

export const fetchAllPages = async <T>(
  client: HttpClient,
  path: string,
  params: QueryParams = {},
): Promise<SageAll<T>> => {
  const items: T[] = [];
  let total = 0;
  for await (const page of pagesOf<T>(client, path, params)) {
    total = page.$total;
    for (const item of page.$items ?? []) items.push(item);
  }
  return { $total: Math.max(total, items.length), $items: items };
};

export interface ListOptions {
  fetchAll?: boolean;
  page?: number;
  itemsPerPage?: number;
  attributes?: string;
}

/** One page (Sage's envelope, unchanged) or, with fetchAll, every record. */
export const listRecords = async <T = Record<string, unknown>>(
  client: HttpClient,
  path: string,
  { fetchAll, page, itemsPerPage, attributes }: ListOptions,
  filters: QueryParams = {},
): Promise<SageList<T> | SageAll<T>> => {
  if (fetchAll) return fetchAllPages<T>(client, path, { ...filters, attributes });
  const { data } = await client.get<SageList<T>>(path, {
    params: compact({ ...filters, attributes, page, items_per_page: itemsPerPage }),
  });
  return data;
};
