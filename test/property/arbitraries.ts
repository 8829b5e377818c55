import fc from "fast-check";

/** Text a flow builder (or a mapping gone wrong) might put into any input. */
const awkwardText = fc.constantFrom(
  "",
  " ",
  "\t\n",
  "null",
  "undefined",
  "NaN",
  "Infinity",
  "-Infinity",
  "[]",
  "{}",
  "[{}]",
  "[null]",
  '{"a":1}',
  "../businesses",
  "..",
  ".",
  "%2e%2e",
  "a/b",
  "a?b=1",
  "a#b",
  "a b",
  "0",
  "-0",
  "-1",
  "1e309",
  "1e12",
  "1e13",
  "0x1F",
  "１２",
  "12.50",
  " 12.50 ",
  "1,000",
  "true",
  "false",
  "TRUE",
  "yes",
  "2026-01-31",
  "2026-02-30",
  "2026-01-31T10:00:00Z",
  "2026-01-31T10:00:00+01:00",
  "31/01/2026",
  "99999-01-01",
  "CUSTOMER",
  "CUSTOMER,VENDOR",
  '["CUSTOMER"]',
  "GB",
  "$customer",
  "\u0000",
  "\u202e",
  "😀",
  "e\u0301",
  "a".repeat(5000),
);

/** Numbers, including the ones JSON cannot carry. */
const numbers = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(
    NaN,
    Infinity,
    -Infinity,
    -0,
    5e-324,
    1e21,
    -1e21,
    1e308,
    Number.MAX_SAFE_INTEGER + 2,
    1e12,
    1e12 + 1,
    0.1 + 0.2,
  ),
);

const strings = fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.string({ unit: "grapheme" }));

/** Things that look like Sage Ids, so a fuzzed run can still get past validation. */
const idLike = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,15}$/);

const numericText = fc.oneof(
  fc.integer({ min: -1000, max: 100000 }).map(String),
  fc.double({ min: -1e13, max: 1e13, noNaN: true }).map(String),
);

const scalar = fc.oneof(
  awkwardText,
  numbers,
  strings,
  idLike,
  numericText,
  fc.boolean(),
  fc.constantFrom(null, undefined),
);

/** Invoice lines, well-formed or nearly: right and wrong field names, values of every kind. */
const lineValue = fc.oneof(scalar, fc.jsonValue({ maxDepth: 1 }));
const invoiceLine = fc.record(
  {
    description: fc.oneof(fc.constant("Consulting"), lineValue),
    ledger_account_id: fc.oneof(fc.constant("$salesLedger"), fc.constant("string"), lineValue),
    unit_price: fc.oneof(fc.constant(100), lineValue),
    quantity: fc.oneof(fc.constant(2), lineValue),
    product_id: lineValue,
    discount_amount: lineValue,
    tax_amount: lineValue,
    unitPrice: lineValue,
    foo: lineValue,
  },
  { requiredKeys: [] },
);
const invoiceLines = fc.array(fc.oneof(invoiceLine, lineValue), { maxLength: 3 });

/** Any value an input could receive: text, numbers, JSON text, values mapped from earlier steps. */
export const anyInputValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: scalar },
  { weight: 1, arbitrary: fc.json({ maxDepth: 2 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 1, arbitrary: fc.array(fc.oneof(idLike, scalar), { maxLength: 3 }) },
  {
    weight: 1,
    arbitrary: fc.oneof(
      invoiceLines,
      invoiceLines.map((lines) => JSON.stringify(lines)),
    ),
  },
);

/** Raw Request's URL: ordinary paths, traversal in every disguise, absolute and odd URLs. */
const urlSegment = fc.oneof(
  fc.constantFrom(
    "contacts",
    "v3.1",
    "c1",
    "..",
    ".",
    "%2e%2e",
    "%2E%2e",
    "%252e%252e",
    ".%2e",
    "%2f",
    "%5c",
    "@",
    "\\",
    "",
    "?x=1",
    "#f",
    "%00",
    "%",
  ),
  idLike,
);
export const rawUrl: fc.Arbitrary<unknown> = fc.oneof(
  fc
    .array(urlSegment, { minLength: 1, maxLength: 5 })
    .chain((parts) => fc.constantFrom("/", "", "//", "\\").map((lead) => `${lead}${parts.join("/")}`)),
  fc.webUrl(),
  fc.webPath(),
  fc.constantFrom(
    "https://evil.example/x",
    "//evil.example",
    "https://api.accounting.sage.com/v3.1/contacts",
    "https://api.accounting.sage.com/v3.0/contacts",
    "http://api.accounting.sage.com.evil.example/v3.1",
    "/v3.1/../v3.0/contacts",
    "javascript:alert(1)",
    "/contacts?x=../../y",
    "/contacts#/../../y",
    "?only=query",
  ),
  anyInputValue,
);

/** Raw Request's Method: a dropdown, so its model values, in any case, or blank or anything else. */
export const rawMethod = fc.oneof(
  fc.constantFrom(
    "DELETE",
    "GET",
    "HEAD",
    "LINK",
    "OPTIONS",
    "PATCH",
    "POST",
    "PURGE",
    "PUT",
    "UNLINK",
    "get",
    " post ",
  ),
  anyInputValue,
);

/** The generator of one input of one action. */
export const arbitraryFor = (actionKey: string, inputKey: string): fc.Arbitrary<unknown> => {
  if (actionKey === "rawRequest" && inputKey === "url") return rawUrl;
  if (actionKey === "rawRequest" && inputKey === "method") return rawMethod;
  // Get Trial Balance has nothing but two required dates: valid ones (inside the baseline's
  // January, so the pair stays in order) often enough that some fuzzed runs reach Sage.
  if (actionKey === "getTrialBalance")
    return fc.oneof(fc.constantFrom("2026-01-15", "2026-01-20T10:00:00Z"), anyInputValue);
  return anyInputValue;
};
