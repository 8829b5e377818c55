import { SageApiError } from "../../src/util/errors";
import { runAction } from "../helpers";
import { requestProblems } from "./checks";
import type { PropertySandbox } from "./propertySandbox";

/**
 * A run that never settles is a defect too; it fails in time for fast-check to report the input.
 * Generous: a run takes about 1 s alone, and a busy 2-core CI machine must not turn that into a false hang.
 */
export const RUN_TIMEOUT_MS = 10_000;

class HangError extends Error {}

const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE", "LINK", "UNLINK", "PURGE"]);

/**
 * How a run that kept the contract ended: requests Sage accepts and its answers taken ("sent"),
 * a clear refusal before any write ("refused"), or well-formed requests that the sandbox turned
 * down by its rules, e.g. an Id that names no record ("answered").
 */
export type Outcome = "sent" | "refused" | "answered";

/**
 * Run one action with these params against the sandbox, from the same world every time, and hold
 * the run to the issue's contract; throws (so fast-check shrinks and reports) when it does not:
 * - it resolves, having called Sage only under /v3.1 with requests Sage's schema accepts and no
 *   stringified undefined / NaN / Infinity / [object Object] anywhere; or
 * - it rejects with Sage's 4xx answer (a SageApiError) to such requests; or
 * - it rejects with an Error whose message starts `Invalid "<label>"`, `<label>` being one of
 *   `labels`, having written nothing.
 * Placeholder ids in `params` ("$customer") are the world's records.
 */
export const checkRun = async (
  sage: PropertySandbox,
  actionKey: string,
  labels: string[],
  placeholderParams: Record<string, unknown>,
): Promise<Outcome> => {
  sage.reset();
  const params = sage.withIds(placeholderParams);
  let result: unknown;
  let failure: unknown;
  let failed = false;
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new HangError(`did not settle within ${RUN_TIMEOUT_MS} ms`)), RUN_TIMEOUT_MS);
  });
  try {
    result = await Promise.race([runAction(actionKey, params), hung]);
  } catch (error) {
    if (error instanceof HangError) throw error;
    failed = true;
    failure = error;
  } finally {
    clearTimeout(timer);
  }
  const requests = [...sage.requests];
  if (sage.foreign.length) {
    throw new Error(`requests to another host than the sandbox: ${sage.foreign.join(", ")}`);
  }

  const problemsOf = () =>
    requests.flatMap((request) => requestProblems(request, params, { raw: actionKey === "rawRequest" }));

  if (failed && failure instanceof SageApiError && failure.status !== undefined && failure.status < 500) {
    if (!requests.length) throw new Error(`Sage's answer without a request: ${failure.message}`);
    const problems = problemsOf();
    if (problems.length) throw new Error([`answered ${failure.message}`, ...problems].join("\n"));
    return "answered";
  }
  if (failed) {
    if (!(failure instanceof Error)) throw new Error(`rejected with a non-Error: ${String(failure)}`);
    const label = /^Invalid "([^"]*)": /.exec(failure.message)?.[1];
    if (label === undefined || !labels.includes(label)) {
      throw new Error(
        `unclear error (${failure.name}), expected one naming ${labels.map((l) => `"${l}"`).join(" or ")}: ${failure.message}`,
      );
    }
    const writes = requests.filter((request) => WRITES.has(request.method));
    if (writes.length) {
      throw new Error(
        `refused with "${failure.message}" after writing: ${writes.map((w) => `${w.method} ${w.path}`).join(", ")}`,
      );
    }
    return "refused";
  }

  if (!requests.length) throw new Error(`resolved without calling Sage: ${JSON.stringify(result)?.slice(0, 200)}`);
  const problems = problemsOf();
  if (problems.length) throw new Error(problems.join("\n"));
  return "sent";
};
