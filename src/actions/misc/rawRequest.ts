import { action, input, util } from "@prismatic-io/spectral";
import { inputs as httpInputs, sendRawRequest } from "@prismatic-io/spectral/dist/clients/http";
import { redactHeaders, sageAuthHeaders, sageBaseUrl } from "../../client";
import { SAGE_API_BASE_URL } from "../../constants";
import { connection } from "../../inputs/common";
import { safeRelativePath } from "../../util/safePath";

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
    debugRequest: input({ ...httpInputs.debugRequest, default: "false" }),
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
      { ...values, url: path, debugRequest: false },
      authHeaders,
    );
    if (debugRequest) context.logger.info(util.types.toJSON({ type: "response", status, data }));
    return { data, headers: headers as Record<string, string>, statusCode: status };
  },
});
