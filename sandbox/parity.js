// @ts-check
"use strict";

const { compareShapes } = require("./wireShape");

/**
 * Wire parity of one request: send it (to the sandbox, or to real Sage in the live check) and compare
 * the answer's shape with a recording of real Sage's answer to the same request. Keys the answer
 * has beyond the recording are allowed (newer fields); a key of the recording that is missing, or
 * a value of another JSON type ("6000.0" vs 6000), is a difference.
 */

/** @typedef {import("./wireShape").ShapeDifference} ShapeDifference */
/**
 * @typedef {object} RecordedRequest
 * @property {string} name         what the request reads, for messages
 * @property {string} recording    file name under test/fixtures/sage-recordings/
 * @property {string} path         e.g. "/contacts/{id}"; `{id}` is filled by the caller
 * @property {Record<string, string>} query
 */

/** The recorded requests (test/fixtures/README.md says where each recording comes from). */
const RECORDED_REQUESTS = /** @type {RecordedRequest[]} */ ([
  {
    name: "contacts list with attributes=all",
    recording: "contacts-list.json",
    path: "/contacts",
    query: { items_per_page: "200", attributes: "all" },
  },
  {
    name: "contact with nested_attributes=all",
    recording: "contact-nested.json",
    path: "/contacts/{id}",
    query: { attributes: "all", nested_attributes: "all" },
  },
  {
    name: "sales invoice with nested_attributes=all",
    recording: "sales-invoice-nested.json",
    path: "/sales_invoices/{id}",
    query: { attributes: "all", nested_attributes: "all" },
  },
]);

/**
 * @param {RecordedRequest} request
 * @param {unknown} recording      real Sage's answer
 * @param {(path: string, query: Record<string, string>) => Promise<unknown>} fetchJson  sends the request, returns the parsed body
 * @param {string} [id]            fills `{id}` in the path
 * @returns {Promise<{ differences: ShapeDifference[], newer: ShapeDifference[] }>}
 *   differences: missing keys and type differences; newer: keys only the answer has
 */
const wireParity = async (request, recording, fetchJson, id = "") => {
  const answer = await fetchJson(request.path.replace("{id}", encodeURIComponent(id)), request.query);
  const all = compareShapes(recording, answer);
  return { differences: all.filter((d) => d.kind !== "extra"), newer: all.filter((d) => d.kind === "extra") };
};

module.exports = { RECORDED_REQUESTS, wireParity };
