import component from "../../src";
import { RESOURCES } from "../../src/resources";
import { EXAMPLE_TRIGGER_PAYLOAD } from "../../src/triggers/examplePayloads";
import type { Sandbox } from "../../sandbox";
import { type harness as Harness, withSandbox } from "./withSandbox";

interface ScenarioResults {
  actions: Record<string, unknown>;
  dataSources: Record<string, unknown>;
  triggers: Record<string, unknown>;
}

// The scenario that produced src/examplePayloads/ (scripts/example-payloads.js, plain JS shared with
// the generator): the test runs exactly those steps, on the TypeScript sources.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { runScenario } = require("../../scripts/example-payloads") as {
  runScenario: (
    harness: typeof Harness,
    connection: unknown,
    sandbox: Sandbox,
    resources: typeof RESOURCES,
  ) => Promise<ScenarioResults>;
};

type JsonType = "string" | "number" | "boolean" | "null" | "object" | "array";

const typeOf = (value: unknown): JsonType => {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value as JsonType;
};

/**
 * Every key path of a JSON value with the JSON type found there, e.g. `data.$items[].contact.id` →
 * string. An array's items are described by its first item (an empty array by nothing more).
 */
export const shapeOf = (value: unknown): Map<string, JsonType> => {
  const shape = new Map<string, JsonType>();
  const walk = (node: unknown, path: string) => {
    shape.set(path, typeOf(node));
    if (Array.isArray(node)) {
      if (node.length) walk(node[0], `${path}[]`);
    } else if (node && typeof node === "object") {
      for (const [key, entry] of Object.entries(node)) walk(entry, path ? `${path}.${key}` : key);
    }
  };
  // As a flow sees it: JSON (undefined dropped, header objects plain).
  walk(JSON.parse(JSON.stringify(value ?? null)), "");
  return shape;
};

/** What differs between the example's shape and the real result's: one line per path, none when they match. */
export const shapeDiff = (example: unknown, real: unknown): string[] => {
  const wanted = shapeOf(real);
  const shown = shapeOf(example);
  const problems: string[] = [];
  for (const [path, type] of wanted) {
    const name = path || "(root)";
    if (!shown.has(path)) problems.push(`${name}: missing from the example (real: ${type})`);
    else if (shown.get(path) !== type) problems.push(`${name}: example has ${shown.get(path)}, real is ${type}`);
  }
  for (const [path, type] of shown) {
    if (!wanted.has(path)) problems.push(`${path || "(root)"}: only in the example (${type})`);
  }
  return problems;
};

const sage = withSandbox();
let results: ScenarioResults;

// The whole scenario in one hook: about 30 s alone, twice that on a busy 2-core machine.
beforeAll(async () => {
  results = await runScenario(sage.harness, sage.connection(), sage.sandbox(), RESOURCES);
}, 180_000);

const actionKeys = Object.keys(component.actions).sort();
const dataSourceKeys = Object.keys(component.dataSources).sort();
const triggerKeys = Object.keys(component.triggers).sort();

describe("coverage", () => {
  test("every action, data source and trigger has an example payload", () => {
    const without = (definitions: Record<string, { examplePayload?: unknown }>) =>
      Object.keys(definitions).filter((key) => definitions[key].examplePayload === undefined);
    expect({
      actions: without(component.actions),
      dataSources: without(component.dataSources),
      triggers: without(component.triggers),
    }).toEqual({ actions: [], dataSources: [], triggers: [] });
  });

  test("the scenario runs every action, data source and trigger", () => {
    expect(Object.keys(results.actions).sort()).toEqual(actionKeys);
    expect(Object.keys(results.dataSources).sort()).toEqual(dataSourceKeys);
    expect(Object.keys(results.triggers).sort()).toEqual(triggerKeys);
  });
});

describe("an example has the shape of what the action really returns", () => {
  test.each(actionKeys)("%s", (key) => {
    const real = results.actions[key] as { data: unknown; contentType?: string };
    if (Buffer.isBuffer(real.data)) {
      // A file: the example is a file of the same content type (its bytes differ, by nature).
      const example = component.actions[key].examplePayload as { data: unknown; contentType?: string };
      expect([Buffer.isBuffer(example.data), example.contentType]).toEqual([true, real.contentType]);
      return;
    }
    expect(shapeDiff(component.actions[key].examplePayload, results.actions[key])).toEqual([]);
  });
});

describe("an example has the shape of what the data source really returns", () => {
  test.each(dataSourceKeys)("%s", (key) => {
    const real = results.dataSources[key] as { result: unknown[] };
    expect(real.result.length).toBeGreaterThan(0);
    expect(shapeDiff(component.dataSources[key].examplePayload, real)).toEqual([]);
  });
});

describe("an example has the shape of what the trigger really delivers", () => {
  interface Polled {
    payload: { body: { data: Record<string, unknown[]> } };
  }

  test.each(triggerKeys)("%s", (key) => {
    const example = component.triggers[key].examplePayload as Polled & { polledNoChanges: boolean };
    const real = results.triggers[key] as Polled & { resultType: string };
    // Every list ({ created, updated }, { deleted }, { changes }) is compared item by item below, so the poll must have filled each.
    const lists = Object.values(real.payload.body.data);
    expect(lists.length).toBeGreaterThan(0);
    for (const list of lists) expect(list.length).toBeGreaterThan(0);
    expect(shapeDiff(example.payload.body, real.payload.body)).toEqual([]);
    // The rest of the payload is the platform's (Spectral's TriggerPayload), the same fields either way.
    expect(Object.keys(example.payload).sort()).toEqual(Object.keys(real.payload).sort());
    expect(example.polledNoChanges).toBe(false);
    expect(real.resultType).toBe("completed");
  });

  test("the platform part is shared by every trigger", () => {
    for (const key of triggerKeys) {
      const { payload } = component.triggers[key].examplePayload as { payload: Record<string, unknown> };
      expect({ ...payload, body: EXAMPLE_TRIGGER_PAYLOAD.body }).toEqual(EXAMPLE_TRIGGER_PAYLOAD);
    }
  });
});

describe("the shape check", () => {
  const real = {
    data: {
      id: "abc",
      total: 12.5,
      notes: null,
      contact: { id: "c1", displayed_as: "Acme" },
      lines: [{ id: "l1", quantity: 2 }],
      tags: [],
    },
  };
  const drifted = (change: (copy: typeof real) => void) => {
    const copy = structuredClone(real);
    change(copy);
    return shapeDiff(copy, real);
  };

  test("accepts the same shape with other values and other array lengths", () => {
    expect(
      shapeDiff(
        {
          data: {
            id: "xyz",
            total: 1,
            notes: null,
            contact: { id: "c2", displayed_as: "Bright" },
            lines: [
              { id: "l2", quantity: 1 },
              { id: "l3", quantity: 5 },
            ],
            tags: [],
          },
        },
        real,
      ),
    ).toEqual([]);
  });

  test("reports a missing key, an extra key, another type and a null where the real result has a value", () => {
    expect(drifted((copy) => delete (copy.data.contact as Partial<typeof copy.data.contact>).displayed_as)).toEqual([
      "data.contact.displayed_as: missing from the example (real: string)",
    ]);
    expect(drifted((copy) => Object.assign(copy.data, { status: "PAID" }))).toEqual([
      "data.status: only in the example (string)",
    ]);
    expect(drifted((copy) => Object.assign(copy.data, { total: "12.5" }))).toEqual([
      "data.total: example has string, real is number",
    ]);
    expect(drifted((copy) => Object.assign(copy.data, { id: null }))).toEqual([
      "data.id: example has null, real is string",
    ]);
    expect(drifted((copy) => Object.assign(copy.data, { notes: "Thanks" }))).toEqual([
      "data.notes: example has string, real is null",
    ]);
  });

  test("looks inside arrays, and an example list cannot show items the real one does not have", () => {
    expect(drifted((copy) => Object.assign(copy.data.lines[0], { quantity: [2] }))).toEqual([
      "data.lines[].quantity: example has array, real is number",
      "data.lines[].quantity[]: only in the example (number)",
    ]);
    expect(drifted((copy) => Object.assign(copy.data, { lines: [] }))).toEqual([
      "data.lines[]: missing from the example (real: object)",
      "data.lines[].id: missing from the example (real: string)",
      "data.lines[].quantity: missing from the example (real: number)",
    ]);
    expect(drifted((copy) => Object.assign(copy.data, { tags: ["vip"] }))).toEqual([
      "data.tags[]: only in the example (string)",
    ]);
  });

  test("catches a drifted example of the component (a renamed field in Get Contact's)", () => {
    const example = structuredClone(component.actions.getContact.examplePayload) as { data: Record<string, unknown> };
    example.data.telephone = example.data.email;
    delete example.data.email;
    expect(shapeDiff(example, results.actions.getContact)).toEqual([
      "data.email: missing from the example (real: null)",
      "data.telephone: only in the example (null)",
    ]);
  });
});
