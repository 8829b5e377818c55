import nock from "nock";
import { BASE_PATH, failureOf, runAction, SAGE_ORIGIN, sageApi, TEST_TOKEN, useNock } from "../helpers";
import { schemaProblems } from "../sageSchema";

useNock();

// Upload and Download Attachment against nock: what goes out and what comes back where the
// sandbox cannot show it (the two ways Sage's spec describes the file's answer, a failed POST).

const PDF = Buffer.from("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n", "latin1");
const PATH = `${BASE_PATH}/attachments/att1`;

/** The file's answer: Sage's spec says `Accept: application/octet-stream`. */
const fileApi = () =>
  nock(SAGE_ORIGIN, { reqheaders: { authorization: `Bearer ${TEST_TOKEN}`, accept: "application/octet-stream" } });

describe("Download Attachment", () => {
  test("reads the attachment's type, then its file: raw bytes are returned unchanged", async () => {
    sageApi()
      .get(PATH)
      .query({ attributes: "mime_type,file_name,file_size" })
      .reply(200, { id: "att1", mime_type: "application/pdf", file_name: "a.pdf", file_size: PDF.length });
    fileApi().get(`${PATH}/file`).reply(200, PDF, { "Content-Type": "application/octet-stream" });
    const result = await runAction("downloadAttachment", { attachmentId: "att1" });
    expect(result).toEqual({ data: PDF, contentType: "application/pdf" });
  });

  test("an answer in the spec's JSON form (the file as base64 `file`) is decoded", async () => {
    sageApi().get(PATH).query(true).reply(200, { id: "att1", mime_type: "image/png" });
    fileApi()
      .get(`${PATH}/file`)
      .reply(200, { id: "att1", file: PDF.toString("base64") }, { "Content-Type": "application/json; charset=utf-8" });
    await expect(runAction("downloadAttachment", { attachmentId: "att1" })).resolves.toEqual({
      data: PDF,
      contentType: "image/png",
    });
  });

  test("without a mime_type, the file answer's own specific type is used", async () => {
    sageApi().get(PATH).query(true).reply(200, { id: "att1", mime_type: null });
    fileApi().get(`${PATH}/file`).reply(200, PDF, { "Content-Type": "application/pdf" });
    await expect(runAction("downloadAttachment", { attachmentId: "att1" })).resolves.toMatchObject({
      contentType: "application/pdf",
    });
  });

  test("an id that could change the path is refused before any request", async () => {
    expect(await failureOf(runAction("downloadAttachment", { attachmentId: "../contacts" }))).toMatch(
      /^Invalid "Attachment Id": expected a Sage Id/,
    );
  });
});

describe("Upload Attachment", () => {
  const params = {
    file: { data: PDF, contentType: "application/pdf" },
    fileName: "a.pdf",
    attachmentContextTypeId: "purchase_invoice",
    attachmentContextId: "inv1",
  };

  test("one POST, a body Sage's postAttachments schema accepts, without an idempotency_id (Sage lists none for attachments)", async () => {
    let sent: unknown;
    sageApi()
      .post(`${BASE_PATH}/attachments`, (body) => {
        sent = body;
        return true;
      })
      .reply(201, { id: "att1" });
    await expect(runAction("uploadAttachment", params)).resolves.toEqual({ data: { id: "att1" } });
    expect(schemaProblems("postAttachments", sent)).toEqual([]);
    expect(sent).toEqual({
      attachment: {
        file: PDF.toString("base64"),
        file_name: "a.pdf",
        mime_type: "application/pdf",
        file_extension: ".pdf",
        file_size: PDF.length,
        attachment_context_type_id: "PURCHASE_INVOICE",
        attachment_context_id: "inv1",
      },
    });
  });

  test("a 503 after Sage may have stored it is not retried: nothing is written twice", async () => {
    sageApi().post(`${BASE_PATH}/attachments`).once().reply(503, "<html>Service Unavailable</html>");
    expect(await failureOf(runAction("uploadAttachment", params))).toMatch(/503 on POST \/attachments/);
  });
});
