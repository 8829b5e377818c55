import fc from "fast-check";
import component from "../../src";
import { arbitraryFor } from "./arbitraries";
import { BASELINES } from "./baselines";
import { checkRun } from "./contract";
import { propertySandbox } from "./propertySandbox";

/**
 * Issue: random strings, numbers, unicode, huge values and JSON fragments in any input of any
 * action end either in requests Sage's schema accepts or in a clear error naming the input —
 * never a crash, never `undefined` / `NaN` on the wire. The contract itself is in contract.ts.
 */

const NUM_RUNS = 100;
// Fixed seeds keep CI deterministic; a failure prints its seed and path to replay it.
const SEED = 42;
const seedOf = (text: string): number => [...text].reduce((hash, char) => (hash * 31 + char.charCodeAt(0)) | 0, SEED);

interface ActionInput {
  key: string;
  label: string;
  type: string;
}

const actions = Object.entries(component.actions).map(([key, action]) => ({
  key,
  inputs: (action.inputs as ActionInput[]).filter((input) => input.type !== "connection"),
}));

const sage = propertySandbox();

test("every action of the component has a valid baseline", () => {
  expect(Object.keys(BASELINES).sort()).toEqual(actions.map(({ key }) => key).sort());
});

describe.each(actions)("$key", ({ key, inputs }) => {
  const labels = inputs.map((input) => input.label);
  const labelOf = Object.fromEntries(inputs.map((input) => [input.key, input.label]));
  const baseline = BASELINES[key] ?? {};

  test("the baseline params reach Sage with a valid request", async () => {
    await expect(checkRun(sage, key, labels, baseline)).resolves.toBe("sent");
  });

  // Skipped for actions without inputs (List Businesses): nothing to fuzz.
  const fuzz = inputs.length ? test : test.skip;

  fuzz("one input fuzzed, the others valid: a valid request or a clear error naming that input", async () => {
    const outcomes = { sent: 0, refused: 0, answered: 0 };
    const oneInput = fc
      .constantFrom(...inputs.map((input) => input.key))
      .chain((inputKey) => arbitraryFor(key, inputKey).map((value) => ({ inputKey, value })));
    await fc.assert(
      fc.asyncProperty(oneInput, async ({ inputKey, value }) => {
        // With every other input valid, an error must name the one that was fuzzed.
        outcomes[await checkRun(sage, key, [labelOf[inputKey]], { ...baseline, [inputKey]: value })]++;
      }),
      { numRuns: NUM_RUNS, seed: seedOf(`${key}:one`) },
    );
    // A property that only ever saw refusals (or only requests) would prove little. Requests
    // Sage answered with a 4xx (an Id that names no record) were checked like the others.
    expect(outcomes.sent + outcomes.answered).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  });

  fuzz("any subset of inputs fuzzed at once: a valid request or a clear error naming an input", async () => {
    const someInputs = fc.record(Object.fromEntries(inputs.map((input) => [input.key, arbitraryFor(key, input.key)])), {
      requiredKeys: [],
    });
    await fc.assert(
      fc.asyncProperty(someInputs, async (fuzzed) => {
        await checkRun(sage, key, labels, { ...baseline, ...fuzzed });
      }),
      { numRuns: NUM_RUNS, seed: seedOf(`${key}:all`) },
    );
  });
});
