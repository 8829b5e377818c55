import { type Connection, ConnectionError, util } from "@prismatic-io/spectral";
import { createClient, type HttpClient } from "@prismatic-io/spectral/dist/clients/http";
import { businessIdOf, sageOAuth } from "./connections";
import { DEFAULT_TIMEOUT_MS, MAX_BODY_BYTES, SAGE_API_BASE_URL } from "./constants";
import { isSubscriptionFailure, SageApiError, toSageError } from "./util/errors";
import { addIdempotencyId } from "./util/idempotency";
import { sageRateLimiter } from "./util/rateLimit";
import { sageNumbersToJson } from "./util/sageNumbers";
import { type AxiosError, getAdapter, isAxiosError } from "axios";
import {
  EARLIER_TRY_MAY_HAVE_BEEN_PROCESSED,
  earlierTryMayHaveBeenProcessed,
  isRetryable,
  maxRetries,
  mayHaveBeenProcessed,
  retryDelayMs,
} from "./util/retry";

export type { HttpClient };

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/**
 * The API base URL. Always Sage's, except that the local sandbox (npm start, the e2e tests,
 * the benchmark) may set SAGE_API_BASE_URL to a loopback address. It is an environment
 * variable of the process, not an input, so no flow builder can aim a customer's token at
 * another host; a non-loopback value is refused.
 */
export const sageBaseUrl = (): string => {
  const override = process.env.SAGE_API_BASE_URL;
  if (!override) return SAGE_API_BASE_URL;
  let url: URL;
  try {
    url = new URL(override);
  } catch {
    throw new Error("SAGE_API_BASE_URL is not a URL; unset it to use Sage.");
  }
  if (url.protocol !== "http:" || !LOOPBACK_HOSTS.has(url.hostname)) {
    throw new Error(
      "SAGE_API_BASE_URL may only point at a local sandbox (http://127.0.0.1:<port>/v3.1); unset it to use Sage.",
    );
  }
  return override.replace(/\/$/, "");
};

/** Headers safe to print: the bearer token never reaches a log line. */
export const redactHeaders = (headers: unknown): Record<string, unknown> => {
  const plain = headers && typeof headers === "object" ? { ...(headers as Record<string, unknown>) } : {};
  for (const key of Object.keys(plain)) {
    if (/^(authorization|cookie|x-api-key)$/i.test(key)) plain[key] = "[REDACTED]";
  }
  return plain;
};

/** The access token of a Sage connection, or a ConnectionError that says how to fix it. */
export const accessTokenOf = (connection: Connection): string => {
  if (connection?.key !== sageOAuth.key) {
    throw new ConnectionError(connection, "A Sage Accounting OAuth 2.0 connection is required.");
  }
  const token = util.types.toString(connection.token?.access_token ?? "");
  if (!token) {
    throw new ConnectionError(
      connection,
      "The Sage connection has no access token: it was never authorized or its refresh failed. Reconnect the Sage connection.",
    );
  }
  return token;
};

/** Authorization and business headers for a connection; shared with Raw Request. */
export const sageAuthHeaders = (connection: Connection): Record<string, string> => {
  const headers: Record<string, string> = { Authorization: `Bearer ${accessTokenOf(connection)}` };
  const businessId = businessIdOf(connection.fields);
  if (businessId) headers["X-Business"] = businessId;
  return headers;
};

// Building an axios instance with its retry and error interceptors costs more than a loopback
// request; steps of one flow (and loops over records) reuse the client of the same token,
// business and base URL. Small and bounded: a new token after a refresh simply gets a new one.
const clientCache = new Map<string, HttpClient>();
const CLIENT_CACHE_SIZE = 16;

/**
 * The one authenticated Sage client every action, data source and trigger uses:
 * JSON in and out, 30 s timeout, retries per util/retry.ts, an idempotency_id in every POST/PUT
 * body Sage supports it for (util/idempotency.ts), no redirects, bodies up to MAX_BODY_BYTES, and
 * every failure mapped to a readable SageApiError (a 401 other than a lapsed subscription becomes
 * a ConnectionError). Treat it as shared: pass per-request options to its methods (e.g.
 * `withIdempotencyKey(key)`) rather than changing its defaults or adding interceptors.
 */
export const createSageClient = (connection: Connection, debug = false): HttpClient => {
  const headers = sageAuthHeaders(connection);
  const baseUrl = sageBaseUrl();
  const cacheKey = JSON.stringify([baseUrl, headers, debug, maxRetries()]);
  const cached = clientCache.get(cacheKey);
  if (cached) return cached;
  const client = buildClient(connection, headers, baseUrl, debug);
  const oldest = clientCache.keys().next();
  if (clientCache.size >= CLIENT_CACHE_SIZE && !oldest.done) clientCache.delete(oldest.value);
  clientCache.set(cacheKey, client);
  return client;
};

const buildClient = (
  connection: Connection,
  headers: Record<string, string>,
  baseUrl: string,
  debug: boolean,
): HttpClient => {
  const client = createClient({
    baseUrl,
    timeout: DEFAULT_TIMEOUT_MS,
    responseType: "json",
    headers: { ...headers, Accept: "application/json", "Content-Type": "application/json" },
    retryConfig: {
      // the most any failure gets; isRetryable decides per failure (fewer for 5xx than for 429)
      retries: maxRetries(),
      retryCondition: isRetryable,
      retryDelay: retryDelayMs,
      // each attempt gets the full timeout instead of sharing one
      shouldResetTimeout: true,
      // Remember that Sage may already have done what a retried DELETE/PUT asked (see below).
      onRetry: (_count, error, requestConfig) => {
        if (mayHaveBeenProcessed(error)) {
          (requestConfig as Record<string, unknown>)[EARLIER_TRY_MAY_HAVE_BEEN_PROCESSED] = true;
        }
      },
    },
  });
  // A redirect is never followed: a 3xx from Sage's API host is an error (util/errors.ts), so a
  // create can never turn into a GET of another host whose answer looks like success.
  client.defaults.maxRedirects = 0;
  // axios refuses a larger body before sending (mapped to a message naming the limit).
  client.defaults.maxBodyLength = MAX_BODY_BYTES;
  // Every try of every request waits for a slot under Sage's per-business limit, shared by all
  // clients of the process (without X-Business the token stands for its lead business). The
  // adapter sends one try, so the slot is held exactly while that try is on its way.
  const rateLimitKey = headers["X-Business"] ?? headers.Authorization;
  const send = getAdapter(client.defaults.adapter);
  client.defaults.adapter = async (config) => {
    const release = await sageRateLimiter.acquire(rateLimitKey);
    try {
      return await send(config);
    } finally {
      release();
    }
  };
  // Sage sends the fields its spec types `number` as decimal strings: every answer's become numbers here.
  client.interceptors.response.use((response) => {
    response.data = sageNumbersToJson(response.config?.url ?? "", response.data);
    return response;
  });
  if (debug) {
    // Spectral's own debug logging prints headers verbatim; this one redacts the token.
    client.interceptors.request.use((request) => {
      console.log(
        util.types.toJSON({
          type: "request",
          method: request.method?.toUpperCase(),
          url: request.url,
          params: request.params,
          headers: redactHeaders(request.headers),
          data: request.data,
        }),
      );
      return request;
    });
    client.interceptors.response.use((response) => {
      console.log(util.types.toJSON({ type: "response", status: response.status, data: response.data }));
      return response;
    });
  }
  // Registered last, so it runs first (axios runs request interceptors in reverse): the debug log shows the id.
  client.interceptors.request.use(addIdempotencyId);
  // Registered after axios-retry's interceptor, so it sees only the final failure.
  client.interceptors.response.use(undefined, (error: AxiosError) => {
    // A DELETE whose answer was lost after Sage carried it out finds nothing on its retry:
    // the record is gone, which is what was asked, so the step succeeds as Sage's 204 would.
    if (
      isAxiosError(error) &&
      error.config?.method === "delete" &&
      error.response?.status === 404 &&
      earlierTryMayHaveBeenProcessed(error)
    ) {
      return Promise.resolve({ ...error.response, status: 204, statusText: "No Content", data: "" });
    }
    const mapped = toSageError(error);
    if (mapped instanceof SageApiError && mapped.status === 401 && !isSubscriptionFailure(mapped.sageErrors)) {
      return Promise.reject(new ConnectionError(connection, mapped.message));
    }
    return Promise.reject(mapped instanceof Error ? mapped : new Error(String(mapped)));
  });
  return client;
};

/** Encode one path segment, so an id can never change which endpoint is called. */
export const segment = (id: string): string => encodeURIComponent(id);
