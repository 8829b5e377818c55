import axios, { type AxiosResponse } from "axios";
import type { Sandbox } from "../../sandbox";
import { sageNumbersToJson } from "../../src/util/sageNumbers";

/**
 * Plain HTTP against a sandbox: every status comes back as a response (no throwing), as a test wants
 * to see it. `numbers: true` reads Sage's decimal strings as numbers (with the component's own
 * converter), for tests about amounts rather than about the wire.
 */
export const api = (
  sandbox: Sandbox,
  {
    token = sandbox.token,
    business,
    numbers = false,
  }: { token?: string | null; business?: string; numbers?: boolean } = {},
) => {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (business) headers["X-Business"] = business;
  const client = axios.create({ baseURL: sandbox.url, headers, validateStatus: () => true });
  if (numbers)
    client.interceptors.response.use((response) => {
      if (response.status < 300) response.data = sageNumbersToJson(response.config.url ?? "", response.data);
      return response;
    });
  return {
    get: (path: string, params?: Record<string, unknown>): Promise<AxiosResponse> => client.get(path, { params }),
    post: (path: string, body?: unknown): Promise<AxiosResponse> => client.post(path, body),
    put: (path: string, body: unknown): Promise<AxiosResponse> => client.put(path, body),
    delete: (path: string, params?: Record<string, unknown>): Promise<AxiosResponse> => client.delete(path, { params }),
  };
};

export type Api = ReturnType<typeof api>;

/** One entry of Sage's error array, as the sandbox must send it. */
export const sageError = (
  source: string,
  message: string | RegExp = expect.any(String),
  dataCode = "RecordInvalid",
) => ({
  $severity: "error",
  $dataCode: dataCode,
  $message: message instanceof RegExp ? expect.stringMatching(message) : message,
  $source: source,
});

/** A customer body with just the required fields. */
export const customer = (name: string, extra: Record<string, unknown> = {}) => ({
  contact: { name, contact_type_ids: ["CUSTOMER"], ...extra },
});

/** The id of the seeded ledger or bank account with this nominal code. */
export const idByNominalCode = (
  sandbox: Sandbox,
  collection: "ledger_accounts" | "bank_accounts",
  code: number,
  business?: string,
): string => {
  const record = sandbox.store.list(collection, business).find((r) => r.nominal_code === code);
  if (!record) throw new Error(`no ${collection} ${code} in the sandbox`);
  return record.id as string;
};

export const ledgerId = (sandbox: Sandbox, code: number, business?: string): string =>
  idByNominalCode(sandbox, "ledger_accounts", code, business);

/** How Sage links one record to another: `{ id, displayed_as, $path }`. */
export const sageRef = (collection: string, id: string) =>
  expect.objectContaining({ id, $path: `/${collection}/${id}` });
