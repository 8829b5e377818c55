import { input } from "@prismatic-io/spectral";
import { InputError, isBlank, optionalId, optionalString, requiredId, requiredString } from "../util/validation";

/**
 * The records an attachment can belong to, by Sage's attachment context type ids
 * (GET /attachment_context_types). Sage's spec does not enumerate them: PURCHASE_INVOICE,
 * PURCHASE_CREDIT_NOTE and OTHER_PAYMENT are the ids public Sage integrations send (CData's Sage
 * driver documents PURCHASE_CREDIT_NOTE); the others follow the same naming of the record's type.
 * Sage's Attachments guide lists purchase invoices and credits, other payments and receipts and
 * journals as the transactions its web app attaches files to.
 */
export const ATTACHMENT_CONTEXT_TYPES = [
  { label: "Purchase Invoice", value: "PURCHASE_INVOICE" },
  { label: "Purchase Credit Note", value: "PURCHASE_CREDIT_NOTE" },
  { label: "Sales Invoice", value: "SALES_INVOICE" },
  { label: "Sales Credit Note", value: "SALES_CREDIT_NOTE" },
  { label: "Contact Payment", value: "CONTACT_PAYMENT" },
  { label: "Other Payment", value: "OTHER_PAYMENT" },
  { label: "Journal", value: "JOURNAL" },
  { label: "Contact", value: "CONTACT" },
] as const;

const CONTEXT_TYPE_IDS: readonly string[] = ATTACHMENT_CONTEXT_TYPES.map(({ value }) => value);

const contextTypeOf = (label: string) =>
  Object.assign(
    (value: unknown): string => {
      const text = requiredString(label)(value).toUpperCase();
      if (!CONTEXT_TYPE_IDS.includes(text)) throw new InputError(label, `one of ${CONTEXT_TYPE_IDS.join(", ")}`, value);
      return text;
    },
    { accepts: `one of ${CONTEXT_TYPE_IDS.join(", ")}` },
  );

const contextTypeInput = {
  label: "Attachment Context Type",
  type: "string" as const,
  comments: "What kind of record the attachment belongs to (Sage's attachment context type).",
  model: ATTACHMENT_CONTEXT_TYPES.map(({ label, value }) => ({ label, value })),
  example: "PURCHASE_INVOICE",
};

const contextIdInput = {
  label: "Attachment Context Id",
  type: "string" as const,
  comments: "The Id of the record the attachment belongs to: the invoice, credit note, payment, journal or contact.",
  example: "0f2f5c8a1e9b4d7c8a6b5e4d3c2b1a09",
};

export const attachmentContextTypeId = input({
  ...contextTypeInput,
  required: true,
  default: "PURCHASE_INVOICE",
  clean: contextTypeOf(contextTypeInput.label),
});

export const attachmentContextId = input({
  ...contextIdInput,
  required: true,
  clean: requiredId(contextIdInput.label),
});

/** List Attachments: both or neither (Sage filters by the two together). */
export const attachmentContextTypeFilter = input({
  ...contextTypeInput,
  required: false,
  comments: `${contextTypeInput.comments} Blank lists the attachments of every record; set it together with Attachment Context Id.`,
  clean: Object.assign(
    (value: unknown): string | undefined => (isBlank(value) ? undefined : contextTypeOf(contextTypeInput.label)(value)),
    { accepts: contextTypeOf(contextTypeInput.label).accepts },
  ),
});

export const attachmentContextIdFilter = input({
  ...contextIdInput,
  required: false,
  comments: `${contextIdInput.comments} Set it together with Attachment Context Type.`,
  clean: optionalId(contextIdInput.label),
});

export const attachmentId = input({
  label: "Attachment Id",
  type: "string",
  required: true,
  comments: "The Id of the attachment (from Upload Attachment or List Attachments).",
  example: "8e84a2e982694f949f2469cc2a3d62f0",
  clean: requiredId("Attachment Id"),
});

export const attachmentDescription = input({
  label: "Description",
  type: "string",
  required: false,
  comments: "A description of the file, shown with the attachment in Sage.",
  example: "Supplier invoice as received",
  clean: optionalString("Description"),
});

/** Update Attachment changes just this, so it is required there. */
export const newAttachmentDescription = input({
  ...attachmentDescription,
  required: true,
  comments: "The attachment's new description.",
  clean: requiredString("Description"),
});
