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
});
