import type { ResponseType } from "axios";
import { action, input, util } from "@prismatic-io/spectral";
import { inputs as httpInputs, sendRawRequest } from "@prismatic-io/spectral/dist/clients/http";
import { redactHeaders, sageAuthHeaders, sageBaseUrl } from "../../client";
import { SAGE_API_BASE_URL } from "../../constants";
import { connection } from "../../inputs/common";
import { safeRelativePath } from "../../util/safePath";
import { booleanWithDefault, InputError, isBlank, optionalInteger } from "../../util/validation";
import * as examples from "../../examplePayloads/misc";
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
    headers: input({ ...httpInputs.headers, clean: keyValueList("Header", isText, "a text value") }),
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
    // Auth headers are applied last by sendRawRequest, so a user header cannot replace them.
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
    const { data, status, headers } = await sendRawRequest(
      baseUrl,
      { ...values, url: path, debugRequest: false } as unknown as Parameters<typeof sendRawRequest>[1],
      authHeaders,
    );
    if (debugRequest) context.logger.info(util.types.toJSON({ type: "response", status, data }));
    return { data, headers: headers as Record<string, string>, statusCode: status };
  },
  examplePayload: examples.rawRequest,
  outputSchema: actionOutput({}),
  performSafety: performSafetyFor("raw"),
});
