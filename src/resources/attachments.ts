import {
  attachmentContextIdFilter,
  attachmentContextTypeFilter,
  attachmentId,
  newAttachmentDescription,
} from "../inputs/attachments";
import { updatedOrCreatedSinceFor } from "../inputs/common";
import type { SageResource } from "./resource";

/**
 * Files attached to Sage records. Upload Attachment and Download Attachment carry a file, so they
 * are actions of their own (attachmentActions.ts); list, get, update and delete are the common ones.
 */
export const attachments: SageResource = {
  path: "/attachments",
  wrapper: "attachment",
  definition: "Attachment",
  singular: "Attachment",
  plural: "Attachments",
  id: { key: "attachmentId", input: attachmentId },
  filters: {
    attachmentContextTypeId: {
      query: "attachment_context_type_id",
      input: attachmentContextTypeFilter,
      requires: "attachmentContextId",
    },
    attachmentContextId: {
      query: "attachment_context_id",
      input: attachmentContextIdFilter,
      requires: "attachmentContextTypeId",
    },
    updatedOrCreatedSince: { query: "updated_or_created_since", input: updatedOrCreatedSinceFor("Attachments") },
  },
  // Sage's Attachments guide warns that pages of attachments get large: a list carries each file's
  // details but not the file itself (base64 `file`), unless Attributes asks for it.
  listAttributes:
    "file_name,mime_type,file_extension,file_size,description,attachment_context_type,attachment_context,transaction,is_public,created_at,updated_at",
  body: { description: "description" },
  update: {
    key: "updateAttachment",
    label: "Update Attachment",
    description: "Change the description of an attachment by Id.",
    inputs: { description: newAttachmentDescription },
  },
  get: {
    key: "getAttachment",
    label: "Get Attachment",
    description:
      "Get an attachment by Id: its file name, type, size and the record it belongs to (Download Attachment gets the file).",
  },
  delete: { key: "deleteAttachment", label: "Delete Attachment", description: "Delete an attachment by Id." },
  list: {
    key: "listAttachments",
    label: "List Attachments",
    description: "List the attachments of one record (Attachment Context Type and Id), or of every record.",
  },
  pollable: true,
  // Upload Attachment makes them (attachmentActions.ts): there is no generic create to sample.
  sample: { create: {}, update: { description: "Supplier invoice, as received by email" } },
};
