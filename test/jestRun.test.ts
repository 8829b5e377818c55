import { execFile } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";

// An unexpected request or an error left behind by a test must fail that test, not end the jest run
// (CI would then print "0 passed, 0 failed"). This runs jest, with the project's config, on a suite
// that does both (test/fixtures/jest-run/unexpected.fixture.ts) and reads its results file.
test("an unexpected request and a late error fail their tests; the run goes on and writes its results", async () => {
  const root = path.join(__dirname, "..");
  const outputFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "jest-run-")), "results.json");
  const jest = require.resolve("jest/bin/jest");
  const args = [
    jest,
    "--roots",
    "<rootDir>/test/fixtures/jest-run",
    "--testMatch",
    "**/*.fixture.ts",
    "--json",
    `--outputFile=${outputFile}`,
  ];
  const exitCode = await new Promise<number>((resolve) =>
    execFile(process.execPath, args, { cwd: root }, (error) => resolve(error ? Number(error.code ?? 1) : 0)),
  );
  expect(exitCode).toBe(1);
  const results = JSON.parse(fs.readFileSync(outputFile, "utf8"));
  fs.rmSync(path.dirname(outputFile), { recursive: true, force: true });
  const outcomes = Object.fromEntries(
    results.testResults.flatMap((suite: { assertionResults: { title: string; status: string }[] }) =>
      suite.assertionResults.map((test) => [test.title, test.status]),
    ),
  );
  expect(outcomes).toEqual({
    "a request no interceptor expects, from inside an action": "failed",
    "a rejection and an 'error' event left behind for after the test": "failed",
    "a later test still runs and passes": "passed",
  });
  expect(results.numFailedTests).toBe(2);
}, 120000);
