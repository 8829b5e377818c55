import { action, input } from "@prismatic-io/spectral";
import { formatISO } from "date-fns";
import { createSageClient, segment } from "../client";
import { connection } from "../inputs/common";
import { documentDate } from "../inputs/documents";
import { lineFieldsOf } from "../util/invoiceLines";
import { InputError, optionalDate, requiredId } from "../util/validation";
import { actionOutput, outputSchemaFor, performSafetyFor } from "../util/outputSchema";
import { RESOURCES } from "./index";
import type { SageResource } from "./resource";

/** Actions across several declared resources: a sales document as a PDF, a quote or estimate made an invoice. */

const pdfResources = () => RESOURCES.filter((resource) => resource.pdf);

const documentType = input({
  label: "Document Type",
  type: "string",
  required: true,
  comments: "Which kind of sales document the Document Id is.",
  default: "/sales_invoices",
  model: pdfResources().map((resource) => ({ label: resource.singular, value: resource.path })),
  clean: (value: unknown): string => {
    const path = typeof value === "string" ? value.trim() : "";
    const allowed = pdfResources().map((resource) => resource.path);
    if (!allowed.includes(path)) throw new InputError("Document Type", `one of ${allowed.join(", ")}`, value);
    return path;
  },
});

const documentIdInput = input({
  label: "Document Id",
  type: "string",
  required: true,
  comments: "The Id of the sales invoice, credit note, quote or estimate.",
  example: "a5fe7e0e2d3a4c1d9f6d6c2f0e4b8a11",
  clean: requiredId("Document Id"),
});

/** Get Sales Document PDF: Sage renders the document for `Accept: application/pdf` on the record's URL. */
export const getSalesDocumentPdf = action({
  display: {
    label: "Get Sales Document PDF",
    description:
      "Get a sales invoice, credit note, quote or estimate as a PDF file, ready for an email or storage step.",
  },
  inputs: { connection, documentType, documentId: documentIdInput },
  perform: async (context, { connection, documentType, documentId }) => {
    const client = createSageClient(connection, context.debug.enabled);
    const { data } = await client.get<ArrayBuffer>(`${documentType}/${segment(documentId)}`, {
      headers: { Accept: "application/pdf" },
      responseType: "arraybuffer",
    });
    return { data: Buffer.from(data), contentType: "application/pdf" };
  },
  examplePayload: { data: Buffer.from("%PDF-1.4 …"), contentType: "application/pdf" },
  // A file (the PDF's bytes under contentType application/pdf): no JSON fields to map.
  outputSchema: actionOutput(() => ({})),
  performSafety: performSafetyFor("download"),
});

interface SourceDocument {
  id: string;
  status?: { id?: string } | null;
  contact?: { id: string } | null;
  reference?: string | null;
  notes?: string | null;
  displayed_as?: string;
  [lines: string]: unknown;
}

export type LineRecord = Record<string, unknown> &
  Record<"ledger_account" | "product" | "service" | "tax_rate", { id?: string } | null>;

/** A quote or estimate line as a sales invoice line: the fields an invoice line takes, references as ids. */
export const invoiceLineOf = (line: LineRecord) => {
  const values: Record<string, unknown> = {
    ...line,
    ledger_account_id: line.ledger_account?.id,
    product_id: line.product?.id,
    service_id: line.service?.id,
    tax_rate_id: line.tax_rate?.id,
  };
  return Object.fromEntries(
    lineFieldsOf("sales")
      .filter((field) => values[field] !== undefined && values[field] !== null)
      .map((field) => [field, values[field]]),
  );
};

/**
 * Convert a quote or estimate to a sales invoice: read it, refuse one already invoiced, then
 * create the invoice from its contact, reference, notes and lines, linked through
 * `original_quote_estimate_id` (Sage then marks the quote or estimate invoiced).
 */
const convertToInvoice = (
  source: SageResource,
  linesField: string,
  names: { key: string; label: string; description: string },
) => {
  const { key, input: idInput } = source.id;
  return action({
    display: { label: names.label, description: names.description },
    inputs: {
      connection,
      [key]: idInput,
      date: input({
        ...documentDate,
        required: false,
        comments: "The invoice date (YYYY-MM-DD); blank for today.",
        clean: optionalDate("Date"),
      }),
    },
    perform: async (context, params) => {
      const {
        connection: conn,
        date,
        [key]: id,
      } = params as Record<string, unknown> as {
        connection: typeof params.connection;
        date?: string;
      } & Record<string, string>;
      const client = createSageClient(conn, context.debug.enabled);
      const { data: doc } = await client.get<SourceDocument>(`${source.path}/${segment(id)}`, {
        params: { attributes: "all" },
      });
      if (doc.status?.id === "INVOICED")
        throw new InputError(
          `${source.singular} Id`,
          `a ${source.singular.toLowerCase()} not yet invoiced`,
          doc.displayed_as,
        );
      const { data } = await client.post("/sales_invoices", {
        sales_invoice: {
          contact_id: doc.contact?.id,
          date: date ?? formatISO(new Date(), { representation: "date" }),
          original_quote_estimate_id: doc.id,
          ...(doc.reference ? { reference: doc.reference } : {}),
          ...(doc.notes ? { notes: doc.notes } : {}),
          invoice_lines: ((doc[linesField] as LineRecord[] | undefined) ?? []).map(invoiceLineOf),
        },
      });
      return { data };
    },
    outputSchema: outputSchemaFor("SalesInvoice", "record"),
    // It creates a sales invoice.
    performSafety: performSafetyFor("create"),
  });
};

const byPath = (path: string) => RESOURCES.find((resource) => resource.path === path)!;

export const documentActions = {
  getSalesDocumentPdf,
  convertQuoteToInvoice: convertToInvoice(byPath("/sales_quotes"), "quote_lines", {
    key: "convertQuoteToInvoice",
    label: "Convert Quote to Invoice",
    description: "Create a sales invoice from a sales quote's lines, linked to the quote, which Sage marks invoiced.",
  }),
  convertEstimateToInvoice: convertToInvoice(byPath("/sales_estimates"), "estimate_lines", {
    key: "convertEstimateToInvoice",
    label: "Convert Estimate to Invoice",
    description:
      "Create a sales invoice from a sales estimate's lines, linked to the estimate, which Sage marks invoiced.",
  }),
};
