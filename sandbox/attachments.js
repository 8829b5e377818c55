// @ts-check
"use strict";

const { sageError } = require("./schema");
const { base } = require("./seed");

/**
 * Attachments: files attached to records. What Sage's spec and guides say, kept here:
 * - POST /attachments takes the file as base64 `file` with `file_name` and `mime_type` (required)
 *   and `file_size` of at most 2,621,440 bytes (postAttachments' maximum); GET
 *   /attachments/{id}/file answers the file for `Accept: application/octet-stream`.
 * - The list takes `attachment_context_type_id` and `attachment_context_id` only together (the
 *   parameters' descriptions), plus `updated_or_created_since` and `deleted_since`.
 * - Sage's Attachments guide: its web app takes PDF, JPG and PNG files; list items come back with
 *   `displayed_as: null`.
 *
 * The sandbox's own choices, where Sage says nothing: an attachment must name its context (type
 * and id) and that record must exist (422 naming the field); the decoded file's size is the limit
 * (422 naming `file`) and a `file_size` sent must match it; the type is checked on `mime_type`
 * only (the bytes are stored as sent, never parsed); `$file_path` is the file's API path; GET of
 * the file answers the stored bytes unchanged with Content-Type application/octet-stream, and
 * without that Accept header 406; PUT may change `description`, `is_public` and `file_name` (a
 * new `file` replaces the bytes under the same checks); records keep the base64 `file`, so
 * `attributes=all` returns it.
 */

const MAX_FILE_BYTES = 2_621_440;
const MIME_TYPES = new Set(["application/pdf", "image/jpeg", "image/png"]);

/** Context type id → the collection its records are in and how it reads. @type {Record<string, [string, string]>} */
const CONTEXT_TYPES = {
  PURCHASE_INVOICE: ["purchase_invoices", "Purchase Invoice"],
  PURCHASE_CREDIT_NOTE: ["purchase_credit_notes", "Purchase Credit Note"],
  SALES_INVOICE: ["sales_invoices", "Sales Invoice"],
  SALES_CREDIT_NOTE: ["sales_credit_notes", "Sales Credit Note"],
  CONTACT_PAYMENT: ["contact_payments", "Contact Payment"],
  OTHER_PAYMENT: ["other_payments", "Other Payment"],
  JOURNAL: ["journals", "Journal"],
  CONTACT: ["contacts", "Contact"],
};

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Built by resources.js with its helpers (this file cannot require it: resources.js requires this one).
 * @param {{ newId: () => string, SandboxError: new (status: number, errors: import("./schema").SageError[]) => Error, failIfErrors: (ctx: Ctx) => void }} helpers
 */
const attachmentsResource = ({ newId, SandboxError, failIfErrors }) => {
  /** @typedef {Record<string, any>} SageRecord */
  /** @typedef {{ db: import("./store").BusinessData, at: string, errors: any[] }} Ctx */

  /** The decoded bytes of a base64 `file`, or an error on ctx. @param {Ctx} ctx @param {unknown} file @param {unknown} size */
  const bytesOf = (ctx, file, size) => {
    const text = typeof file === "string" ? file.replace(/\s+/g, "") : "";
    if (!text || text.length % 4 !== 0 || !BASE64.test(text)) {
      ctx.errors.push(sageError("file", "File must be the base64 encoded content of the file"));
      return undefined;
    }
    const bytes = Buffer.from(text, "base64");
    if (bytes.length === 0) ctx.errors.push(sageError("file", "File is empty"));
    if (bytes.length > MAX_FILE_BYTES)
      ctx.errors.push(sageError("file", `File is too large (${bytes.length} bytes): at most ${MAX_FILE_BYTES} bytes`));
    if (size !== undefined && size !== null && size !== bytes.length)
      ctx.errors.push(sageError("file_size", `File size ${size} does not match the file (${bytes.length} bytes)`));
    return bytes;
  };

  /** @param {Ctx} ctx @param {unknown} mimeType */
  const checkType = (ctx, mimeType) => {
    if (typeof mimeType === "string" && !MIME_TYPES.has(mimeType))
      ctx.errors.push(sageError("mime_type", `Mime type ${mimeType} is not allowed: PDF, JPG or PNG files only`));
  };

  /** The context link, or an error naming the field that is wrong. @param {Ctx} ctx @param {SageRecord} body */
  const contextOf = (ctx, body) => {
    const typeId = body.attachment_context_type_id;
    const id = body.attachment_context_id;
    if (!typeId) ctx.errors.push(sageError("attachment_context_type_id", "Attachment context type can't be blank"));
    if (!id) ctx.errors.push(sageError("attachment_context_id", "Attachment context can't be blank"));
    if (!typeId || !id) return undefined;
    const known = CONTEXT_TYPES[typeId];
    if (!known) {
      ctx.errors.push(sageError("attachment_context_type_id", `Attachment context type ${typeId} is not valid`));
      return undefined;
    }
    const [collection, label] = known;
    // Read without creating the collection: the sandbox holds no other payments or journals yet.
    const record = ctx.db.collections[collection]?.get(id);
    if (!record) {
      ctx.errors.push(sageError("attachment_context_id", `${label} ${id} not found`));
      return undefined;
    }
    return {
      type: base("attachment_context_types", typeId, label),
      context: base(collection, record.id, record.displayed_as),
      transaction: record.transaction ?? null,
    };
  };

  return {
    wrapper: "attachment",
    label: "Attachment",
    post: "postAttachments",
    put: "putAttachments",
    canDelete: true,
    queries: ["updated_or_created_since", "deleted_since", "attachment_context_type_id", "attachment_context_id"],
    /** @param {URLSearchParams} q */
    checkQuery(q) {
      const type = q.get("attachment_context_type_id");
      const id = q.get("attachment_context_id");
      // That the two filter only together is Sage's; answering 422 when one comes alone is the sandbox's own choice.
      if (Boolean(type) !== Boolean(id)) {
        const missing = type ? "attachment_context_id" : "attachment_context_type_id";
        throw new SandboxError(422, [
          sageError(missing, "attachment_context_type_id and attachment_context_id filter only together"),
        ]);
      }
    },
    /** @param {SageRecord} record @param {import("./resources").QueryLookup} q */
    filter(record, q) {
      const type = q.get("attachment_context_type_id");
      const id = q.get("attachment_context_id");
      return !type || (record.attachment_context_type?.id === type && record.attachment_context?.id === id);
    },
    /** @param {Ctx} ctx @param {SageRecord} body */
    create(ctx, body) {
      const bytes = bytesOf(ctx, body.file, body.file_size);
      checkType(ctx, body.mime_type);
      const context = contextOf(ctx, body);
      if (ctx.errors.length || !bytes || !context) throw new SandboxError(422, ctx.errors.splice(0));
      const id = newId();
      return {
        // Sage's guide shows attachments with displayed_as null.
        ...base("attachments", id, /** @type {any} */ (null)),
        file: bytes.toString("base64"),
        mime_type: body.mime_type,
        description: body.description ?? null,
        file_extension: body.file_extension ?? null,
        transaction: context.transaction,
        file_size: bytes.length,
        file_name: body.file_name,
        $file_path: `/attachments/${id}/file`,
        attachment_context_type: context.type,
        attachment_context: context.context,
        is_public: body.is_public ?? false,
        created_at: ctx.at,
        updated_at: ctx.at,
        deleted_at: null,
      };
    },
    /** @param {Ctx} ctx @param {SageRecord} record @param {SageRecord} body */
    update(ctx, record, body) {
      const updated = structuredClone(record);
      if (body.file !== undefined) {
        const bytes = bytesOf(ctx, body.file, body.file_size);
        if (bytes) Object.assign(updated, { file: bytes.toString("base64"), file_size: bytes.length });
      }
      checkType(ctx, body.mime_type);
      if (body.attachment_context_type_id !== undefined || body.attachment_context_id !== undefined)
        ctx.errors.push(sageError("attachment_context_id", "An attachment cannot be moved to another record"));
      failIfErrors(ctx);
      for (const field of ["description", "is_public", "file_name", "mime_type", "file_extension"])
        if (body[field] !== undefined) updated[field] = body[field];
      updated.updated_at = ctx.at;
      return updated;
    },
    remove() {
      return "deleted";
    },
    /** GET /attachments/{id}/file: the stored bytes, unchanged. */
    subroutes: {
      /** @param {SageRecord} record @param {{ accept: string }} request */
      file(record, { accept }) {
        if (!/application\/octet-stream/i.test(accept))
          throw new SandboxError(406, [
            sageError("", "Accept must be application/octet-stream to retrieve a file", "NotAcceptable"),
          ]);
        return {
          status: 200,
          body: Buffer.from(record.file, "base64"),
          contentType: "application/octet-stream",
        };
      },
    },
  };
};

module.exports = { attachmentsResource };
