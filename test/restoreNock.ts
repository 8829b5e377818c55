/**
 * nock patches Node's http module, which every test file of a jest worker shares, while jest gives
 * each file its own copy of nock: without a restore, each file that loads nock leaves one more
 * interceptor layer on http behind it, and a suite that runs late in a worker sends every request
 * through all of them (the property suite's thousands of requests then took minutes and gigabytes
 * instead of 40 s). So each file puts back what its nock patched. A file that never loaded nock
 * loads it here and restores it at once.
 */
afterAll(() => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const nock = require("nock") as typeof import("nock");
  nock.restore();
});
