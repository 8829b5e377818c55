// @ts-check
"use strict";

/**
 * The shape of a Sage answer, without its values: which keys it has and what JSON type each value
 * is. Two answers to the same request are "wire-compatible" when every key of the reference answer
 * is present in the other with the same JSON type. Used by the sandbox parity test (the sandbox vs
 * the recordings of real Sage) and by `npm run check:live` (real Sage vs the sandbox), so both say
 * "same wire" by one rule. Holds no values: a report built from it carries no customer data.
 */

/** @typedef {"string" | "number" | "integer" | "boolean" | "null" | "array" | "object"} WireType */

/**
 * @typedef {object} ShapeDifference
 * @property {string} path      JSON path of the key, e.g. "$items[].main_address.city"
 * @property {"missing" | "extra" | "type"} kind
 *   missing: in the reference, absent from the other; extra: only in the other (a newer field);
 *   type: present in both with different JSON types
 * @property {WireType} [expected]  type in the reference
 * @property {WireType} [actual]    type in the other answer
 */

/** JSON type of a value; whole numbers are "integer" so "20.0" vs 20 vs 20.5 are told apart. */
const wireType = (/** @type {unknown} */ value) => {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return /** @type {WireType} */ (typeof value);
};

/** Two wire types agree when equal, or both numeric (a JSON number may happen to be whole). */
const sameType = (/** @type {WireType} */ a, /** @type {WireType} */ b) =>
  a === b || ((a === "integer" || a === "number") && (b === "integer" || b === "number"));

/**
 * Flatten an answer to `{ path: type }`. Array items are merged under `path[]`: every item's keys
 * count, and a key whose type varies between items keeps the first non-null type seen.
 * @param {unknown} value
 * @param {string} [path]
 * @param {Map<string, WireType>} [out]
 * @returns {Map<string, WireType>}
 */
const shapeOf = (value, path = "$", out = new Map()) => {
  const type = wireType(value);
  const known = out.get(path);
  if (!known || known === "null") out.set(path, type);
  if (type === "array") {
    for (const item of /** @type {unknown[]} */ (value)) shapeOf(item, `${path}[]`, out);
  } else if (type === "object") {
    for (const [key, child] of Object.entries(/** @type {Record<string, unknown>} */ (value))) {
      shapeOf(child, `${path}.${key}`, out);
    }
  }
  return out;
};

/**
 * Compare `actual` against `reference`. A null on either side is no type difference (Sage sends null
 * for any unset field). Keys below a path missing from `actual` are not repeated.
 * @param {unknown} reference   e.g. a recording of real Sage
 * @param {unknown} actual      e.g. the sandbox's answer to the same request
 * @returns {ShapeDifference[]}
 */
const compareShapes = (reference, actual) => {
  const want = shapeOf(reference);
  const got = shapeOf(actual);
  /** @type {ShapeDifference[]} */
  const differences = [];
  const missingRoots = /** @type {string[]} */ ([]);
  const under = (/** @type {string} */ path, /** @type {string} */ root) =>
    path.startsWith(`${root}.`) || path.startsWith(`${root}[]`);
  for (const [path, expected] of want) {
    if (missingRoots.some((root) => under(path, root))) continue;
    const found = got.get(path);
    if (found === undefined) {
      differences.push({ path, kind: "missing", expected });
      missingRoots.push(path);
    } else if (expected !== "null" && found !== "null" && !sameType(expected, found)) {
      differences.push({ path, kind: "type", expected, actual: found });
    }
  }
  const extraRoots = /** @type {string[]} */ ([]);
  for (const [path, actualType] of got) {
    if (want.has(path) || extraRoots.some((root) => under(path, root))) continue;
    differences.push({ path, kind: "extra", actual: actualType });
    extraRoots.push(path);
  }
  return differences;
};

/** The path one level up: "$.a.b" → "$.a", "$.a[]" → "$.a". */
const parentPath = (/** @type {string} */ path) =>
  path.endsWith("[]") ? path.slice(0, -2) : path.slice(0, Math.max(1, path.lastIndexOf(".")));

/**
 * Sort the differences between two answers holding different records (real Sage vs the sandbox)
 * into what the wire says and what the records leave open. A key below a value that is null in
 * one answer, or inside an array that is empty there, could not be seen on that side: it is
 * "unseen", not missing. Newer keys of `actual` (kind "extra") are listed apart from the
 * differences that matter (missing keys, other types).
 * @param {unknown} reference   e.g. the sandbox's answer
 * @param {unknown} actual      e.g. real Sage's answer to the same request
 * @returns {{ differences: ShapeDifference[], newer: ShapeDifference[], unseen: ShapeDifference[] }}
 */
const classifyDifferences = (reference, actual) => {
  const shapes = { reference: shapeOf(reference), actual: shapeOf(actual) };
  /** @type {{ differences: ShapeDifference[], newer: ShapeDifference[], unseen: ShapeDifference[] }} */
  const out = { differences: [], newer: [], unseen: [] };
  for (const difference of compareShapes(reference, actual)) {
    const absentFrom = difference.kind === "missing" ? shapes.actual : shapes.reference;
    const parentType = difference.kind === "type" ? undefined : absentFrom.get(parentPath(difference.path));
    if (parentType === "null" || (parentType === "array" && difference.path.endsWith("[]"))) {
      out.unseen.push(difference);
    } else if (difference.kind === "extra") out.newer.push(difference);
    else out.differences.push(difference);
  }
  return out;
};

module.exports = { wireType, shapeOf, compareShapes, classifyDifferences };
