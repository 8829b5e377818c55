/** @type {import('jest').Config} */
module.exports = {
  preset: "ts-jest",
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  setupFiles: ["<rootDir>/test/setup.ts"],
  // Polling and retry tests use their own short delays; keep a generous cap for the sandbox e2e suites.
  testTimeout: 30000,
};
