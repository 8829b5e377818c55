import { type Sandbox, startSandbox } from "../../sandbox";
import { api, customer } from "./client";

// The sandbox's test aids (its own, not Sage's): snapshot/restore, the list order, the log's request target.
let clock = Date.parse("2026-03-01T09:00:00Z");
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ now: () => new Date(clock) });
});
afterAll(() => sandbox.stop());

const names = async () =>
  (
    (await api(sandbox).get("/contacts", { attributes: "name", items_per_page: 200, search: "Knob" })).data.$items as {
      name: string;
    }[]
  ).map((contact) => contact.name);

test("restore() brings back every business's records as snapshot() saw them: new ones gone, changed and deleted ones as they were", async () => {
  const kept = (await api(sandbox).post("/contacts", customer("Knob Kept Ltd"))).data;
  const deleted = (await api(sandbox).post("/contacts", customer("Knob Deleted Ltd"))).data;
  const before = sandbox.snapshot();
  const counted = sandbox.store.count("contacts");

  await api(sandbox).post("/contacts", customer("Knob New Ltd"));
  await api(sandbox).put(`/contacts/${kept.id}`, { contact: { name: "Knob Renamed Ltd" } });
  expect((await api(sandbox).delete(`/contacts/${deleted.id}`)).status).toBe(204);
  await api(sandbox, { business: sandbox.businesses.second }).post("/contacts", customer("Knob Second Ltd"));
  expect(await names()).toEqual(["Knob Renamed Ltd", "Knob New Ltd"]);

  sandbox.restore(before);
  expect(await names()).toEqual(["Knob Kept Ltd", "Knob Deleted Ltd"]);
  expect(sandbox.store.count("contacts")).toBe(counted);
  expect(sandbox.store.list("contacts", sandbox.businesses.second).map((contact) => contact.name)).not.toContain(
    "Knob Second Ltd",
  );
  expect((await api(sandbox).get(`/contacts/${deleted.id}`)).status).toBe(200);
});

test('setListOrder("updated_at"): a changed record moves to the end of the list; "created" puts it back', async () => {
  const [a, b] = [
    (await api(sandbox).post("/contacts", customer("Knob Order A"))).data,
    (await api(sandbox).post("/contacts", customer("Knob Order B"))).data,
  ];
  clock += 60_000;
  await api(sandbox).put(`/contacts/${a.id}`, { contact: { notes: "changed" } });
  const order = async () =>
    ((await api(sandbox).get("/contacts", { search: "Knob Order" })).data.$items as { id: string }[]).map(
      (contact) => contact.id,
    );
  sandbox.setListOrder("updated_at");
  expect(await order()).toEqual([b.id, a.id]);
  sandbox.setListOrder("created");
  expect(await order()).toEqual([a.id, b.id]);
});

test("the log keeps the request target as sent: percent-encoding, repeated and ordered query parameters", async () => {
  sandbox.clearLog();
  await api(sandbox).get("/contacts?search=a%20b&search=c&page=1");
  expect(sandbox.requestLog[0]).toMatchObject({
    path: "/contacts",
    target: "/v3.1/contacts?search=a%20b&search=c&page=1",
    query: { search: "c", page: "1" },
  });
});
