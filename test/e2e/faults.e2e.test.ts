import { withSandbox } from "./withSandbox";

// The client's retry policy against real failures: a write Sage may have processed is never sent twice.
const sage = withSandbox();

beforeEach(() => {
  sage.sandbox().setFaults(null);
  sage.sandbox().clearLog();
});

const posts = () => sage.sandbox().requestLog.filter((entry) => entry.method === "POST");
const contactsNamed = (name: string) =>
  sage
    .sandbox()
    .store.list("contacts")
    .filter((c) => c.name === name);

test("a 503 after Sage processed a POST is retried with the same idempotency_id: one contact, no duplicate", async () => {
  sage.sandbox().setFaults({ methods: ["POST"], sequence: [{ kind: "503", when: "after" }] });
  const { data } = await sage.run("createContact", { name: "Once Only Ltd", contactTypeIds: "CUSTOMER" });
  expect(posts().map((entry) => [entry.status, entry.processed, entry.replayed ?? false])).toEqual([
    [503, true, false],
    [201, true, true],
  ]);
  expect(posts()[1].idempotencyId).toBe(posts()[0].idempotencyId);
  expect(contactsNamed("Once Only Ltd")).toEqual([expect.objectContaining({ id: data.id })]);
});

test("a dropped connection after a processed POST is retried the same way", async () => {
  sage.sandbox().setFaults({ methods: ["POST"], sequence: [{ kind: "drop", when: "after" }] });
  const { data } = await sage.run("createContact", { name: "Dropped Once Ltd", contactTypeIds: "CUSTOMER" });
  expect(posts().map((entry) => entry.replayed ?? false)).toEqual([false, true]);
  expect(contactsNamed("Dropped Once Ltd")).toEqual([expect.objectContaining({ id: data.id })]);
});

test("a 429 on a POST (never processed) is retried and the contact is created once", async () => {
  sage.sandbox().setFaults({ methods: ["POST"], sequence: ["429"] });
  const { data } = await sage.run("createContact", { name: "Retried Ltd", contactTypeIds: "CUSTOMER" });
  expect(data.name).toBe("Retried Ltd");
  expect(posts().map((entry) => [entry.status, entry.processed])).toEqual([
    [429, false],
    [201, true],
  ]);
  expect(contactsNamed("Retried Ltd")).toHaveLength(1);
});

test("GETs are retried through 500s, 503s and drops", async () => {
  sage.sandbox().setFaults({ sequence: ["500", "drop", "503"] });
  const { data } = await sage.run("listCurrencies");
  expect(data.$total).toBe(4);
  expect(sage.sandbox().requestLog.map((entry) => entry.status)).toEqual([500, null, 503, 200]);
});
