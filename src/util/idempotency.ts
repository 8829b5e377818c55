import { createHash, randomBytes } from "node:crypto";
import type { AxiosRequestConfig, InternalAxiosRequestConfig } from "axios";
import { isPlainObject } from "./body";
import { CARRIES_IDEMPOTENCY_ID } from "./retry";

/** Where a request's config carries the Idempotency Key (see withIdempotencyKey). */
const IDEMPOTENCY_KEY = "sageIdempotencyKey";

/**
 * Request options for a create with an Idempotency Key input:
 * `client.post(path, body, withIdempotencyKey(params.idempotencyKey))`. The body's
 * idempotency_id is then derived from the key, so the same key sends the same id on every run.
 */
export const withIdempotencyKey = (key: string | undefined): AxiosRequestConfig =>
  key ? ({ [IDEMPOTENCY_KEY]: key } as AxiosRequestConfig) : {};

/** The Idempotency Key a request was sent with, if any. */
export const idempotencyKeyOf = (config: AxiosRequestConfig | undefined): string | undefined =>
  (config as Record<string, unknown> | undefined)?.[IDEMPOTENCY_KEY] as string | undefined;

/**
 * The resource wrappers Sage's Idempotency guide lists: a POST or PUT body wrapped in one of these
 * may carry `idempotency_id`, and for 7 days a repeat of it returns the first answer and creates
 * nothing new.
 */
export const IDEMPOTENT_RESOURCES = new Set([
  "address",
  "bank_account",
  "bank_deposit",
  "bank_opening_balance",
  "bank_reconciliation",
  "bank_transfer",
  "business_exchange_rate",
  "contact",
  "contact_allocation",
  "contact_opening_balance",
  "contact_payment",
  "contact_person",
  "hosted_artefact_payment_setting",
  "journal",
  "journal_code",
  "ledger_account",
  "ledger_account_opening_balance",
  "migration_tax_return",
  "opening_balance_journal",
  "other_payment",
  "product",
  "product_sales_price_type",
  "purchase_corrective_invoice",
  "purchase_credit_note",
  "purchase_invoice",
  "purchase_quick_entry",
  "sales_corrective_invoice",
  "sales_credit_note",
  "sales_estimate",
  "sales_invoice",
  "sales_quick_entry",
  "sales_quote",
  "service",
  "service_rate_type",
  "stock_item",
  "stock_movement",
  "tax_profile",
]);

/**
 * The idempotency_id for an Idempotency Key: 32 lowercase hex characters of
 * SHA-256(wrapper, key). Derived, not stored: the same key gives the same id for one kind of
 * record on every run and every runner, and a different id for another kind (so one order
 * number can key its contact, its invoice and its payment without Sage's "Entity type mismatch").
 */
export const idempotencyIdFor = (wrapper: string, key: string): string =>
  createHash("sha256").update(`sage-accounting idempotency_id\n${wrapper}\n${key}`).digest("hex").slice(0, 32);

/**
 * Request interceptor of the shared client: every POST and PUT whose body is one resource wrapper
 * Sage lists as idempotent gets an `idempotency_id` inside the wrapper (unless it has one): derived
 * from the Idempotency Key (withIdempotencyKey) when given, else random. The request is then marked so util/retry.ts
 * retries a POST like a PUT.
 *
 * axios-retry runs the interceptors again on each retry, with config.data already serialised to
 * the JSON string of the first try: a string is left alone, so every retry resends the same id.
 */
export const addIdempotencyId = (config: InternalAxiosRequestConfig): InternalAxiosRequestConfig => {
  const method = config.method?.toLowerCase();
  const { data } = config;
  if ((method !== "post" && method !== "put") || !isPlainObject(data)) return config;
  const [wrapper, ...others] = Object.keys(data);
  const record = data[wrapper];
  if (others.length || !IDEMPOTENT_RESOURCES.has(wrapper) || !isPlainObject(record)) return config;
  const idempotencyId =
    typeof record.idempotency_id === "string"
      ? record.idempotency_id
      : idempotencyKeyOf(config)
        ? idempotencyIdFor(wrapper, idempotencyKeyOf(config)!)
        : randomBytes(16).toString("hex");
  // A copy, so the caller's body object is not changed behind its back.
  config.data = { [wrapper]: { ...record, idempotency_id: idempotencyId } };
  (config as unknown as Record<string, unknown>)[CARRIES_IDEMPOTENCY_ID] = true;
  return config;
};
