// @ts-check
"use strict";

/**
 * Jest's globalSetup: run every suite in a time zone west of UTC (unless another non-UTC zone is
 * already set), so a test of "today" or of a local date cannot pass by accident on a UTC machine.
 * Set here, before jest starts its workers, because Node reads TZ when a process starts.
 */
module.exports = () => {
  const zone = process.env.TZ ?? "";
  if (zone === "" || /^(Etc\/)?(UTC|GMT|UCT|Zulu|Universal)([+-]?0)?$/i.test(zone))
    process.env.TZ = "America/Los_Angeles";
};
