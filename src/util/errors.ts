import { ConnectionError } from "@prismatic-io/spectral";
import { type AxiosError, isAxiosError } from "axios";
import { earlierTryMayHaveBeenProcessed, mayHaveBeenProcessed } from "./retry";
import { InputError } from "./validation";

/** One entry of Sage's error array. */
export interface SageErrorItem {
  $severity?: string;
  $dataCode?: string;
  $message?: string;
  $source?: string;
}

/**
 * A failed Sage call, reduced to what a flow builder needs: HTTP status, method, path (never the
 * query string, which may carry user data) and Sage's own messages with the field they concern.
 * Carries no request config, so the bearer token cannot travel with it into logs.
 */
export class SageApiError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly method: string,
    readonly path: string,
    readonly sageErrors: SageErrorItem[] = [],
    /** An earlier try of this request failed in a way that Sage may still have carried it out. */
    readonly earlierTryMayHaveBeenProcessed = false,
  ) {
    super(message);
    this.name = "SageApiError";
  }
}

const requestLine = (error: AxiosError): { method: string; path: string } => {
  const method = (error.config?.method ?? "GET").toUpperCase();
  const url = error.config?.url ?? "";
  let path = url;
  try {
    const full = new URL(url, error.config?.baseURL ? `${error.config.baseURL.replace(/\/$/, "")}/` : "http://x/");
    path = full.pathname.replace(/^\/v3\.1/, "");
  } catch {
    path = url.split("?")[0];
  }
  return { method, path: path.split("?")[0] || "/" };
};

const isSageErrorItem = (value: unknown): value is SageErrorItem =>
  typeof value === "object" && value !== null && ("$message" in value || "$dataCode" in value);

const sageErrorsIn = (body: unknown): SageErrorItem[] => {
  if (Array.isArray(body)) return body.filter(isSageErrorItem);
  if (isSageErrorItem(body)) return [body];
  if (body && typeof body === "object" && "errors" in body && Array.isArray(body.errors)) {
    return sageErrorsIn(body.errors);
  }
  return [];
};

const describeSageError = ({ $message, $source, $dataCode }: SageErrorItem): string => {
  const text = $message ?? $dataCode ?? "Unknown error";
  return $source ? `${text} (field: ${$source})` : text;
};

/** What the response body says, in one line: Sage's messages, a short text body, or what kind of page came back. */
const describeBody = (body: unknown): string => {
  const items = sageErrorsIn(body);
  if (items.length) return items.map(describeSageError).join("; ");
  if (Buffer.isBuffer(body)) body = body.toString("utf8");
  if (typeof body === "string") {
    const text = body.trim();
    if (!text) return "empty response body";
    if (/^<(!doctype|html)/i.test(text)) {
      const title = /<title>([^<]*)<\/title>/i.exec(text)?.[1]?.trim();
      return `an HTML error page${title ? ` ("${title}")` : ""}`;
    }
    return text.length > 300 ? `${text.slice(0, 297)}...` : text;
  }
  if (body === undefined || body === null || body === "") return "empty response body";
  if (typeof body === "object") {
    const message = (body as Record<string, unknown>).message ?? (body as Record<string, unknown>).error;
    if (typeof message === "string") return message;
    const json = JSON.stringify(body);
    return json.length > 300 ? `${json.slice(0, 297)}...` : json;
  }
  return String(body);
};

const NETWORK_HINTS: Record<string, string> = {
  ECONNREFUSED: "the connection was refused",
  ECONNRESET: "the connection was dropped",
  ENOTFOUND: "the host name could not be resolved",
  EAI_AGAIN: "the host name could not be resolved",
  EPIPE: "the connection was dropped",
  ERR_NETWORK: "a network error occurred",
  ECONNABORTED: "the request timed out",
  ETIMEDOUT: "the request timed out",
};

/**
 * A create that failed after Sage may have carried it out is not retried (it would duplicate the
 * record), so the user is told to look before running the step again.
 */
const mayExistHint = (method: string, error: AxiosError): string =>
  method === "POST" && mayHaveBeenProcessed(error)
    ? " Sage may have created the record before this failure: check before running the step again."
    : "";

/** Turn any failure of a Sage call into one readable error. Errors that are already readable pass through. */
export const toSageError = (error: unknown): unknown => {
  if (error instanceof SageApiError || error instanceof InputError || error instanceof ConnectionError) return error;
  if (!isAxiosError(error)) return error;
  const { method, path } = requestLine(error);
  const where = `${method} ${path}`;
  const response = error.response;
  if (!response) {
    const code = error.code ?? "";
    const timedOut = code === "ECONNABORTED" || code === "ETIMEDOUT" || /timeout/i.test(error.message);
    const message = timedOut
      ? `Sage did not answer ${where} in time (timeout after ${error.config?.timeout ?? "?"} ms).`
      : `Could not reach Sage for ${where}: ${NETWORK_HINTS[code] ?? "network error"}${code ? ` (${code})` : ""}.`;
    return new SageApiError(
      message + mayExistHint(method, error),
      undefined,
      method,
      path,
      [],
      earlierTryMayHaveBeenProcessed(error),
    );
  }
  const { status } = response;
  const items = sageErrorsIn(response.data);
  let hint = "";
  if (status === 401) hint = " The access token was rejected: reconnect the Sage connection.";
  else if (status === 403)
    hint = " The connected Sage user or business may lack permission or a subscription for this.";
  else if (status === 429) hint = " Sage's rate limit was reached; retries were exhausted.";
  const message = `Sage API error ${status} on ${where}: ${describeBody(response.data)}.${hint}${mayExistHint(method, error)}`;
  return new SageApiError(message, status, method, path, items, earlierTryMayHaveBeenProcessed(error));
};

/** The component's error hook: every action, data source and trigger failure goes through it. */
export const handleSageErrors = (error: unknown): unknown => toSageError(error);
