import fs from "fs";
import os from "os";
import path from "path";
import axios from "axios";
import { type Sandbox, startSandbox } from "../../sandbox";
import { api, customer, sageError } from "./client";

describe("rate limit", () => {
  let clock = new Date("2026-01-01T00:00:00.000Z");
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ rateLimit: { limit: 3, windowMs: 60_000 }, now: () => clock });
  });
  afterAll(() => sandbox.stop());

  // Per business and 429 are Sage's guide (200 calls a minute per business); the fixed window and the
  // Retry-After header are the sandbox's own choices: no source shows Sage sending Retry-After.
  test("per business: over the limit is 429 in Sage's error shape with Retry-After (the sandbox's own choice), until the window ends", async () => {
    const lead = api(sandbox);
    for (let i = 0; i < 3; i++) expect((await lead.get("/countries")).status).toBe(200);
    const limited = await lead.get("/countries");
    expect(limited.status).toBe(429);
    expect(limited.headers["retry-after"]).toBe("60");
    expect(limited.data).toEqual([sageError("", /Too many requests/, "TooManyRequests")]);

    // The other business has its own budget.
    expect((await api(sandbox, { business: sandbox.businesses.second }).get("/countries")).status).toBe(200);

    clock = new Date("2026-01-01T00:00:45.500Z");
    expect((await lead.get("/countries")).headers["retry-after"]).toBe("15");
    clock = new Date("2026-01-01T00:01:00.000Z");
    expect((await lead.get("/countries")).status).toBe(200);
  });

  test("setRateLimit(null) lifts it", async () => {
    sandbox.setRateLimit(null);
    for (let i = 0; i < 5; i++) expect((await api(sandbox).get("/countries")).status).toBe(200);
  });
});

describe("faults", () => {
  const statuses = async (sandbox: Sandbox, n: number) => {
    const out: (number | string)[] = [];
    for (let i = 0; i < n; i++) {
      const response = await api(sandbox).get("/countries");
      out.push(response.status);
    }
    return out;
  };

  test("the same seed gives the same faults on the same requests; another seed differs", async () => {
    const run = async (seed: number) => {
      const sandbox = await startSandbox({ faults: { rate: 0.5, kinds: ["500", "503"], seed } });
      try {
        return await statuses(sandbox, 24);
      } finally {
        await sandbox.stop();
      }
    };
    const first = await run(42);
    expect(first).toContain(500);
    expect(first).toContain(503);
    expect(first).toContain(200);
    expect(await run(42)).toEqual(first);
    expect(await run(7)).not.toEqual(first);
  });

  describe("scripted", () => {
    let sandbox: Sandbox;
    beforeAll(async () => {
      sandbox = await startSandbox();
    });
    afterAll(() => sandbox.stop());
    beforeEach(() => {
      sandbox.setFaults(null);
      sandbox.clearLog();
    });

    test("a 503 AFTER processing: the write happened and the log says so", async () => {
      sandbox.setFaults({ methods: ["POST"], sequence: [{ kind: "503", when: "after" }] });
      const before = sandbox.store.count("contacts");
      const response = await api(sandbox).post("/contacts", customer("Written Anyway Ltd"));
      expect(response.status).toBe(503);
      expect(response.data).toContain("Service Temporarily Unavailable");
      expect(sandbox.store.count("contacts")).toBe(before + 1);
      expect(sandbox.requestLog).toEqual([
        expect.objectContaining({
          method: "POST",
          path: "/contacts",
          status: 503,
          processed: true,
          fault: { kind: "503", when: "after" },
        }),
      ]);
      // The sequence is spent: the next POST is normal.
      expect((await api(sandbox).post("/contacts", customer("Second Ltd"))).status).toBe(201);
    });

    test("a 500 BEFORE processing: nothing was written", async () => {
      sandbox.setFaults({ sequence: ["500"] });
      const before = sandbox.store.count("contacts");
      const response = await api(sandbox).post("/contacts", customer("Never Written Ltd"));
      expect(response.status).toBe(500);
      expect(response.data).toEqual([sageError("", /unexpected error/, "UnexpectedError")]);
      expect(sandbox.store.count("contacts")).toBe(before);
      expect(sandbox.requestLog[0]).toMatchObject({ status: 500, processed: false });
    });

    test("drop destroys the socket without an answer (before or after processing)", async () => {
      sandbox.setFaults({ sequence: [{ kind: "drop", when: "after" }] });
      const before = sandbox.store.count("contacts");
      await expect(api(sandbox).post("/contacts", customer("Dropped Ltd"))).rejects.toMatchObject({
        code: "ECONNRESET",
      });
      expect(sandbox.store.count("contacts")).toBe(before + 1);
      expect(sandbox.requestLog[0]).toMatchObject({
        status: null,
        processed: true,
        fault: { kind: "drop", when: "after" },
      });
    });

    test("slow holds the answer for slowMs; paths and methods limit where faults apply", async () => {
      sandbox.setFaults({ sequence: ["slow"], slowMs: 400, paths: ["/contacts"] });
      expect((await api(sandbox).get("/countries")).status).toBe(200);
      const client = axios.create({
        baseURL: sandbox.url,
        headers: { Authorization: `Bearer ${sandbox.token}` },
        timeout: 100,
      });
      await expect(client.get("/contacts")).rejects.toMatchObject({ code: "ECONNABORTED" });
      expect(sandbox.requestLog.map((e) => e.fault?.kind ?? null)).toEqual([null, "slow"]);
    });

    test("a 429 fault carries Retry-After (the sandbox's own choice) and is never 'after'", async () => {
      sandbox.setFaults({ rate: 1, kinds: ["429"], when: "after" });
      const response = await api(sandbox).get("/countries");
      expect(response.status).toBe(429);
      expect(response.headers["retry-after"]).toBe("1");
      expect(sandbox.requestLog[0]).toMatchObject({ processed: false, fault: { kind: "429", when: "before" } });
    });

    test("latency delays every answer", async () => {
      sandbox.setLatency(120);
      const started = Date.now();
      await api(sandbox).get("/countries");
      expect(Date.now() - started).toBeGreaterThanOrEqual(110);
      sandbox.setLatency(0);
    });
  });
});

describe("request log", () => {
  test("records method, path, query, headers with Authorization redacted, body, status and business", async () => {
    const sandbox = await startSandbox({ token: "secret-token-123" });
    try {
      await api(sandbox, { business: sandbox.businesses.second }).post("/contacts", customer("Logged Ltd"));
      await api(sandbox).get("/contacts", { search: "log" });
      const [post, get] = sandbox.requestLog;
      expect(post).toMatchObject({
        method: "POST",
        path: "/contacts",
        body: customer("Logged Ltd"),
        status: 201,
        processed: true,
        business: sandbox.businesses.second,
      });
      expect(post.headers.authorization).toBe("[REDACTED]");
      expect(post.headers["x-business"]).toBe(sandbox.businesses.second);
      expect(get).toMatchObject({
        method: "GET",
        path: "/contacts",
        query: { search: "log" },
        status: 200,
        business: sandbox.businesses.lead,
      });
      expect(JSON.stringify(sandbox.requestLog)).not.toContain("secret-token-123");
      sandbox.clearLog();
      expect(sandbox.requestLog).toEqual([]);
    } finally {
      await sandbox.stop();
    }
  });
});

describe("seed helper", () => {
  test("inserts n synthetic records that page like API-created ones", async () => {
    const sandbox = await startSandbox();
    try {
      const started = Date.now();
      const ids = sandbox.seed("contacts", 450);
      sandbox.seed("sales_invoices", 30);
      expect(Date.now() - started).toBeLessThan(2000);
      expect(ids).toHaveLength(450);
      const page = (await api(sandbox).get("/contacts", { items_per_page: 200, page: 3 })).data;
      // After the seed's 6 contacts and 1 sales invoice.
      expect(page).toMatchObject({ $total: 456, $page: 3, $next: null });
      expect(page.$items).toHaveLength(56);
      expect((await api(sandbox).get("/sales_invoices")).data.$total).toBe(31);
      expect(() => sandbox.seed("journals", 1)).toThrow(/Cannot seed journals/);
    } finally {
      await sandbox.stop();
    }
  });
});

describe("persistence (dataFile)", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "sage-sandbox-"));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("records and counters survive a restart", async () => {
    const file = path.join(dir, "company.json");
    const first = await startSandbox({ dataFile: file });
    const contact = (await api(first).post("/contacts", customer("Persistent Ltd"))).data;
    await first.stop();
    expect(JSON.parse(fs.readFileSync(file, "utf8")).version).toBe(1);

    const second = await startSandbox({ dataFile: file });
    try {
      // As the POST answered it: nested records in full, with the balance.
      const query = { nested_attributes: "all", show_balance: "true" };
      expect((await api(second).get(`/contacts/${contact.id}`, query)).data).toEqual(contact);
      expect(second.token).not.toBe(first.token);
    } finally {
      await second.stop();
    }
    expect(fs.readdirSync(dir)).toEqual(["company.json"]);
  });

  test("writes are atomic: a failed write leaves the previous file whole and no temp file", async () => {
    const file = path.join(dir, "company.json");
    const sandbox = await startSandbox({ dataFile: file });
    try {
      await api(sandbox).post("/contacts", customer("Before Failure Ltd"));
      sandbox.save();
      const good = fs.readFileSync(file, "utf8");
      await api(sandbox).post("/contacts", customer("During Failure Ltd"));
      const write = jest.spyOn(fs, "writeFileSync").mockImplementationOnce((target) => {
        // Simulate a crash half-way through writing the temp file.
        fs.appendFileSync(target, '{"half":');
        throw new Error("disk full");
      });
      expect(() => sandbox.save()).toThrow("disk full");
      write.mockRestore();
      expect(fs.readFileSync(file, "utf8")).toBe(good);
      expect(fs.readdirSync(dir).sort()).toEqual(["company.json", "company.json.lock"]);
    } finally {
      await sandbox.stop();
    }
    // Nothing was lost: stop() wrote the record the failed write did not.
    const names = JSON.parse(fs.readFileSync(file, "utf8")).data[sandbox.businesses.lead].collections.contacts.map(
      (contact: { name: string }) => contact.name,
    );
    expect(names).toEqual(expect.arrayContaining(["Before Failure Ltd", "During Failure Ltd"]));
    expect(fs.readdirSync(dir)).toEqual(["company.json"]);
  });

  test("a burst of writes costs a few file writes, and stop() writes the last of them", async () => {
    const file = path.join(dir, "company.json");
    const sandbox = await startSandbox({ dataFile: file });
    const write = jest.spyOn(fs, "writeFileSync");
    try {
      for (let i = 0; i < 30; i++) await api(sandbox).post("/contacts", customer(`Burst ${i} Ltd`));
    } finally {
      await sandbox.stop();
      write.mockRestore();
    }
    // Each write is the whole file: one per change would make thousands of creates take minutes.
    expect(write.mock.calls.filter(([target]) => String(target).endsWith(".tmp")).length).toBeLessThan(10);
    const saved = JSON.parse(fs.readFileSync(file, "utf8")).data[sandbox.businesses.lead].collections.contacts;
    expect(saved.filter((contact: { name: string }) => contact.name.startsWith("Burst "))).toHaveLength(30);
  });

  test("a second sandbox on the same file is refused with the owner's process id, and may start once the first stops", async () => {
    const file = path.join(dir, "company.json");
    const first = await startSandbox({ dataFile: file });
    try {
      await expect(startSandbox({ dataFile: file })).rejects.toThrow(
        `Sandbox data file ${file} is in use by another sandbox in this process (lock file ${file}.lock)`,
      );
    } finally {
      await first.stop();
    }
    const second = await startSandbox({ dataFile: file });
    await second.stop();
    expect(fs.readdirSync(dir)).toEqual(["company.json"]);
  });

  test("a lock left by a process that is gone is taken over", async () => {
    const file = path.join(dir, "company.json");
    // Process ids are below 2^22 on Linux; this one cannot be running.
    fs.writeFileSync(`${file}.lock`, "2147483646");
    const sandbox = await startSandbox({ dataFile: file });
    expect(fs.readFileSync(`${file}.lock`, "utf8")).toBe(String(process.pid));
    await sandbox.stop();
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
  });

  test("a file that is not sandbox data is refused, not overwritten", async () => {
    const file = path.join(dir, "other.json");
    fs.writeFileSync(file, '{"something":"else"}');
    await expect(startSandbox({ dataFile: file })).rejects.toThrow(/not a sandbox data file/);
    expect(fs.readFileSync(file, "utf8")).toBe('{"something":"else"}');
  });
});

describe("clock", () => {
  test("the Date header follows the injected clock, as Sage's follows its own", async () => {
    const sandbox = await startSandbox({ now: () => new Date("2026-02-03T04:05:06.789Z") });
    try {
      expect((await api(sandbox).get("/countries")).headers.date).toBe("Tue, 03 Feb 2026 04:05:06 GMT");
      sandbox.setNow(() => new Date("2027-01-01T00:00:00Z"));
      expect((await api(sandbox).get("/countries")).headers.date).toBe("Fri, 01 Jan 2027 00:00:00 GMT");
    } finally {
      await sandbox.stop();
    }
  });
});

describe("Sage's idempotency (its Idempotency guide: idempotency_id in the resource wrapper, 7 days)", () => {
  let clock = new Date("2026-01-01T00:00:00.000Z");
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ now: () => clock });
  });
  afterAll(() => sandbox.stop());
  const ID = "0123456789abcdef0123456789abcdef";
  const withId = (body: { contact: Record<string, unknown> }, id = ID) => ({
    contact: { ...body.contact, idempotency_id: id },
  });

  test("a repeat within 7 days returns the first answer and creates nothing", async () => {
    const first = await api(sandbox).post("/contacts", withId(customer("Once Ltd")));
    expect(first.status).toBe(201);
    const repeat = await api(sandbox).post("/contacts", withId(customer("Once Ltd (renamed in the repeat)")));
    expect(repeat.status).toBe(201);
    expect(repeat.data).toEqual(first.data);
    expect(sandbox.store.list("contacts").filter((c) => c.name.startsWith("Once Ltd"))).toHaveLength(1);
    expect(sandbox.requestLog.slice(-2).map((entry) => entry.replayed ?? false)).toEqual([false, true]);
    // The id is not a field of the record (Sage's schema does not list it).
    expect(first.data).not.toHaveProperty("idempotency_id");
  });

  test("after 7 days the same id creates again", async () => {
    clock = new Date("2026-01-08T00:00:01.000Z");
    expect((await api(sandbox).post("/contacts", withId(customer("Once Ltd")))).status).toBe(201);
    expect(sandbox.store.list("contacts").filter((c) => c.name === "Once Ltd")).toHaveLength(2);
  });

  test("the id reused on another resource type: Sage's IdempotencyResourceMismatch, exactly as its guide prints it (the 422 status is the sandbox's own choice)", async () => {
    const response = await api(sandbox).post("/ledger_accounts", {
      ledger_account: {
        ledger_account_type_id: "SALES",
        included_in_chart: true,
        name: "Mismatch",
        display_name: "Mismatch",
        nominal_code: 4999,
        idempotency_id: ID,
      },
    });
    expect(response.status).toBe(422);
    expect(response.data).toEqual([
      { $severity: "error", $dataCode: "IdempotencyResourceMismatch", $message: "Entity type mismatch", $source: "" },
    ]);
  });

  test("a refused request is not remembered (the sandbox's choice): corrected, the same id creates", async () => {
    const id = "fedcba9876543210fedcba9876543210";
    const bad = await api(sandbox).post(
      "/contacts",
      withId({ contact: { name: "Fixed Ltd", contact_type_ids: ["NOPE"] } }, id),
    );
    expect(bad.status).toBe(422);
    expect((await api(sandbox).post("/contacts", withId(customer("Fixed Ltd"), id))).status).toBe(201);
  });

  test("a malformed id is refused (the sandbox's choice), naming the field", async () => {
    const response = await api(sandbox).post("/contacts", withId(customer("Bad Id Ltd"), "ABC"));
    expect(response.status).toBe(422);
    expect(response.data).toEqual([sageError("idempotency_id", /32 lowercase hexadecimal/)]);
  });
});

describe("other switches: 429 without Retry-After, a lapsed subscription, a body too large", () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.stop());

  test("rateLimit.retryAfter false answers 429 without the header (all any source shows of Sage)", async () => {
    sandbox.setRateLimit({ limit: 1, retryAfter: false });
    expect((await api(sandbox).get("/countries")).status).toBe(200);
    const limited = await api(sandbox).get("/countries");
    expect(limited.status).toBe(429);
    expect(limited.headers["retry-after"]).toBeUndefined();
    sandbox.setRateLimit(null);
  });

  test("setSubscriptionActive(false): every call gets Sage's 401 body from its guide", async () => {
    sandbox.setSubscriptionActive(false);
    const response = await api(sandbox).get("/contacts");
    sandbox.setSubscriptionActive(true);
    expect(response.status).toBe(401);
    expect(response.data).toEqual(
      JSON.parse(
        fs.readFileSync(path.join(__dirname, "../fixtures/sage-recordings/error-401-subscription.docs.json"), "utf8"),
      ),
    );
    expect((await api(sandbox).get("/contacts")).status).toBe(200);
  });

  test("a body over 5 MB is answered 413 and nothing is written (the sandbox's own choice: Sage resets the connection, which the drop fault plays)", async () => {
    const before = sandbox.store.count("contacts");
    const response = await axios.post(
      `${sandbox.url}/contacts`,
      customer("Huge Ltd", { notes: "x".repeat(5 * 1024 * 1024) }),
      {
        headers: { Authorization: `Bearer ${sandbox.token}` },
        validateStatus: () => true,
        maxBodyLength: Infinity,
      },
    );
    expect(response.status).toBe(413);
    expect(response.data).toEqual([sageError("", /Request body too large/, "PayloadTooLarge")]);
    expect(sandbox.store.count("contacts")).toBe(before);
  });
});

// The sandbox keeps what a list query matches while nothing is written (the sandbox's own choice,
// for speed: sandbox/index.js `listed`); every write, seed and restore must show in the next page.
describe("a list walk sees every change made since its last page", () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.stop());

  const totalOf = async (query: Record<string, unknown> = {}) =>
    (await api(sandbox).get("/contacts", { items_per_page: 1, ...query })).data.$total as number;

  test("after a create, an update that changes what matches, a delete, a seed and a restore", async () => {
    const lead = api(sandbox);
    const before = await totalOf();
    const snapshot = sandbox.snapshot();
    const created = await lead.post("/contacts", customer("Walk Probe Ltd", { reference: "WALK1" }));
    expect(created.status).toBe(201);
    expect(await totalOf()).toBe(before + 1);
    expect(await totalOf({ search: "Walk Probe" })).toBe(1);

    const renamed = await lead.put(`/contacts/${created.data.id}`, { contact: { name: "Renamed Probe Ltd" } });
    expect(renamed.status).toBe(200);
    expect(await totalOf({ search: "Walk Probe" })).toBe(0);

    expect((await lead.delete(`/contacts/${created.data.id}`)).status).toBe(204);
    expect(await totalOf()).toBe(before);

    sandbox.seed("contacts", 3);
    expect(await totalOf()).toBe(before + 3);
    sandbox.restore(snapshot);
    expect(await totalOf()).toBe(before);
  });

  test("each business's lists are kept apart", async () => {
    const second = sandbox.businesses.second;
    const lead = await totalOf();
    const other = (await api(sandbox, { business: second }).get("/contacts", { items_per_page: 1 })).data.$total;
    sandbox.seed("contacts", 2, { businessId: second });
    expect(await totalOf()).toBe(lead);
    expect((await api(sandbox, { business: second }).get("/contacts", { items_per_page: 1 })).data.$total).toBe(
      other + 2,
    );
  });
});
