import { ConnectionError } from "@prismatic-io/spectral";
import nock from "nock";
import { createSageClient, sageBaseUrl } from "../src/client";
import { sageRateLimitPolicy } from "../src/util/rateLimit";
import { MAX_BODY_BYTES } from "../src/constants";
import { idempotencyIdFor, withIdempotencyKey } from "../src/util/idempotency";
import subscriptionFailure from "./fixtures/sage-recordings/error-401-subscription.docs.json";
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

  test("a POST Sage cannot make idempotent (no listed wrapper) answered 500 is not repeated", async () => {
    // One reply only: a retry would hit no mock and fail with a different message.
    sageApi()
      .post(`${BASE_PATH}/sales_invoices/i1/release`)
      .once()
      .reply(500, [{ $message: "Internal error" }]);
    await expect(client().post("/sales_invoices/i1/release")).rejects.toThrow(
      "Sage API error 500 on POST /sales_invoices/i1/release: Internal error. Sage may have created the record before this failure: check before running the step again.",
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

  test("429 after every retry (1 try + 7 retries) explains the rate limit", async () => {
    const scope = sageApi()
      .get(`${BASE_PATH}/contacts`)
      .times(8)
      .reply(429, [{ $message: "Rate limit exceeded" }]);
    await expect(client().get("/contacts")).rejects.toThrow(
      "Sage API error 429 on GET /contacts: Rate limit exceeded. Sage's rate limit was reached; retries were exhausted.",
    );
    expect(scope.isDone()).toBe(true);
  });
});

describe("idempotency_id: every write of a resource Sage lists carries one, and its retries resend it", () => {
  /** Mock `answers` POSTs of /contacts in turn; returns the bodies Sage received, parsed. */
  const posts = (...answers: [number, nock.Body?][]) => {
    const bodies: { contact: Record<string, unknown> }[] = [];
    for (const [status, body] of answers) {
      sageApi()
        .post(`${BASE_PATH}/contacts`, (sent) => !!bodies.push(sent))
        .reply(status, body ?? {});
    }
    return bodies;
  };

  test.each([
    ["a 500", (first: nock.Interceptor) => first.reply(500, [{ $message: "Internal error" }])],
    ["a 503 page", (first: nock.Interceptor) => first.reply(503, "<html><title>oops</title></html>")],
    // Answered too late: Sage may have created the contact; the retry must not create a second one.
    ["a timeout", (first: nock.Interceptor) => first.delay(300).reply(201, { id: "late" })],
  ])("a POST that met %s is sent again with the identical body and id", async (_name, answerFirst) => {
    const bodies: string[] = [];
    answerFirst(sageApi().post(`${BASE_PATH}/contacts`, (sent) => !!bodies.push(JSON.stringify(sent))));
    sageApi()
      .post(`${BASE_PATH}/contacts`, (sent) => !!bodies.push(JSON.stringify(sent)))
      .reply(201, { id: "c1" });
    await expect(client().post("/contacts", { contact: { name: "Acme" } }, { timeout: 100 })).resolves.toMatchObject({
      data: { id: "c1" },
    });
    expect(bodies).toHaveLength(2);
    expect(bodies[1]).toBe(bodies[0]);
    expect(JSON.parse(bodies[0]).contact).toEqual({
      name: "Acme",
      idempotency_id: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
  });

  test("a blank key gives each run its own id; the caller's body object is not changed", async () => {
    const bodies = posts([201], [201]);
    const body = { contact: { name: "Acme" } };
    await client().post("/contacts", body);
    await client().post("/contacts", body);
    expect(body).toEqual({ contact: { name: "Acme" } });
    expect(bodies[0].contact.idempotency_id).not.toBe(bodies[1].contact.idempotency_id);
  });

  test("an Idempotency Key gives the same id on every run, derived from the wrapper and the key", async () => {
    const bodies = posts([201], [201]);
    await client().post("/contacts", { contact: { name: "Acme" } }, withIdempotencyKey("order-1"));
    await client().post("/contacts", { contact: { name: "Acme" } }, withIdempotencyKey("order-1"));
    expect(bodies.map((b) => b.contact.idempotency_id)).toEqual([
      idempotencyIdFor("contact", "order-1"),
      idempotencyIdFor("contact", "order-1"),
    ]);
    expect(idempotencyIdFor("contact", "order-1")).toMatch(/^[0-9a-f]{32}$/);
    expect(idempotencyIdFor("sales_invoice", "order-1")).not.toBe(idempotencyIdFor("contact", "order-1"));
    expect(idempotencyIdFor("contact", "order-2")).not.toBe(idempotencyIdFor("contact", "order-1"));
  });

  test("PUTs carry one too; a body Sage does not list (business) or without one wrapper is sent as given", async () => {
    const seen: unknown[] = [];
    const record = (sent: unknown) => !!seen.push(sent);
    sageApi().put(`${BASE_PATH}/contacts/c1`, record).reply(200, {});
    sageApi().put(`${BASE_PATH}/businesses/b1`, record).reply(200, {});
    sageApi().post(`${BASE_PATH}/things`, record).reply(201, {});
    await client().put("/contacts/c1", { contact: { notes: "x" } });
    await client().put("/businesses/b1", { business: { name: "B" } });
    await client().post("/things", { a: {}, b: {} });
    expect(seen).toEqual([
      { contact: { notes: "x", idempotency_id: expect.stringMatching(/^[0-9a-f]{32}$/) } },
      { business: { name: "B" } },
      { a: {}, b: {} },
    ]);
  });

  test("a POST whose every try failed after Sage may have acted says so; one that never got through does not", async () => {
    posts([503], [503], [503], [503]);
    expect(await failureOf(client().post("/contacts", { contact: { name: "A" } }))).toMatch(
      /^Sage API error 503 on POST \/contacts: .*Sage may have created the record before this failure/,
    );
    posts([422, [{ $message: "Name can't be blank." }]]);
    expect(await failureOf(client().post("/contacts", { contact: {} }))).toBe(
      "Sage API error 422 on POST /contacts: Name can't be blank.",
    );
  });
});

describe("redirects, body size, subscriptions and periods", () => {
  test("a 302 is not followed: the create fails naming the status, and the other host is never called", async () => {
    const elsewhere = nock("https://elsewhere.example").get("/x").reply(200, { looks: "like success" });
    sageApi().post(`${BASE_PATH}/contacts`).reply(302, "", { Location: "https://elsewhere.example/x" });
    expect(await failureOf(client().post("/contacts", { contact: { name: "A" } }))).toBe(
      "Sage API error 302 on POST /contacts: empty response body. Sage answered with a redirect, which is never followed.",
    );
    expect(elsewhere.isDone()).toBe(false);
    nock.cleanAll();
  });

  test("a body over Sage's 5 MB is refused before sending, naming the limit", async () => {
    // Nothing is mocked and net connect is off: a request would fail with another message.
    const notes = "x".repeat(MAX_BODY_BYTES);
    expect(await failureOf(client().post("/contacts", { contact: { notes } }))).toMatch(
      /^The request body for POST \/contacts is 5,000,0\d\d bytes: Sage accepts at most 5,000,000 bytes \(5 MB\) per request, so nothing was sent\./,
    );
  });

  test("401 No active subscription (MSE) says the subscription lapsed, not to reconnect", async () => {
    sageApi().get(`${BASE_PATH}/contacts`).reply(401, subscriptionFailure);
    const error = await client()
      .get("/contacts")
      .catch((e: Error) => e);
    expect(error).not.toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toBe(
      "Sage API error 401 on GET /contacts: No active subscription. (MSE). The connected Sage business has no active subscription: renew it in Sage (reconnecting does not help).",
    );
  });

  test.each([
    [[{ $dataCode: "AuthorizationFailure", $message: "No active subscription. (MRF)" }]],
    [[{ $dataCode: "AuthorizationFailure", $message: "Your subscription has expired" }]],
  ])("401 %j is a lapsed subscription too", async (body) => {
    sageApi().get(`${BASE_PATH}/contacts`).reply(401, body);
    expect(await failureOf(client().get("/contacts"))).toContain("has no active subscription");
  });

  test("any other 401 stays a ConnectionError that says reconnect", async () => {
    sageApi()
      .get(`${BASE_PATH}/contacts`)
      .reply(401, [{ $dataCode: "AuthenticationFailed", $message: "Token expired." }]);
    const error = await client()
      .get("/contacts")
      .catch((e: Error) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toBe(
      "Sage API error 401 on GET /contacts: Token expired. The access token was rejected: reconnect the Sage connection.",
    );
  });

  test("Sage's $message ending with a period gives one period, not two", async () => {
    sageApi()
      .get(`${BASE_PATH}/contacts/x`)
      .reply(404, [{ $message: "Couldn't find Supplier." }, { $message: "Also this.", $source: "id" }]);
    expect(await failureOf(client().get("/contacts/x"))).toBe(
      "Sage API error 404 on GET /contacts/x: Couldn't find Supplier; Also this (field: id).",
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

describe("rate limit", () => {
  const saved = { ...sageRateLimitPolicy };
  afterEach(() => Object.assign(sageRateLimitPolicy, saved));

  test("requests of one business wait for a slot; another business has its own budget", async () => {
    Object.assign(sageRateLimitPolicy, { limit: 2, windowMs: 400 });
    const arrivals: Record<string, number[]> = { b1: [], b2: [] };
    sageApi()
      .get(`${BASE_PATH}/countries`)
      .times(7)
      .reply(function () {
        arrivals[String(this.req.headers["x-business"])].push(Date.now());
        return [200, {}];
      });
    const b1 = createSageClient(testConnection({ businessId: "b1" }));
    const b2 = createSageClient(testConnection({ businessId: "b2" }));
    const started = Date.now();
    await Promise.all([
      ...Array.from({ length: 5 }, () => b1.get("/countries")),
      b2.get("/countries"),
      b2.get("/countries"),
    ]);
    // b1: two at once, two more once the first two answers are 400 ms old, the fifth after 800 ms;
    // b2's two go out at once, before b1's third.
    const b1Waits = arrivals.b1.map((at) => at - started);
    expect(b1Waits.slice(2, 4).every((ms) => ms >= 400)).toBe(true);
    expect(b1Waits[4]).toBeGreaterThanOrEqual(800);
    expect(Math.max(...arrivals.b1.slice(0, 2), ...arrivals.b2)).toBeLessThan(arrivals.b1[2]);
  });
});
