import { isAxiosError, type ResponseType } from "axios";
import { action, input, util } from "@prismatic-io/spectral";
import { createClient, inputs as httpInputs } from "@prismatic-io/spectral/dist/clients/http";
import { redactHeaders, sageAuthHeaders, sageBaseUrl } from "../../client";
import { MAX_BODY_BYTES, SAGE_API_BASE_URL } from "../../constants";
import { connection } from "../../inputs/common";
import { SageApiError, toSageError } from "../../util/errors";
import { safeRelativePath } from "../../util/safePath";
import { booleanWithDefault, InputError, isBlank, optionalInteger, quoted } from "../../util/validation";
import { actionOutput, performSafetyFor } from "../../util/outputSchema";

interface KeyValue {
  key: string;
  value: unknown;
}

/**
 * Spectral's key/value list inputs have no cleaner: a string or an object there crashes inside
 * sendRawRequest ("reduce is not a function"). Each entry needs a text key and a value the
 * request can carry.
 */
const keyValueList =
  (label: string, valueOk: (value: unknown) => boolean, expected: string) =>
  (value: unknown): KeyValue[] => {
    if (isBlank(value)) return [];
    if (!Array.isArray(value)) throw new InputError(label, "a list of key/value pairs", value);
    value.forEach((entry, index) => {
      const ok =
        entry !== null &&
        typeof entry === "object" &&
        typeof entry.key === "string" &&
        entry.key.trim() !== "" &&
        valueOk(entry.value);
      if (!ok) throw new InputError(label, `a key and ${expected} at item ${index + 1}`, entry);
    });
    return value as KeyValue[];
  };

/**
 * Headers that change where a request goes or how its body is framed: with the connection's
 * token attached, a user's Host would name another server (also as TLS SNI), and a
 * Content-Length or Transfer-Encoding of their own could desynchronise the body. The HTTP client
 * sets these itself; overrides of the method or forwarding path are refused for the same reason.
 */
const ROUTING_HEADERS = new Set([
  "host",
  "content-length",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "upgrade",
  "te",
  "trailer",
  "expect",
  "http2-settings",
  "forwarded",
  "x-http-method",
  "x-http-method-override",
  "x-method-override",
  "x-original-url",
  "x-rewrite-url",
]);
const isRoutingHeader = (name: string) => {
  const lower = name.trim().toLowerCase();
  return ROUTING_HEADERS.has(lower) || lower.startsWith("proxy-") || lower.startsWith("x-forwarded-");
};

// RFC 9110 token characters: anything else (spaces, colons, CR/LF) cannot be a header name.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** The Header input: a key/value list whose names are valid and leave routing and framing alone. */
const headerList = (value: unknown): KeyValue[] => {
  const list = keyValueList("Header", isText, "a text value")(value);
  list.forEach(({ key, value: headerValue }, index) => {
    const at = `at item ${index + 1}`;
    if (/[\r\n]/.test(key) || /[\r\n]/.test(String(headerValue)))
      throw new InputError("Header", `a name and value without line breaks (CR or LF) ${at}`, key);
    if (!HEADER_NAME.test(key.trim())) throw new InputError("Header", `a valid header name ${at}`, key);
    if (isRoutingHeader(key))
      throw new InputError(
        "Header",
        `no header that changes routing or framing (Host, Content-Length, Transfer-Encoding, Connection, Keep-Alive, Upgrade, TE, Trailer, Expect, Proxy-*, Forwarded, X-Forwarded-*, method overrides): the client sets those itself; ${quoted(key)} ${at}`,
      );
  });
  return list;
};

const isText = (value: unknown) => typeof value === "string" || (typeof value === "number" && Number.isFinite(value));
const isFileContent = (value: unknown) => isText(value) || Buffer.isBuffer(value) || value instanceof Uint8Array;

const oneOf =
  (label: string, allowed: string[], fallback?: string) =>
  (value: unknown): string => {
    if (isBlank(value) && fallback !== undefined) return fallback;
    const text = typeof value === "string" ? value.trim().toUpperCase() : "";
    const match = allowed.find((option) => option.toUpperCase() === text);
    if (!match) throw new InputError(label, `one of ${allowed.join(", ")}`, value);
    return match;
  };

const METHODS = ["DELETE", "GET", "HEAD", "LINK", "OPTIONS", "PATCH", "POST", "PURGE", "PUT", "UNLINK"];
const RESPONSE_TYPES = ["arraybuffer", "document", "json", "text"];

interface RawValues {
  method: string;
  data?: unknown;
  formData: KeyValue[];
  fileData: KeyValue[];
  fileDataFileNames?: Record<string, string>;
  queryParams: KeyValue[];
  headers: KeyValue[];
  responseType: ResponseType;
  timeout?: number;
  maxRetries: number;
  retryDelayMS: number;
  retryAllErrors: boolean;
  useExponentialBackoff: boolean;
}

const hasHeader = (headers: Record<string, unknown>, name: string) =>
  Object.keys(headers).some((key) => key.toLowerCase() === name);

/** Text that is a JSON object or array is sent as application/json (axios would send it untyped). */
const isJsonText = (data: unknown) => {
  if (typeof data !== "string" || !/^\s*[[{]/.test(data)) return false;
  try {
    JSON.parse(data);
    return true;
  } catch {
    return false;
  }
};

/** Form Data and File Data as a multipart body (Node's FormData; axios streams it). */
const multipart = ({ formData, fileData, fileDataFileNames = {} }: RawValues) => {
  const form = new FormData();
  for (const { key, value } of formData) form.append(key, String(value));
  for (const { key, value } of fileData) {
    const content = typeof value === "string" || typeof value === "number" ? String(value) : (value as Uint8Array);
    form.append(key, new Blob([content]), fileDataFileNames[key] ?? key);
  }
  return form;
};

/**
 * Spectral's sendRawRequest, with what a request carrying the customer's token needs: no redirect
 * is followed (a 3xx is an error naming its Location), bodies over Sage's limit are refused before
 * sending, and JSON text goes out as application/json. Auth headers are applied last, so a user
 * header cannot replace them.
 */
const send = async (baseUrl: string, url: string, values: RawValues, authHeaders: Record<string, string>) => {
  const hasForm = values.formData.length > 0 || values.fileData.length > 0;
  if (!isBlank(values.data) && hasForm) {
    throw new InputError("Data", "either Data or Form Data / File Data, not both");
  }
  const userHeaders = util.types.keyValPairListToObject<string>(values.headers);
  const json = isJsonText(values.data) && !hasHeader(userHeaders, "content-type");
  const client = createClient({
    baseUrl,
    responseType: values.responseType,
    timeout: values.timeout,
    retryConfig: {
      retries: values.maxRetries,
      retryDelay: values.retryDelayMS,
      retryAllErrors: values.retryAllErrors,
      useExponentialBackoff: values.useExponentialBackoff,
    },
  });
  try {
    return await client.request({
      method: values.method,
      url,
      headers: { ...(json ? { "Content-Type": "application/json" } : {}), ...userHeaders, ...authHeaders },
      params: util.types.keyValPairListToObject(values.queryParams),
      data: hasForm ? multipart(values) : isBlank(values.data) ? undefined : values.data,
      maxRedirects: 0,
      maxBodyLength: MAX_BODY_BYTES,
    });
  } catch (error) {
    const location = isAxiosError(error) ? error.response?.headers?.location : undefined;
    const mapped = toSageError(error);
    if (location && mapped instanceof SageApiError) {
      throw new SageApiError(
        `${mapped.message} It pointed to ${quoted(String(location))}.`,
        mapped.status,
        mapped.method,
        mapped.path,
        mapped.sageErrors,
      );
    }
    throw mapped;
  }
};

export const rawRequest = action({
  display: {
    label: "Raw Request",
    description: "Send raw HTTP request to Sage Accounting",
  },
  // Spread first, then redefine: a redefined key keeps its place, so the page's order holds.
  inputs: {
    connection,
    ...httpInputs,
    url: input({
      ...httpInputs.url,
      comments: `Input the path only (/contacts), The base URL is already included (${SAGE_API_BASE_URL}). For example, to connect to ${SAGE_API_BASE_URL}/contacts, only /contacts is entered in this field.`,
      example: "/contacts",
      clean: util.types.toString,
    }),
    method: input({ ...httpInputs.method, clean: oneOf("Method", METHODS) }),
    formData: input({ ...httpInputs.formData, clean: keyValueList("Form Data", isText, "a text value") }),
    fileData: input({ ...httpInputs.fileData, clean: keyValueList("File Data", isFileContent, "file contents") }),
    fileDataFileNames: input({
      ...httpInputs.fileDataFileNames,
      clean: (value: unknown) => {
        const list = keyValueList("File Data File Names", (name) => typeof name === "string", "a file name")(value);
        return list.length ? Object.fromEntries(list.map(({ key, value }) => [key, String(value)])) : undefined;
      },
    }),
    queryParams: input({ ...httpInputs.queryParams, clean: keyValueList("Query Parameter", isText, "a text value") }),
    headers: input({ ...httpInputs.headers, clean: headerList }),
    responseType: input({
      ...httpInputs.responseType,
      clean: (value: unknown) => oneOf("Response Type", RESPONSE_TYPES, "json")(value).toLowerCase() as ResponseType,
    }),
    timeout: input({ ...httpInputs.timeout, clean: optionalInteger("Timeout", { min: 1, max: 300000 }) }),
    retryDelayMS: input({
      ...httpInputs.retryDelayMS,
      clean: (value: unknown) => optionalInteger("Retry Delay (ms)", { min: 0, max: 60000 })(value) ?? 0,
    }),
    retryAllErrors: input({ ...httpInputs.retryAllErrors, clean: booleanWithDefault("Retry On All Errors", false) }),
    maxRetries: input({
      ...httpInputs.maxRetries,
      clean: (value: unknown) => optionalInteger("Max Retry Count", { min: 0, max: 10 })(value) ?? 0,
    }),
    useExponentialBackoff: input({
      ...httpInputs.useExponentialBackoff,
      clean: booleanWithDefault("Use Exponential Backoff", false),
    }),
    debugRequest: input({
      ...httpInputs.debugRequest,
      default: "false",
      clean: booleanWithDefault("Debug Request", false),
    }),
  },
  perform: async (context, { connection, url, debugRequest, ...values }) => {
    const baseUrl = sageBaseUrl();
    const path = safeRelativePath("URL", url, baseUrl);
    // Auth headers are applied last by send, so a user header cannot replace them.
    const authHeaders = sageAuthHeaders(connection);
    if (debugRequest) {
      // Spectral's own debug output prints the Authorization header; log a redacted copy instead.
      context.logger.info(
        util.types.toJSON({
          type: "request",
          method: values.method,
          url: `${baseUrl}${path}`,
          params: util.types.keyValPairListToObject(values.queryParams ?? []),
          headers: redactHeaders({ ...util.types.keyValPairListToObject(values.headers ?? []), ...authHeaders }),
          data: values.data,
        }),
      );
    }
    const { data, status, headers } = await send(baseUrl, path, values, authHeaders);
    if (debugRequest) context.logger.info(util.types.toJSON({ type: "response", status, data }));
    return { data, headers: headers as Record<string, string>, statusCode: status };
  },
  outputSchema: actionOutput(() => ({})),
  performSafety: performSafetyFor("raw"),
});
