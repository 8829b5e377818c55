import { loggerMock } from "@prismatic-io/spectral/dist/testing";
import nock from "nock";
import { BASE_PATH, failureOf, harness, runAction, sageApi, TEST_TOKEN, testConnection, useNock } from "../../helpers";

useNock();

describe("Raw Request", () => {
  test("sends the path, method, body, query and headers to the Sage API with the bearer token", async () => {
    sageApi({ json: false })
      .post(`${BASE_PATH}/contacts`, { contact: { name: "Acme" } })
      .query({ dry: "1" })
      .matchHeader("x-custom", "yes")
      .reply(201, { id: "c1" });
    const result = await runAction("rawRequest", {
      url: "/contacts",
      method: "POST",
      data: JSON.stringify({ contact: { name: "Acme" } }),
      queryParams: [{ key: "dry", value: "1" }],
      headers: [
        { key: "x-custom", value: "yes" },
        { key: "Content-Type", value: "application/json" },
      ],
    });
    expect(result).toMatchObject({ data: { id: "c1" }, statusCode: 201 });
  });

  test("a path without a leading slash is taken relative to the base URL", async () => {
    sageApi({ json: false }).get(`${BASE_PATH}/countries`).reply(200, { ok: true });
    await expect(runAction("rawRequest", { url: "countries", method: "GET" })).resolves.toMatchObject({
      data: { ok: true },
    });
  });

  test("a user header cannot replace the connection's Authorization", async () => {
    sageApi({ json: false }).get(`${BASE_PATH}/user`).reply(200, {});
    await runAction("rawRequest", {
      url: "/user",
      method: "GET",
      headers: [{ key: "Authorization", value: "Bearer other" }],
    });
  });

  test("sends X-Business when the connection names a business", async () => {
    sageApi({ json: false }).get(`${BASE_PATH}/contacts`).matchHeader("x-business", "biz-2").reply(200, {});
    await harness.action("rawRequest", {
      connection: testConnection({ businessId: "biz-2" }),
      url: "/contacts",
      method: "GET",
    });
  });

  test.each([
    "https://evil.example/x",
    "//evil.example/x",
    "http://api.accounting.sage.com.evil.example/v3.1/contacts",
    "/../../evil",
    "/contacts/../../x",
    "/%2e%2e/%2e%2e/x",
    "/%252e%252e/x",
    "@evil.example/x",
    "/x@evil.example",
    "\\\\evil.example\\x",
    "%2F%2Fevil.example/x",
    "javascript:alert(1)",
  ])("refuses %p before any request", async (url) => {
    const message = await failureOf(runAction("rawRequest", { url, method: "GET" }));
    expect(message).toMatch(/^Invalid "URL": expected a path relative to the Sage API/);
  });

  test("Debug Request logs the request with the Authorization header redacted, in the step log and on the console", async () => {
    sageApi({ json: false }).get(`${BASE_PATH}/countries`).reply(200, {});
    const lines: string[] = [];
    const logger = { ...loggerMock(), info: (...m: unknown[]) => void lines.push(m.map(String).join(" ")) };
    // Spectral's own debug output (its HTTP client's) goes to console.log, which Prismatic keeps as the step's log too.
    const printed: string[] = [];
    const spies = (["log", "info", "warn", "error", "debug"] as const).map((name) =>
      jest.spyOn(console, name).mockImplementation((...m: unknown[]) => void printed.push(m.map(String).join(" "))),
    );
    try {
      await harness.action(
        "rawRequest",
        { connection: testConnection(), url: "/countries", method: "GET", debugRequest: "true" },
        { logger },
      );
    } finally {
      spies.forEach((spy) => spy.mockRestore());
    }
    expect(lines.join("\n")).toContain("[REDACTED]");
    expect([...lines, ...printed].join("\n")).not.toContain(TEST_TOKEN);
  });

  test("a failed call is reported readably, without the token", async () => {
    sageApi({ json: false })
      .get(`${BASE_PATH}/nothing`)
      .reply(404, [{ $message: "Resource not found", $severity: "error" }]);
    const message = await failureOf(runAction("rawRequest", { url: "/nothing", method: "GET" }));
    expect(message).toBe("Sage API error 404 on GET /nothing: Resource not found.");
    expect(message).not.toContain(TEST_TOKEN);
    expect(nock.pendingMocks()).toEqual([]);
  });

  test.each([
    "Host",
    "host",
    "Content-Length",
    "Transfer-Encoding",
    "Connection",
    "Keep-Alive",
    "Upgrade",
    "TE",
    "Trailer",
    "Expect",
    "Proxy-Authorization",
    "Proxy-Connection",
    "Forwarded",
    "X-Forwarded-Host",
    "X-Forwarded-For",
    "X-HTTP-Method-Override",
    "X-HTTP-Method",
    "X-Method-Override",
    "X-Original-URL",
    "X-Rewrite-URL",
    "HTTP2-Settings",
  ])("a %p header is refused before any request, naming the input", async (name) => {
    // Nothing is mocked and net connect is off: a request would fail with another message.
    const message = await failureOf(
      runAction("rawRequest", { url: "/contacts", method: "GET", headers: [{ key: name, value: "x" }] }),
    );
    expect(message).toMatch(/^Invalid "Header": expected no header that changes routing or framing .*at item 1\.$/);
    expect(message).toContain(`"${name}"`);
  });

  test.each([
    [{ key: "X-Custom\r\nHost", value: "a" }],
    [{ key: "X-Custom", value: "a\r\nHost: evil.example" }],
    [{ key: "X-Custom", value: "a\nb" }],
  ])("a line break in a header name or value (%j) gets a clear error", async (header) => {
    const message = await failureOf(runAction("rawRequest", { url: "/contacts", method: "GET", headers: [header] }));
    expect(message).toMatch(/^Invalid "Header": expected a name and value without line breaks \(CR or LF\) at item 1/);
  });

  test("a header name with a space or colon is refused", async () => {
    const message = await failureOf(
      runAction("rawRequest", { url: "/contacts", method: "GET", headers: [{ key: "X Bad:", value: "a" }] }),
    );
    expect(message).toBe('Invalid "Header": expected a valid header name at item 1, got "X Bad:".');
  });

  test("a JSON body is sent as application/json without a Content-Type header from the user", async () => {
    sageApi({ json: false })
      .post(`${BASE_PATH}/contacts`, { contact: { name: "Acme" } })
      .matchHeader("content-type", "application/json")
      .reply(201, { id: "c1" });
    await expect(
      runAction("rawRequest", { url: "/contacts", method: "POST", data: '{"contact":{"name":"Acme"}}' }),
    ).resolves.toMatchObject({ statusCode: 201 });
  });

  test("a redirect is not followed: the error names the status and the Location", async () => {
    const elsewhere = nock("https://elsewhere.example").get("/steal").reply(200, { looks: "fine" });
    sageApi({ json: false })
      .get(`${BASE_PATH}/contacts`)
      .reply(302, "", { Location: "https://elsewhere.example/steal" });
    const message = await failureOf(runAction("rawRequest", { url: "/contacts", method: "GET" }));
    expect(message).toBe(
      'Sage API error 302 on GET /contacts: empty response body. Sage answered with a redirect, which is never followed. It pointed to "https://elsewhere.example/steal".',
    );
    expect(elsewhere.isDone()).toBe(false);
    nock.cleanAll();
  });

  test("a body over Sage's limit is refused before sending, naming the limit", async () => {
    const message = await failureOf(
      runAction("rawRequest", { url: "/contacts", method: "POST", data: "x".repeat(5_000_001) }),
    );
    expect(message).toBe(
      "The request body for POST /contacts is 5,000,001 bytes: Sage accepts at most 5,000,000 bytes (5 MB) per request, so nothing was sent. Send fewer lines or records per call.",
    );
  });

  test("Form Data goes out as multipart with the token", async () => {
    sageApi({ json: false })
      .post(`${BASE_PATH}/attachments`, (body: string) => body.includes('name="note"') && body.includes("hello"))
      .matchHeader("content-type", /^multipart\/form-data; boundary=/)
      .reply(201, { ok: true });
    await expect(
      runAction("rawRequest", { url: "/attachments", method: "POST", formData: [{ key: "note", value: "hello" }] }),
    ).resolves.toMatchObject({ statusCode: 201 });
  });
});
