import { createConnection, createHarness } from "@prismatic-io/spectral/dist/testing";
import type { SandboxOptions } from "../../sandbox";
import component from "../../src";
import { idByNominalCode } from "../sandbox/client";
import { sandboxForFile } from "../sandboxForFile";

export { sageRef as ref } from "../sandbox/client";
import { sageOAuth } from "../../src/connections";

/** What an action returns; its data is Sage's JSON, loosely typed on purpose (tests compare it with the sandbox's records). */
export interface ActionResult {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  data: any;
  statusCode?: number;
  headers?: Record<string, string>;
}

/** The component under test, run as Prismatic runs it: input defaults, cleaners and the error hook apply. */
export const harness = createHarness(component);

/**
 * End-to-end suites: a real local Sage sandbox over real HTTP (no nock) for the whole file.
 * In titles, "Sage's 404" or "Sage's error shape" is the error array Sage's guides print; a refusal the
 * sandbox invents (most business rules, see sandbox/README.md) says "the sandbox's own rule".
 * Starts it and points the component at it for the file (test/sandboxForFile.ts).
 *
 *   const sage = withSandbox();
 *   test("...", async () => {
 *     const { data } = await sage.run("listCountries", { itemsPerPage: "2" });
 *     expect(sage.sandbox().requestLog).toHaveLength(1);
 *   });
 */
export const withSandbox = (options: SandboxOptions = {}) => {
  const sandbox = sandboxForFile(options, "withSandbox()");

  /** A Sage connection holding the sandbox's token (or another), optionally for a given business. */
  const connection = ({ businessId, token }: { businessId?: string; token?: string } = {}) =>
    createConnection(
      sageOAuth,
      {
        scopes: "full_access",
        clientId: "sandbox-client",
        clientSecret: "sandbox-secret",
        ...(businessId ? { businessId } : {}),
      },
      { access_token: token ?? sandbox().token },
    );

  /** Run an action by key with the sandbox connection (params may override `connection`). */
  const run = async (key: string, params: Record<string, unknown> = {}): Promise<ActionResult> =>
    (await harness.action(key, { connection: connection(), ...params })) as ActionResult;

  /** Seeded accounts by nominal code (sales 4000, current account 1200, ...), optionally of another business. */
  const ledgerId = (code: number, business?: string) => idByNominalCode(sandbox(), "ledger_accounts", code, business);
  const bankAccountId = (code = 1200, business?: string) => idByNominalCode(sandbox(), "bank_accounts", code, business);

  return { sandbox, connection, run, harness, ledgerId, bankAccountId };
};

/** Run something expected to fail; returns the error's message. Fails the test if it succeeds. (Not from test/helpers, which loads nock.) */
export const failureOf = async (promise: Promise<unknown>): Promise<string> => {
  try {
    await promise;
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected a failure, but it succeeded");
};
