import { component } from "@prismatic-io/spectral";
import { examplePayloadOf } from "./examplePayloads";
import { EXAMPLE_TRIGGER_PAYLOAD } from "./triggers/examplePayloads";
import { withData } from "./triggers/poller";

/**
 * Spectral's `component()`, with each action, trigger and data source converted when it is first
 * read, and its example payload looked up when that is first read.
 *
 * Why: Prismatic loads the component for every flow step it runs and reads the one action (or
 * trigger, or data source) the step uses. Converting all 162 of them up front (Spectral deep-copies
 * every input, ~970 of them, and writes out every output schema) and unpacking every example
 * payload (~340 KB of JSON) was ~40% of each cold require (bench: 169 → 109 ms), work no step uses. Prism reads them
 * all when the component is published, and gets the same values: each item is converted by
 * Spectral's own `component()` (test/componentOnDemand.test.ts compares it with converting the
 * whole definition at once).
 *
 * Example payloads: the generated src/examplePayloads/ holds every one by its key, what the
 * component really returns (scripts/example-payloads.js), so no definition repeats it; a definition
 * that declares its own (the file downloads) keeps it.
 */

type ComponentDefinition = Parameters<typeof component>[0];
type Converted = ReturnType<typeof component>;
type Kind = "actions" | "triggers" | "dataSources";
const KINDS: readonly Kind[] = ["actions", "triggers", "dataSources"];

/** `target[name]` becomes `compute()` on its first read: an enumerable property like any other. */
const onFirstRead = (target: object, name: string, compute: () => unknown) =>
  Object.defineProperty(target, name, {
    enumerable: true,
    configurable: true,
    get: () => {
      const value = compute();
      Object.defineProperty(target, name, { value, enumerable: true, configurable: true, writable: true });
      return value;
    },
  });

/** What a converted item without an example of its own shows: a polling trigger's is the platform's payload with Sage's part as `body.data`. */
const exampleOf = (kind: Kind, key: string) =>
  kind === "triggers"
    ? { payload: withData(EXAMPLE_TRIGGER_PAYLOAD, examplePayloadOf(key)), polledNoChanges: false }
    : examplePayloadOf(key);

export const componentOnDemand = (definition: ComponentDefinition): Converted => {
  const none = { actions: {}, triggers: {}, dataSources: {} };
  const converted = component({ ...definition, ...none });
  for (const kind of KINDS) {
    const items: Record<string, unknown> = definition[kind] ?? {};
    for (const [key, item] of Object.entries(items)) {
      onFirstRead(converted[kind], key, () => {
        // The component's other fields go along (the error hook, the key); the connections are converted once, above.
        const one = component({ ...definition, ...none, connections: [], [kind]: { [key]: item } })[kind][key];
        if (one.examplePayload === undefined) onFirstRead(one, "examplePayload", () => exampleOf(kind, key));
        return one;
      });
    }
  }
  return converted;
};
