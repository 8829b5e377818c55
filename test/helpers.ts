import { createConnection, createHarness } from "@prismatic-io/spectral/dist/testing";
import nock from "nock";
import component from "../src";
import { sageOAuth } from "../src/connections";

export const SAGE_ORIGIN = "https://api.accounting.sage.com";
export const BASE_PATH = "/v3.1";
export const TEST_TOKEN = "test-access-token-0123456789";

export const harness = createHarness(component);

/** A Sage connection as Prismatic hands it to an action after the OAuth flow. */
export const testConnection = (
  fields: Record<string, unknown> = {},
  token: Record<string, unknown> = { access_token: TEST_TOKEN },
) =>
  createConnection(
    sageOAuth,
    { scopes: "full_access", clientId: "client-id", clientSecret: "client-secret", ...fields },
    token,
  );

/**
 * nock scope on the Sage API that checks the bearer token (and, for the shared client, the JSON
 * Accept header) on every request. Raw Request sends only the headers the user gives.
 */
export const sageApi = ({ json = true } = {}) =>
  nock(SAGE_ORIGIN, {
    reqheaders: { authorization: `Bearer ${TEST_TOKEN}`, ...(json ? { accept: "application/json" } : {}) },
  });

/** Run an action by key through the component, as Prismatic would: defaults, cleaners and the error hook apply. */
export const runAction = (key: string, params: Record<string, unknown> = {}) =>
  harness.action(key, { connection: testConnection(), ...params });

/** A Sage list envelope around some items. */
export const envelope = <T>(items: T[], { page = 1, itemsPerPage = 20, total = items.length } = {}) => ({
  $total: total,
  $page: page,
  $next: page * itemsPerPage < total ? `/things?page=${page + 1}` : null,
  $back: page > 1 ? `/things?page=${page - 1}` : null,
  $itemsPerPage: itemsPerPage,
  $items: items,
});

/** Disable real network for a suite and make sure every mocked request was made. */
export const useNock = () => {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => {
    const pending = nock.pendingMocks();
    nock.cleanAll();
    expect(pending).toEqual([]);
  });
  afterAll(() => nock.enableNetConnect());
};

/** Run an action expecting it to fail; returns the error's message. Fails the test if it succeeds. */
export const failureOf = async (promise: Promise<unknown>): Promise<string> => {
  try {
    await promise;
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected the action to fail, but it succeeded");
};

/**
 * Mock one POST (201) or PUT (200) on the Sage API answering `reply`, and hand back the body Sage
 * received. The client adds an idempotency_id to every wrapped body (src/util/idempotency.ts): it
 * is checked here (32 lowercase hex, inside the one wrapper), handed back as `idempotencyId` and
 * left out of `body`, so the suites compare the fields their inputs produced.
 */
export const captureBody = (method: "post" | "put", path: string, reply: nock.Body) => {
  const captured: { body?: unknown; idempotencyId?: string } = {};
  sageApi()
    [method](`${BASE_PATH}${path}`, (body) => {
      const [wrapper, ...others] = Object.keys(body);
      const { idempotency_id: idempotencyId, ...fields } = body[wrapper] ?? {};
      if (others.length || !/^[0-9a-f]{32}$/.test(String(idempotencyId))) {
        throw new Error(`expected one wrapper carrying a 32-hex idempotency_id, got ${JSON.stringify(body)}`);
      }
      captured.body = { [wrapper]: fields };
      captured.idempotencyId = idempotencyId;
      return true;
    })
    .reply(method === "post" ? 201 : 200, reply);
  return captured;
};
