const os = require("os");

/** @type {import('jest').Config} */
module.exports = {
  // At least two workers, also on a 2-core CI machine (jest's default there is 1, i.e. in-band): a
  // suite whose process dies (an unexpected request crashing it) then fails alone, instead of
  // ending the whole run with no results ("0 passed, 0 failed").
  maxWorkers: Math.max(2, os.cpus().length - 1),
  preset: "ts-jest",
  testEnvironment: "node",
  // nock's interceptor is global by design; jest's soft cleanup of globals only produces warnings about it.
  testEnvironmentOptions: { globalsCleanup: "off" },
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  setupFiles: ["<rootDir>/test/setup.ts"],
  // Each test file restores the http module its nock patched (see the file).
  setupFilesAfterEnv: ["<rootDir>/test/restoreNock.ts"],
  // A non-UTC time zone for every run (test/globalSetup.js): local-date bugs must fail somewhere.
  globalSetup: "<rootDir>/test/globalSetup.js",
  // Polling and retry tests use their own short delays; keep a generous cap for the sandbox e2e suites,
  // which share the machine's cores with a second worker (one writes 205 payments through the sandbox).
  testTimeout: 60000,
};
