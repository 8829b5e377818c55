import { ConnectionError } from "@prismatic-io/spectral";
import { type AxiosError, isAxiosError } from "axios";
import { MAX_BODY_BYTES } from "../constants";
import { idempotencyKeyOf } from "./idempotency";
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
  const text = withoutFinalPeriod($message ?? $dataCode ?? "Unknown error");
  return $source ? `${text} (field: ${$source})` : text;
};

/**
 * What the response body says, in one line without a final period (the caller adds exactly one,
 * also when Sage's $message ends with its own: "Couldn't find Supplier.").
 */
const describeBody = (body: unknown): string => withoutFinalPeriod(describeBodyText(body));

const withoutFinalPeriod = (text: string): string => text.replace(/[\s.]+$/, "");

const describeBodyText = (body: unknown): string => {
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
    return text.length > 300 ? `${text.slice(0, 299)}…` : text;
  }
  if (body === undefined || body === null || body === "") return "empty response body";
  if (typeof body === "object") {
    const message = (body as Record<string, unknown>).message ?? (body as Record<string, unknown>).error;
    if (typeof message === "string") return message;
    const json = JSON.stringify(body);
    return json.length > 300 ? `${json.slice(0, 299)}…` : json;
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
 * A create whose every try failed, one of them after Sage may have carried it out. With an
 * idempotency_id its retries could not duplicate it, but the record may exist: a re-run with the
 * same Idempotency Key returns it; without one (a fresh id per run) the user must look first.
 */
const mayExistHint = (method: string, error: AxiosError): string => {
  if (method !== "POST" || !(mayHaveBeenProcessed(error) || earlierTryMayHaveBeenProcessed(error))) return "";
  return idempotencyKeyOf(error.config)
    ? " Sage may have created the record before this failure: running the step again with the same Idempotency Key within 7 days returns it instead of creating another."
    : " Sage may have created the record before this failure: check before running the step again.";
};

/**
 * Sage answers 401 AuthorizationFailure "No active subscription. (MSE)" (or "(MRF)") when the
 * business's subscription lapsed: the token is fine and reconnecting cannot help.
 */
export const isSubscriptionFailure = (items: SageErrorItem[]): boolean =>
  items.some(
    ({ $dataCode, $message = "" }) =>
      /\((MSE|MRF)\)/.test($message) || ($dataCode === "AuthorizationFailure" && /subscription/i.test($message)),
  );

const bodyTooLarge = (error: AxiosError): boolean =>
  error.code === "ERR_BAD_REQUEST" && !error.response && error.message.includes("maxBodyLength");

const bodySize = (data: unknown): string =>
  typeof data === "string" || Buffer.isBuffer(data)
    ? `${Buffer.byteLength(data).toLocaleString("en-US")} bytes`
    : "too large";

/**
 * Collections only some Sage plans have (the "Endpoint Availability" of Sage's spec), with what
 * to call them and the plan. Sage does not document what it answers a business whose plan lacks
 * one (nothing in its guides, spec or the recordings shows it), so a 403 anywhere under such a
 * path, or a 404 on the collection itself (no record id, so not a missing record), is read as
 * that and said in plain words, whatever the body says.
 */
const PLAN_ONLY_COLLECTIONS: Record<string, { records: string; plan: string }> = {
  "/stock_items": { records: "Stock items", plan: "Sage Accounting Plus" },
};

const planHint = (status: number, path: string): string | undefined => {
  const collection = `/${path.split("/")[1] ?? ""}`;
  const gated = PLAN_ONLY_COLLECTIONS[collection];
  if (!gated || !(status === 403 || (status === 404 && path === collection))) return undefined;
  return ` ${gated.records} need ${gated.plan}: the connected Sage business's subscription may not include them (upgrade the plan in Sage; reconnecting does not help).`;
};

/** The hint after "Sage API error <status> on <where>: <body>." for statuses that need one. */
const statusHint = (status: number, items: SageErrorItem[], path: string): string => {
  const plan = planHint(status, path);
  if (plan) return plan;
  if (status === 401 && isSubscriptionFailure(items))
    return " The connected Sage business has no active subscription: renew it in Sage (reconnecting does not help).";
  if (status === 401) return " The access token was rejected: reconnect the Sage connection.";
  if (status === 403) return " The connected Sage user or business may lack permission or a subscription for this.";
  if (status === 429) return " Sage's rate limit was reached; retries were exhausted.";
  if (status >= 300 && status < 400) return " Sage answered with a redirect, which is never followed.";
  return "";
};

/** Turn any failure of a Sage call into one readable error. Errors that are already readable pass through. */
export const toSageError = (error: unknown): unknown => {
  if (error instanceof SageApiError || error instanceof InputError || error instanceof ConnectionError) return error;
  if (!isAxiosError(error)) return error;
  const { method, path } = requestLine(error);
  const where = `${method} ${path}`;
  const response = error.response;
  if (bodyTooLarge(error)) {
    return new SageApiError(
      `The request body for ${where} is ${bodySize(error.config?.data)}: Sage accepts at most ${MAX_BODY_BYTES.toLocaleString("en-US")} bytes (5 MB) per request, so nothing was sent. Send fewer lines or records per call.`,
      undefined,
      method,
      path,
    );
  }
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
  const message = `Sage API error ${status} on ${where}: ${describeBody(response.data)}.${statusHint(status, items, path)}${mayExistHint(method, error)}`;
  return new SageApiError(message, status, method, path, items, earlierTryMayHaveBeenProcessed(error));
};

/** The component's error hook: every action, data source and trigger failure goes through it. */
export const handleSageErrors = (error: unknown): unknown => toSageError(error);
