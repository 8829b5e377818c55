import { readFileSync } from "fs";
import { join } from "path";
import { type Sandbox, startSandbox } from "../../sandbox";
import { RECORDED_REQUESTS, type RecordedRequest, wireParity } from "../../sandbox/parity";
import { api, type Api } from "./client";

// The sandbox against recordings of real Sage (test/fixtures/sage-recordings/, provenance in
// test/fixtures/README.md): the same request gets an answer with every recorded key, each with the
// recorded JSON type ("6000.0" is a string, 30 an integer); keys of Sage's newer spec may be extra.

const recording = (file: string): unknown =>
  JSON.parse(readFileSync(join(__dirname, "..", "fixtures", "sage-recordings", file), "utf8"));

let sandbox: Sandbox;
let sage: Api;
const fetchJson = async (path: string, query: Record<string, string>) => (await sage.get(path, query)).data;

beforeAll(async () => {
  sandbox = await startSandbox();
  sage = api(sandbox);
});
afterAll(() => sandbox.stop());

/** The seeded records that play the recorded ones: a customer with addresses and people, its invoice. */
const idFor = async (request: RecordedRequest): Promise<string | undefined> => {
  if (request.path.startsWith("/contacts/"))
    return (await sage.get("/contacts", { search: "KIN001" })).data.$items[0].id;
  if (request.path.startsWith("/sales_invoices/")) return (await sage.get("/sales_invoices")).data.$items[0].id;
  return undefined;
};

test.each(RECORDED_REQUESTS.map((request) => [request.name, request] as const))(
  "%s: the sandbox's answer has every recorded key with the recorded JSON type",
  async (_name, request) => {
    const { differences } = await wireParity(request, recording(request.recording), fetchJson, await idFor(request));
    expect(differences).toEqual([]);
  },
);

test("the comparison fails an answer that differs from the recording", async () => {
  const [, nested] = RECORDED_REQUESTS;
  const id = await idFor(nested);
  // Without nested_attributes the addresses are links: their fields are missing.
  const linksOnly = { ...nested, query: { attributes: "all" } };
  const { differences } = await wireParity(linksOnly, recording(nested.recording), fetchJson, id);
  expect(differences).toContainEqual({ path: "$.main_address.city", kind: "missing", expected: "string" });
  // A decimal sent as a JSON number is a type difference.
  const asNumbers = async (path: string, query: Record<string, string>) => {
    const body = (await fetchJson(path, query)) as Record<string, unknown>;
    return { ...body, credit_limit: 6000.5 };
  };
  const typed = await wireParity(nested, recording(nested.recording), asNumbers, id);
  expect(typed.differences).toEqual([{ path: "$.credit_limit", kind: "type", expected: "string", actual: "number" }]);
});
