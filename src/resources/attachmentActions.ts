import { action, input, util } from "@prismatic-io/spectral";
import { createSageClient, segment } from "../client";
import {
  attachmentContextId,
  attachmentContextTypeId,
  attachmentDescription,
  attachmentId,
} from "../inputs/attachments";
import { connection } from "../inputs/common";
import { actionOutput, outputSchemaFor, performSafetyFor } from "../util/outputSchema";
import { InputError, isBlank, quoted, requiredString } from "../util/validation";
import { attachments } from "./attachments";

/**
 * Upload Attachment and Download Attachment: the attachment actions that carry a file. The others
 * (list, get, update, delete) come from the declaration in attachments.ts.
 */

/** Sage's limit: postAttachments' `file_size` maximum in its spec (2.5 MiB). */
export const MAX_ATTACHMENT_BYTES = 2_621_440;

interface FileType {
  name: string;
  /** Lower-case extensions Sage's web app shows for it; the first is sent when the file name has none. */
  extensions: string[];
  /** Whether the bytes are a file of this type (its signature). */
  is: (bytes: Buffer) => boolean;
}

/**
 * The file types Sage takes: its Attachments guide says a file is chosen from "a pdf, jpg or png
 * file". A PDF may have a few bytes before its `%PDF-` header (readers look in the first 1024).
 */
const FILE_TYPES: Record<string, FileType> = {
  "application/pdf": {
    name: "PDF",
    extensions: ["pdf"],
    is: (bytes) => bytes.subarray(0, 1024).includes("%PDF-"),
  },
  "image/jpeg": {
    name: "JPEG",
    extensions: ["jpg", "jpeg"],
    is: (bytes) => bytes.subarray(0, 3).equals(JPEG_SIGNATURE),
  },
  "image/png": { name: "PNG", extensions: ["png"], is: (bytes) => bytes.subarray(0, 8).equals(PNG_SIGNATURE) },
};
const JPEG_SIGNATURE = Buffer.from([0xff, 0xd8, 0xff]);
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Other names of the same types, as some systems label them. */
const TYPE_ALIASES: Record<string, string> = { "image/jpg": "image/jpeg", "image/pjpeg": "image/jpeg" };
const TYPES_TEXT = `${Object.keys(FILE_TYPES).join(", ")} (Sage takes PDF, JPG and PNG files)`;
/** A content type that says nothing about the file: the file's own bytes or name decide. */
const UNSPECIFIC_TYPES = new Set(["", "application/octet-stream", "binary/octet-stream", "application/binary"]);

const normalType = (contentType: string) => {
  const type = contentType.split(";")[0].trim().toLowerCase();
  return TYPE_ALIASES[type] ?? type;
};

const extensionOf = (fileName: string): string | undefined => /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1].toLowerCase();

const typeOfExtension = (extension: string | undefined) =>
  Object.keys(FILE_TYPES).find((type) => extension && FILE_TYPES[type].extensions.includes(extension));

const FILE_EXPECTED =
  "binary data from an earlier step (a file: a Buffer, or { data, contentType } as a download step returns it)";

/** The bytes of the File input and the content type it came with, if any. */
const fileOf = (value: unknown): { bytes: Buffer; contentType?: string } => {
  if (util.types.isBufferDataPayload(value)) return { bytes: value.data, contentType: value.contentType };
  if (Buffer.isBuffer(value)) return { bytes: value };
  if (value instanceof Uint8Array) return { bytes: Buffer.from(value) };
  throw new InputError("File", FILE_EXPECTED, typeof value === "string" ? `${value.slice(0, 40)}` : value);
};

const file = input({
  label: "File",
  type: "data",
  required: true,
  // Digits grouped by hand: toLocaleString here would load the locale data at every cold start (~30 ms).
  comments: `The file to attach: binary data from an earlier step (e.g. an email attachment or a downloaded PDF). A PDF, JPG or PNG of at most ${String(MAX_ATTACHMENT_BYTES).replace(/\B(?=(\d{3})+$)/g, ",")} bytes (2.5 MB, Sage's limit).`,
  // Checked with File Name and Content Type in the action, before anything is sent.
  clean: Object.assign((value: unknown) => value, { accepts: "binary data: a Buffer or { data, contentType }" }),
});

const fileName = input({
  label: "File Name",
  type: "string",
  required: true,
  comments: "The name Sage shows for the file, e.g. 'invoice-1042.pdf'.",
  example: "invoice-1042.pdf",
  clean: (value: unknown): string => {
    const name = requiredString("File Name")(value);
    // A path or a control character is no file name (and would read oddly wherever Sage shows it).
    if (/[/\\\p{Cc}]/u.test(name))
      throw new InputError("File Name", "a file name without '/', '\\' or control characters", value);
    return name;
  },
});

const contentType = input({
  label: "Content Type",
  type: "string",
  required: false,
  comments:
    "The file's type: application/pdf, image/jpeg or image/png. Blank: the File's own content type, else the one of the File Name's extension.",
  example: "application/pdf",
  model: [
    { label: "From the file", value: "" },
    ...Object.entries(FILE_TYPES).map(([type, { name }]) => ({ label: name, value: type })),
  ],
  clean: (value: unknown): string | undefined =>
    isBlank(value) ? undefined : normalType(requiredString("Content Type")(value)),
});

/**
 * What Sage is sent for a file: every check of Sage's size and type limits, before any request.
 * The declared type (Content Type, else the File's own, else the File Name's extension) must be
 * one Sage takes and agree with the file's bytes; the name's extension, if it is one of those
 * types', must agree too. Each refusal names the input the wrong value came from.
 */
export const attachmentFile = (fileValue: unknown, name: string, declaredType: string | undefined) => {
  const { bytes, contentType: fileType } = fileOf(fileValue);
  if (bytes.length === 0)
    throw new InputError(
      "File",
      "a file with content",
      undefined,
      "expected a file with content, got an empty file (0 bytes)",
    );
  if (bytes.length > MAX_ATTACHMENT_BYTES)
    throw new InputError(
      "File",
      "",
      undefined,
      `expected a file of at most ${MAX_ATTACHMENT_BYTES.toLocaleString("en-GB")} bytes (2.5 MB, Sage's limit), got ${bytes.length.toLocaleString("en-GB")} bytes`,
    );
  const extension = extensionOf(name);
  const fromFile = fileType === undefined ? "" : normalType(fileType);
  const [declared, source] =
    declaredType !== undefined
      ? [declaredType, "Content Type"]
      : !UNSPECIFIC_TYPES.has(fromFile)
        ? [fromFile, "File"]
        : [typeOfExtension(extension), "File Name"];
  if (declared !== undefined && !(declared in FILE_TYPES))
    throw new InputError(source, TYPES_TEXT, source === "File Name" ? name : declared);
  const actual = Object.keys(FILE_TYPES).find((type) => FILE_TYPES[type].is(bytes));
  if (!actual)
    throw new InputError(
      "File",
      "",
      undefined,
      `expected the content of a PDF, JPEG or PNG file (Sage takes PDF, JPG and PNG files), got ${bytes.length} bytes starting ${quoted(bytes.subarray(0, 12).toString("latin1"))}`,
    );
  if (declared !== undefined && declared !== actual)
    throw new InputError(
      source,
      `the type of the File's content, ${actual} (a ${FILE_TYPES[actual].name} file)`,
      declared,
    );
  const nameType = typeOfExtension(extension);
  if (nameType && nameType !== actual)
    throw new InputError(
      "File Name",
      `a name ending in .${FILE_TYPES[actual].extensions[0]} for a ${FILE_TYPES[actual].name} file`,
      name,
    );
  return {
    file: bytes.toString("base64"),
    file_name: name,
    mime_type: actual,
    file_extension: `.${nameType ? extension : FILE_TYPES[actual].extensions[0]}`,
    file_size: bytes.length,
  };
};

/**
 * Upload Attachment. No Idempotency Key: Sage's Idempotency guide does not list `attachment`, so
 * the POST is retried only when Sage cannot have received it (429, a connection never opened).
 */
const uploadAttachment = action({
  display: {
    label: "Upload Attachment",
    description:
      "Attach a file (PDF, JPG or PNG, at most 2.5 MB) to a purchase or sales invoice, credit note, payment, journal or contact.",
  },
  inputs: {
    connection,
    file,
    fileName,
    contentType,
    attachmentContextTypeId,
    attachmentContextId,
    description: attachmentDescription,
  },
  perform: async (context, params) => {
    const attachment = {
      ...attachmentFile(params.file, params.fileName, params.contentType),
      attachment_context_type_id: params.attachmentContextTypeId,
      attachment_context_id: params.attachmentContextId,
      ...(params.description === undefined ? {} : { description: params.description }),
    };
    const client = createSageClient(params.connection, context.debug.enabled);
    const { data } = await client.post(attachments.path, { [attachments.wrapper]: attachment });
    return { data };
  },
  outputSchema: outputSchemaFor(attachments.definition, "record"),
  performSafety: performSafetyFor("upload"),
});

interface AttachmentDetails {
  mime_type?: string | null;
}

/**
 * Download Attachment: Sage serves the file at /attachments/{id}/file for `Accept:
 * application/octet-stream` (its spec). The type comes from the attachment's `mime_type`, read
 * first, as the file's own answer may just say octet-stream. Sage's spec also describes that
 * answer as the attachment's JSON with the file as base64 `file`: both are taken.
 */
const downloadAttachment = action({
  display: {
    label: "Download Attachment",
    description: "Get an attachment's file by Id, ready for a storage or email step.",
  },
  inputs: { connection, attachmentId },
  perform: async (context, params) => {
    const client = createSageClient(params.connection, context.debug.enabled);
    const path = `${attachments.path}/${segment(params.attachmentId)}`;
    const { data: details } = await client.get<AttachmentDetails>(path, {
      params: { attributes: "mime_type,file_name,file_size" },
    });
    const answer = await client.get<ArrayBuffer>(`${path}/file`, {
      headers: { Accept: "application/octet-stream" },
      responseType: "arraybuffer",
    });
    let served = normalType(String(answer.headers["content-type"] ?? ""));
    let bytes = Buffer.from(answer.data);
    if (served === "application/json") {
      const body = JSON.parse(bytes.toString("utf8")) as { file?: unknown };
      if (typeof body.file !== "string") throw new Error(`Sage's answer to GET ${path}/file held no file.`);
      bytes = Buffer.from(body.file, "base64");
      served = "";
    }
    const contentType = details.mime_type || (UNSPECIFIC_TYPES.has(served) ? "application/octet-stream" : served);
    return { data: bytes, contentType };
  },
  examplePayload: { data: Buffer.from("%PDF-1.4 …"), contentType: "application/pdf" },
  // A file (its bytes under contentType): no JSON fields to map.
  outputSchema: actionOutput(() => ({})),
  performSafety: performSafetyFor("download"),
});

export const attachmentActions = { uploadAttachment, downloadAttachment };
