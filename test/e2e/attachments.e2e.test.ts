import { MAX_ATTACHMENT_BYTES } from "../../src/resources/attachmentActions";
import { schemaProblems } from "../sageSchema";
import { failureOf, withSandbox } from "./withSandbox";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { pdfOf } = require("../../sandbox/pdf") as { pdfOf: (lines: string[]) => Buffer };

// Attachments against the sandbox over real HTTP: a PDF goes up to a purchase invoice and comes
// back byte for byte; bad files are refused before anything is sent.

const sage = withSandbox();
const log = () => sage.sandbox().requestLog;

/** A real PDF, with bytes of every value (a binary stream) so any re-encoding on the way would show. */
const PDF = Buffer.concat([pdfOf(["Supplier invoice 1042", "Total: 54.00 GBP"]), Buffer.from([0, 255, 128, 13, 10])]);

let invoiceId: string;

beforeAll(async () => {
  const supplier = await sage.run("createContact", { name: "Paper Supplies Ltd", contactTypeIds: "VENDOR" });
  const invoice = await sage.run("createPurchaseInvoice", {
    contactId: supplier.data.id,
    date: "2026-02-01",
    dueDate: "2026-03-01",
    invoiceLines: JSON.stringify([
      { description: "Paper", ledger_account_id: sage.ledgerId(5000), quantity: 1, unit_price: 45 },
    ]),
  });
  invoiceId = invoice.data.id;
});

beforeEach(() => sage.sandbox().clearLog());

const upload = (params: Record<string, unknown> = {}) =>
  sage.run("uploadAttachment", {
    file: { data: PDF, contentType: "application/pdf" },
    fileName: "invoice-1042.pdf",
    attachmentContextTypeId: "PURCHASE_INVOICE",
    attachmentContextId: invoiceId,
    description: "As received by email",
    ...params,
  });

describe("a PDF attached to a purchase invoice", () => {
  let attachmentId: string;

  test("Upload Attachment sends one POST whose body passes Sage's postAttachments schema", async () => {
    const { data } = await upload();
    attachmentId = data.id;
    expect(log().map((entry) => [entry.method, entry.path, entry.status])).toEqual([["POST", "/attachments", 201]]);
    const body = log()[0].body as { attachment: Record<string, unknown> };
    expect(schemaProblems("postAttachments", body)).toEqual([]);
    expect(body.attachment).toEqual({
      file: PDF.toString("base64"),
      file_name: "invoice-1042.pdf",
      mime_type: "application/pdf",
      file_extension: ".pdf",
      file_size: PDF.length,
      attachment_context_type_id: "PURCHASE_INVOICE",
      attachment_context_id: invoiceId,
      description: "As received by email",
    });
    expect(data).toMatchObject({
      $path: `/attachments/${data.id}`,
      file_name: "invoice-1042.pdf",
      mime_type: "application/pdf",
      file_size: PDF.length,
      attachment_context_type: { id: "PURCHASE_INVOICE" },
      attachment_context: { id: invoiceId },
    });
  });

  test("Download Attachment returns the same bytes as application/pdf", async () => {
    const result = (await sage.run("downloadAttachment", { attachmentId })) as unknown as {
      data: Buffer;
      contentType: string;
    };
    expect(Buffer.isBuffer(result.data)).toBe(true);
    expect(result.data.equals(PDF)).toBe(true);
    expect(result.contentType).toBe("application/pdf");
    expect(log().map((entry) => [entry.method, entry.path])).toEqual([
      ["GET", `/attachments/${attachmentId}`],
      ["GET", `/attachments/${attachmentId}/file`],
    ]);
    expect(log()[1].headers).toMatchObject({ accept: "application/octet-stream" });
  });

  test("List Attachments for the invoice returns it (its details, not the file); Get returns it", async () => {
    const { data } = await sage.run("listAttachments", {
      attachmentContextTypeId: "PURCHASE_INVOICE",
      attachmentContextId: invoiceId,
    });
    expect(data.$items.map((item: { id: string }) => item.id)).toEqual([attachmentId]);
    expect(data.$items[0]).toMatchObject({ file_name: "invoice-1042.pdf", file_size: PDF.length });
    expect(data.$items[0]).not.toHaveProperty("file");
    expect(log()[0].query).toMatchObject({
      attachment_context_type_id: "PURCHASE_INVOICE",
      attachment_context_id: invoiceId,
    });
    const got = await sage.run("getAttachment", { attachmentId });
    expect(got.data).toMatchObject({ id: attachmentId, attachment_context: { id: invoiceId } });
  });

  test("Update Attachment changes the description; the PUT passes Sage's putAttachments schema", async () => {
    const { data } = await sage.run("updateAttachment", { attachmentId, description: "Paid by card" });
    expect(data.description).toBe("Paid by card");
    expect(log()[0]).toMatchObject({ method: "PUT", body: { attachment: { description: "Paid by card" } } });
    expect(schemaProblems("putAttachments", log()[0].body)).toEqual([]);
  });

  test("Delete Attachment removes it: the invoice's list is empty and the file is gone", async () => {
    expect((await sage.run("deleteAttachment", { attachmentId })).data).toEqual({ deleted: true, id: attachmentId });
    const { data } = await sage.run("listAttachments", {
      attachmentContextTypeId: "PURCHASE_INVOICE",
      attachmentContextId: invoiceId,
    });
    expect(data.$items).toEqual([]);
    expect(await failureOf(sage.run("downloadAttachment", { attachmentId }))).toMatch(/404/);
  });
});

describe("refused before any request, naming the input", () => {
  test.each([
    [
      "a file over Sage's 2,621,440 bytes",
      { file: { data: Buffer.concat([PDF, Buffer.alloc(MAX_ATTACHMENT_BYTES)]), contentType: "application/pdf" } },
      /^Invalid "File": expected a file of at most 2,621,440 bytes \(2\.5 MB, Sage's limit\), got 2,62\d,\d{3} bytes\.$/,
    ],
    [
      "a text file",
      { file: { data: Buffer.from("Hello, world"), contentType: "text/plain" }, fileName: "notes.txt" },
      /^Invalid "File": expected application\/pdf, image\/jpeg, image\/png \(Sage takes PDF, JPG and PNG files\), got "text\/plain"\.$/,
    ],
    [
      "a Content Type Sage does not take",
      { contentType: "image/gif" },
      /^Invalid "Content Type": expected application\/pdf, image\/jpeg, image\/png .*, got "image\/gif"\.$/,
    ],
    [
      "an HTML page saved as a PDF",
      { file: { data: Buffer.from("<html><body>Sign in</body></html>"), contentType: "application/pdf" } },
      /^Invalid "File": expected the content of a PDF, JPEG or PNG file .*, got 33 bytes starting "<html><body>"\.$/,
    ],
    [
      "a PDF declared as a PNG",
      { contentType: "image/png" },
      /^Invalid "Content Type": expected the type of the File's content, application\/pdf \(a PDF file\), got "image\/png"\.$/,
    ],
    [
      "a PDF named .png",
      { fileName: "scan.png" },
      /^Invalid "File Name": expected a name ending in \.pdf for a PDF file, got "scan\.png"\.$/,
    ],
    ["an empty file", { file: Buffer.alloc(0) }, /^Invalid "File": expected a file with content, got an empty file/],
    ["text instead of a file", { file: "JVBERi0xLjQ=" }, /^Invalid "File": expected binary data from an earlier step/],
    [
      "an unknown context type",
      { attachmentContextTypeId: "INVOICE" },
      /^Invalid "Attachment Context Type": expected one of PURCHASE_INVOICE, /,
    ],
  ])("%s", async (_, params, message) => {
    expect(await failureOf(upload(params))).toMatch(message);
    expect(log()).toEqual([]);
  });

  test("List Attachments with a context type but no context id", async () => {
    expect(await failureOf(sage.run("listAttachments", { attachmentContextTypeId: "PURCHASE_INVOICE" }))).toBe(
      'Invalid "Attachment Context Type": expected "Attachment Context Id" to be set too (Sage filters by the two together), got "PURCHASE_INVOICE".',
    );
    expect(log()).toEqual([]);
  });
});

describe("what the type is taken from", () => {
  test("a bare Buffer with no Content Type: the bytes and the name say PDF", async () => {
    const { data } = await upload({ file: PDF, fileName: "invoice" });
    expect(log()[0].body).toMatchObject({
      attachment: { mime_type: "application/pdf", file_name: "invoice", file_extension: ".pdf" },
    });
    expect(data.mime_type).toBe("application/pdf");
  });

  test("a PNG given as octet-stream is sent as image/png", async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 7)]);
    const { data } = await upload({ file: { data: png, contentType: "application/octet-stream" }, fileName: "r.PNG" });
    expect(log()[0].body).toMatchObject({ attachment: { mime_type: "image/png", file_extension: ".png" } });
    const back = (await sage.run("downloadAttachment", { attachmentId: data.id })) as unknown as {
      data: Buffer;
      contentType: string;
    };
    expect([back.data.equals(png), back.contentType]).toEqual([true, "image/png"]);
  });
});

describe("the sandbox's own rules (Sage documents none of these)", () => {
  test("the record must exist: 422 naming attachment_context_id", async () => {
    const message = await failureOf(upload({ attachmentContextId: "0123456789abcdef0123456789abcdef" }));
    expect(message).toMatch(
      /^Sage API error 422 on POST \/attachments: Purchase Invoice .* not found \(field: attachment_context_id\)\./,
    );
  });
});
