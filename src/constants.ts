/** Sage Business Cloud Accounting API v3.1: the only host this component ever sends a token to. */
export const SAGE_API_HOST = "api.accounting.sage.com";
export const SAGE_API_BASE_URL = `https://${SAGE_API_HOST}/v3.1`;

export const SAGE_AUTHORIZE_URL = "https://www.sageone.com/oauth2/auth/central?filter=apiv3.1";
export const SAGE_TOKEN_URL = "https://oauth.accounting.sage.com/token";

/** Sage's own ceiling for `items_per_page`; fetch-all always asks for this many. */
export const MAX_ITEMS_PER_PAGE = 200;

/** Generous enough for Sage's slower list endpoints, short enough that a hung call fails the step. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * Largest request body sent to Sage. Sage resets the connection on a body over 5 MB (found in
 * issue 15; no Sage document states the number), so the client refuses a larger one before
 * sending. 5,000,000 bytes is under 5 MB whichever way "MB" is counted.
 */
export const MAX_BODY_BYTES = 5_000_000;
