import * as spectral from "@prismatic-io/spectral";
import { componentOnDemand } from "../src/componentOnDemand";
import { examplePayloadOf } from "../src/examplePayloads";
import { EXAMPLE_TRIGGER_PAYLOAD } from "../src/triggers/examplePayloads";
import { definition } from "../src";

/**
 * src/componentOnDemand.ts converts each action, trigger and data source on its first read. What
 * Prismatic reads must be exactly what Spectral makes of the whole definition at once, plus the
 * example payloads; and loading must convert nothing.
 */

const KINDS = ["actions", "triggers", "dataSources"] as const;

/** A converted item as data: its functions (perform, cleaners) compared by kind only. */
const asData = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value, (_, v: unknown) => (typeof v === "function" ? "[function]" : v)));

describe("converted on demand", () => {
  const eager = spectral.component(definition);
  const onDemand = componentOnDemand(definition);

  test.each(KINDS)("%s: the same keys, in the same order", (kind) => {
    expect(Object.keys(onDemand[kind])).toEqual(Object.keys(eager[kind]));
    expect(Object.keys(onDemand[kind]).length).toBeGreaterThan(0);
  });

  test.each(KINDS)("%s: each item is what Spectral makes of the whole definition, plus its example", (kind) => {
    for (const key of Object.keys(eager[kind])) {
      const { examplePayload, ...rest } = onDemand[kind][key] as unknown as Record<string, unknown>;
      const { examplePayload: declared, ...expected } = eager[kind][key] as unknown as Record<string, unknown>;
      expect({ key, ...(asData(rest) as object) }).toEqual({ key, ...(asData(expected) as object) });
      const generated =
        kind === "triggers"
          ? { payload: { ...EXAMPLE_TRIGGER_PAYLOAD, body: { data: examplePayloadOf(key) } }, polledNoChanges: false }
          : examplePayloadOf(key);
      expect({ key, examplePayload }).toEqual({ key, examplePayload: declared ?? generated });
      expect({ key, hasExample: examplePayload !== undefined }).toEqual({ key, hasExample: true });
    }
  });

  test("the connection and the component's own fields are converted at once, as Spectral does", () => {
    const fields = (converted: object) =>
      asData(
        Object.fromEntries(Object.entries(converted).filter(([name]) => !(KINDS as readonly string[]).includes(name))),
      );
    expect(fields(onDemand)).toEqual(fields(eager));
  });

  test("an item converted on demand still goes through the component's error hook", async () => {
    const failing = spectral.action({
      display: { label: "Fail", description: "Throws" },
      inputs: {},
      perform: () => Promise.reject(new Error("raw")),
    });
    const converted = componentOnDemand({
      ...definition,
      actions: { failing },
      hooks: { error: (error) => new Error(`mapped: ${(error as Error).message}`) },
    });
    const perform = converted.actions.failing.perform as (context: unknown, params: unknown) => Promise<unknown>;
    await expect(perform({ logger: console, debug: { enabled: false } }, {})).rejects.toThrow("mapped: raw");
  });
});

describe("loading converts nothing", () => {
  afterEach(() => jest.restoreAllMocks());

  test("each item is converted on its first read, once; the others stay unconverted", () => {
    const convert = jest.spyOn(spectral, "component");
    const onDemand = componentOnDemand(definition);
    expect(convert).toHaveBeenCalledTimes(1);
    const isPending = (kind: (typeof KINDS)[number], key: string) =>
      typeof Object.getOwnPropertyDescriptor(onDemand[kind], key)?.get === "function";
    expect(KINDS.every((kind) => Object.keys(onDemand[kind]).every((key) => isPending(kind, key)))).toBe(true);

    const getContact = onDemand.actions.getContact;
    expect(onDemand.actions.getContact).toBe(getContact);
    expect(convert).toHaveBeenCalledTimes(2);
    expect(isPending("actions", "getContact")).toBe(false);
    expect(isPending("actions", "listContacts")).toBe(true);
    expect(isPending("triggers", "contactsChanged")).toBe(true);
  });
});
