import { OAuth2Type, oauth2Connection, util } from "@prismatic-io/spectral";
import { SAGE_AUTHORIZE_URL, SAGE_TOKEN_URL } from "./constants";

export const sageOAuth = oauth2Connection({
  key: "oauth",
  display: {
    label: "OAuth 2.0",
    description: "OAuth 2.0 Connection for Sage",
  },
  oauth2Type: OAuth2Type.AuthorizationCode,
  inputs: {
    // Sage's endpoints are fixed: hidden so no one can point the token exchange elsewhere.
    authorizeUrl: {
      label: "Authorize URL",
      placeholder: "Authorize URL",
      type: "string",
      required: true,
      shown: false,
      comments: "The OAuth 2.0 Authorization URL for Sage",
      default: SAGE_AUTHORIZE_URL,
    },
    tokenUrl: {
      label: "Token URL",
      placeholder: "Token URL",
      type: "string",
      required: true,
      shown: false,
      comments: "The OAuth 2.0 Token URL for Sage",
      default: SAGE_TOKEN_URL,
    },
    scopes: {
      label: "Scopes",
      placeholder: "Scopes",
      type: "string",
      required: true,
      comments: "Space separated OAuth 2.0 permission scopes for Sage",
      default: "full_access",
    },
    clientId: {
      label: "Client ID",
      placeholder: "Client ID",
      type: "string",
      required: true,
      shown: true,
      comments: "Client Identifier of your app for Sage",
    },
    clientSecret: {
      label: "Client Secret",
      placeholder: "Client Secret",
      type: "password",
      required: true,
      shown: true,
      comments: "Client Secret of your app for Sage",
    },
    businessId: {
      label: "Business Id",
      placeholder: "Leave blank for the lead business",
      type: "string",
      required: false,
      shown: true,
      comments:
        "Optional. The Sage business to work in, sent as the X-Business header on every request. Leave blank to use the user's lead business. Use the List Businesses action to find the Id.",
      example: "b6d5e4c3a2f14e0d9c8b7a6f5e4d3c2b",
    },
  },
});

/** The business Id set on the connection, or undefined for the lead business. */
export const businessIdOf = (fields: Record<string, unknown> | undefined): string | undefined => {
  const value = util.types.toString(fields?.businessId ?? "").trim();
  return value === "" ? undefined : value;
};
