// @ts-check
"use strict";

/**
 * Sage's idempotency (its Idempotency guide, ../shared/sage/recordings/README.md fact 10): a POST
 * or PUT body may carry `idempotency_id` (32 lowercase hex characters) inside the resource
 * wrapper; for 7 days a request with the same id returns the first answer and changes nothing;
 * reusing the id on another resource type is answered with Sage's `IdempotencyResourceMismatch`.
 *
 * The sandbox's own choices, where Sage's guide says nothing: answers are kept per business and
 * in memory only (not in the data file); only successful (2xx) answers are kept, so a request
 * refused as invalid can be corrected and sent again with the same id; the mismatch and a
 * malformed id are answered 422; a replay returns the first answer whatever the new body says.
 */

const { sageError } = require("./schema");
const { SandboxError } = require("./resources");

const SEVEN_DAYS_MS = 7 * 24 * 60 * 60 * 1000;
const ID_PATTERN = /^[0-9a-f]{32}$/;

/** Wrappers of the sandbox's resources that Sage's guide lists as idempotent. */
const IDEMPOTENT_WRAPPERS = new Set([
  "bank_account",
  "contact",
  "contact_allocation",
  "contact_payment",
  "contact_person",
  "journal",
  "ledger_account",
  "product",
  "purchase_credit_note",
  "purchase_invoice",
  "sales_credit_note",
  "sales_estimate",
  "sales_invoice",
  "sales_quote",
  "service",
  "other_payment",
  "bank_transfer",
  "bank_deposit",
  "stock_item",
]);

/** Sage's answer to an id reused on another resource type, exactly as its guide prints it. */
const mismatch = () => new SandboxError(422, [sageError("", "Entity type mismatch", "IdempotencyResourceMismatch")]);

/**
 * @typedef {{ status: number, body?: unknown, write?: boolean }} Answer
 * @typedef {{ wrapper: string, answer: Answer, at: number }} Remembered
 */

/**
 * The idempotency_id a body carries in its wrapper, and the body without it; undefined id when
 * there is none (or the wrapper is not one Sage lists).
 * @param {string | undefined} wrapper
 * @param {unknown} body
 * @returns {{ id?: unknown, body: unknown }}
 */
const splitIdempotencyId = (wrapper, body) => {
  const record = wrapper && IDEMPOTENT_WRAPPERS.has(wrapper) ? /** @type {any} */ (body)?.[wrapper] : undefined;
  if (!record || typeof record !== "object" || !("idempotency_id" in record)) return { body };
  const { idempotency_id: id, ...rest } = record;
  return { id, body: { .../** @type {Record<string, unknown>} */ (body), [/** @type {string} */ (wrapper)]: rest } };
};

/** @param {() => number} clockMs */
const createIdempotency = (clockMs) => {
  /** @type {Map<string, Remembered>} business + id → the first answer */
  const answers = new Map();

  /**
   * Look at a request. Without an idempotency_id (or for a wrapper Sage does not list) it returns
   * undefined and the request goes on as it is. With one it returns the id, the body without it
   * (Sage's schema does not list the field), and either the first answer (`replay`) or a
   * `remember` to call with this request's answer.
   * @param {{ method: string, wrapper: string | undefined, body: unknown, businessId: string }} request
   * @returns {undefined | { id: string, body: unknown, replay?: Answer, remember: (answer: Answer) => void }}
   */
  const claim = ({ method, wrapper, body, businessId }) => {
    if ((method !== "POST" && method !== "PUT") || !wrapper) return undefined;
    const { id, body: rest } = splitIdempotencyId(wrapper, body);
    if (id === undefined) return undefined;
    if (typeof id !== "string" || !ID_PATTERN.test(id)) {
      throw new SandboxError(422, [
        sageError(`idempotency_id`, "Idempotency id must be 32 lowercase hexadecimal characters"),
      ]);
    }
    const key = `${businessId}:${id}`;
    const first = answers.get(key);
    const fresh = first && clockMs() - first.at < SEVEN_DAYS_MS ? first : undefined;
    if (fresh && fresh.wrapper !== wrapper) throw mismatch();
    return {
      id,
      body: rest,
      replay: fresh && { status: fresh.answer.status, body: structuredClone(fresh.answer.body) },
      remember: (answer) => {
        if (answer.status >= 200 && answer.status < 300)
          answers.set(key, {
            wrapper,
            answer: { status: answer.status, body: structuredClone(answer.body) },
            at: clockMs(),
          });
      },
    };
  };

  return { claim };
};

module.exports = { createIdempotency, splitIdempotencyId, IDEMPOTENT_WRAPPERS, SEVEN_DAYS_MS };
