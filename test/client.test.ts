import { createSageClient, sageBaseUrl } from "../src/client";
import { BASE_PATH, failureOf, SAGE_ORIGIN, sageApi, TEST_TOKEN, testConnection, useNock } from "./helpers";

useNock();

const client = () => createSageClient(testConnection());

describe("retries", () => {
  test("a GET that meets 503 then 200 succeeds", async () => {
    sageApi().get(`${BASE_PATH}/contacts`).reply(503).get(`${BASE_PATH}/contacts`).reply(200, { ok: 1 });
    await expect(client().get("/contacts")).resolves.toMatchObject({ data: { ok: 1 } });
  });

  test("a GET that keeps failing gives up after 3 retries (4 requests)", async () => {
    const scope = sageApi().get(`${BASE_PATH}/contacts`).times(4).reply(502, "");
    await expect(client().get("/contacts")).rejects.toThrow(
      "Sage API error 502 on GET /contacts: empty response body.",
    );
    expect(scope.isDone()).toBe(true);
  });

  test("a POST answered 500 is not repeated: the contact may exist already", async () => {
    sageApi()
      .post(`${BASE_PATH}/contacts`)
      .once()
      .reply(500, [{ $message: "Internal error" }]);
    await expect(client().post("/contacts", { contact: {} })).rejects.toThrow(
      "Sage API error 500 on POST /contacts: Internal error.",
    );
  });

  test("a POST rejected with 429 is resent after Retry-After", async () => {
    sageApi()
      .post(`${BASE_PATH}/contacts`)
      .reply(429, [{ $message: "Too many requests" }], { "Retry-After": "0" })
      .post(`${BASE_PATH}/contacts`)
      .reply(201, { id: "c1" });
    await expect(client().post("/contacts", { contact: { name: "A" } })).resolves.toMatchObject({ status: 201 });
  });

  test("429 after every retry explains the rate limit", async () => {
    sageApi()
      .get(`${BASE_PATH}/contacts`)
      .times(4)
      .reply(429, [{ $message: "Rate limit exceeded" }]);
    await expect(client().get("/contacts")).rejects.toThrow(
      "Sage API error 429 on GET /contacts: Rate limit exceeded. Sage's rate limit was reached; retries were exhausted.",
    );
  });
});

describe("a DELETE retried after Sage may have carried it out", () => {
  test("503 then 404: the record is gone, as asked, so the delete succeeds", async () => {
    sageApi().delete(`${BASE_PATH}/contacts/c1`).reply(503).delete(`${BASE_PATH}/contacts/c1`).reply(404, []);
    await expect(client().delete("/contacts/c1")).resolves.toMatchObject({ status: 204 });
  });

  test("429 then 404: the first try was not processed, so the 404 is real", async () => {
    sageApi()
      .delete(`${BASE_PATH}/contacts/c1`)
      .reply(429, [], { "Retry-After": "0" })
      .delete(`${BASE_PATH}/contacts/c1`)
      .reply(404, [{ $message: "Contact not found" }]);
    await expect(client().delete("/contacts/c1")).rejects.toThrow(
      "Sage API error 404 on DELETE /contacts/c1: Contact not found.",
    );
  });

  test("a plain 404 is an error", async () => {
    sageApi()
      .delete(`${BASE_PATH}/contacts/c1`)
      .reply(404, [{ $message: "Contact not found" }]);
    await expect(client().delete("/contacts/c1")).rejects.toThrow("Sage API error 404");
  });
});

describe("errors say what went wrong without leaking the token or query", () => {
  test("the query string is left out of the message", async () => {
    sageApi()
      .get(`${BASE_PATH}/contacts`)
      .query({ email: "secret@example.com" })
      .reply(404, [{ $message: "Not found" }]);
    const message = await failureOf(client().get("/contacts", { params: { email: "secret@example.com" } }));
    expect(message).toBe("Sage API error 404 on GET /contacts: Not found.");
  });

  test("every call waits 30 s for Sage unless told otherwise", async () => {
    sageApi().get(`${BASE_PATH}/contacts`).reply(200, {}).get(`${BASE_PATH}/contacts`).reply(200, {});
    const sageClient = client();
    const timeouts: (number | undefined)[] = [];
    // Read what each request is sent with: the client's default, and what one call asks for.
    const spy = sageClient.interceptors.request.use((config) => {
      timeouts.push(config.timeout);
      return config;
    });
    try {
      await sageClient.get("/contacts");
      await sageClient.get("/contacts", { timeout: 5_000 });
    } finally {
      sageClient.interceptors.request.eject(spy);
    }
    expect(timeouts).toEqual([30_000, 5_000]);
  });

  test("a timeout names the call", async () => {
    sageApi().get(`${BASE_PATH}/slow`).times(4).delay(200).reply(200, {});
    const message = await failureOf(client().get("/slow", { timeout: 50 }));
    expect(message).toBe("Sage did not answer GET /slow in time (timeout after 50 ms).");
  });

  test("a JSON body that is not Sage's array is summarised", async () => {
    sageApi().get(`${BASE_PATH}/x`).reply(400, { error: "invalid_request" });
    await expect(client().get("/x")).rejects.toThrow("Sage API error 400 on GET /x: invalid_request.");
  });

  test("the error carries no request config (so no Authorization header)", async () => {
    sageApi()
      .get(`${BASE_PATH}/x`)
      .reply(400, [{ $message: "Bad" }]);
    const error = await client()
      .get("/x")
      .catch((e: unknown) => e);
    expect(JSON.stringify(error)).not.toContain(TEST_TOKEN);
    expect(JSON.stringify(Object.entries(error as object))).not.toContain(TEST_TOKEN);
    expect(error).toMatchObject({ status: 400, method: "GET", path: "/x", sageErrors: [{ $message: "Bad" }] });
  });
});

describe("base URL", () => {
  afterEach(() => delete process.env.SAGE_API_BASE_URL);

  test("is Sage's by default", () => expect(sageBaseUrl()).toBe(`${SAGE_ORIGIN}/v3.1`));

  test("may point at a loopback sandbox", () => {
    process.env.SAGE_API_BASE_URL = "http://127.0.0.1:5555/v3.1/";
    expect(sageBaseUrl()).toBe("http://127.0.0.1:5555/v3.1");
  });

  test.each(["https://evil.example/v3.1", "http://10.0.0.1/v3.1", "not a url"])("refuses %p", (url) => {
    process.env.SAGE_API_BASE_URL = url;
    expect(() => sageBaseUrl()).toThrow("SAGE_API_BASE_URL");
  });
});
