import nock from "nock";
import { BASE_PATH, SAGE_ORIGIN } from "../helpers";

/** One request as the fake Sage received it. */
export interface RecordedRequest {
  method: string;
  /** Path as sent on the wire, still percent-encoded, without the query string. */
  path: string;
  query: [string, string][];
  /** The body text as sent (empty when there was none). */
  rawBody: string;
  /** The body parsed as JSON, or undefined when it was empty or not JSON. */
  body: unknown;
}

// Every method Raw Request offers.
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "LINK", "UNLINK", "PURGE"];

export const INVOICE_REPLY = {
  id: "inv1",
  displayed_as: "SI-1",
  contact: { id: "c1" },
  status: { id: "UNPAID" },
  currency: { id: "GBP" },
  // Large enough that any amount the cleaner accepts (at most 1e12) can be paid.
  outstanding_amount: 1e12,
};

const EMPTY_PAGE = { $total: 0, $page: 1, $next: null, $back: null, $itemsPerPage: 20, $items: [] };

/** What a well-behaved Sage answers, so retries never kick in and every run reaches its last request. */
const replyFor = (method: string, path: string): [number, unknown] => {
  const segments = path.slice(BASE_PATH.length).split("/").filter(Boolean);
  if (method === "DELETE") return [204, ""];
  if (method === "HEAD" || method === "OPTIONS" || method === "LINK" || method === "UNLINK" || method === "PURGE")
    return [200, ""];
  if (method === "POST") return [201, { id: "new1" }];
  if (method !== "GET") return [200, { id: "upd1" }];
  if (segments[0] === "businesses") return [200, []];
  // An attachment's file: its bytes.
  if (segments[0] === "attachments" && segments[2] === "file") return [200, Buffer.from("%PDF-1.4\n%%EOF\n")];
  if (segments.length === 1) return [200, EMPTY_PAGE];
  if (segments[0] === "sales_invoices" || segments[0] === "purchase_invoices") return [200, INVOICE_REPLY];
  // A quote or estimate with one line, so Convert ... to Invoice has something to invoice.
  if (segments[0] === "sales_quotes" || segments[0] === "sales_estimates") {
    const line = { description: "Design", ledger_account: { id: "la1" }, quantity: 1, unit_price: 100, tax_rate: null };
    return [
      200,
      {
        id: segments[1],
        contact: { id: "c1" },
        status: { id: "PENDING" },
        quote_lines: [line],
        estimate_lines: [line],
      },
    ];
  }
  return [200, { id: segments[1] }];
};

/**
 * A catch-all fake of Sage's origin: every method, every path, any query, answered with a
 * plausible success and recorded. Requests to any other host are recorded as `foreign` (nock
 * refuses them, since the suite disables real network).
 */
export const fakeSage = () => {
  const requests: RecordedRequest[] = [];
  const foreign: string[] = [];
  const onNoMatch = (req: { method?: string; href?: string; path?: string; hostname?: string }) => {
    foreign.push(`${req.method ?? "?"} ${req.href ?? `${req.hostname}${req.path}`}`);
  };

  const install = () => {
    nock.disableNetConnect();
    nock.emitter.on("no match", onNoMatch);
    const scope = nock(SAGE_ORIGIN).persist();
    for (const method of METHODS) {
      scope
        .intercept(/.*/, method)
        .query(true)
        .reply(function (_uri, requestBody) {
          const url = new URL(this.req.path, SAGE_ORIGIN);
          const rawBody = typeof requestBody === "string" ? requestBody : JSON.stringify(requestBody);
          let body: unknown;
          try {
            body = rawBody ? JSON.parse(rawBody) : undefined;
          } catch {
            body = undefined;
          }
          requests.push({
            method,
            path: url.pathname,
            query: [...url.searchParams.entries()],
            rawBody: rawBody ?? "",
            body,
          });
          const [status, reply] = replyFor(method, url.pathname);
          return [status, reply as nock.Body];
        });
    }
  };

  const uninstall = () => {
    nock.emitter.removeListener("no match", onNoMatch);
    nock.cleanAll();
    nock.enableNetConnect();
  };

  const reset = () => {
    requests.length = 0;
    foreign.length = 0;
  };

  return { requests, foreign, install, uninstall, reset };
};
