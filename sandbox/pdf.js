// @ts-check
"use strict";

/**
 * A real, small PDF (1.4, one A4 page, Helvetica) whose text lines are the given ones: what the
 * sandbox answers for a sales document asked for with `Accept: application/pdf`. Sage renders
 * its own layout; the sandbox only promises a valid file that names the document.
 */

/** Text for a PDF string literal: only printable ASCII, with (, ) and \ escaped. */
const pdfText = (/** @type {string} */ text) => text.replace(/[^\x20-\x7e]/g, "?").replace(/([()\\])/g, "\\$1");

/** @param {string[]} lines @returns {Buffer} */
const pdfOf = (lines) => {
  const content = [
    "BT",
    "/F1 14 Tf",
    "50 790 Td",
    "18 TL",
    ...lines.map((line, index) => `${index ? "T* " : ""}(${pdfText(line)}) Tj`),
    "ET",
  ].join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    `<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}\nendstream`,
  ];
  let out = "%PDF-1.4\n";
  /** @type {number[]} */
  const offsets = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
};

module.exports = { pdfOf };
