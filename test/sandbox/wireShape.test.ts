import { classifyDifferences, compareShapes, shapeOf } from "../../sandbox/wireShape";
import contactsList from "../fixtures/sage-recordings/contacts-list.json";

describe("wire shape comparison", () => {
  test("an answer has the same shape as itself", () => {
    expect(compareShapes(contactsList, contactsList)).toEqual([]);
  });

  test("a decimal sent as a number where Sage sends a string is a type difference", () => {
    const reference = { credit_limit: "6000.0", credit_days: 30 };
    expect(compareShapes(reference, { credit_limit: 6000, credit_days: 30 })).toEqual([
      { path: "$.credit_limit", kind: "type", expected: "string", actual: "integer" },
    ]);
  });

  test("missing keys are reported once per subtree, newer keys as extra, nulls never as a type", () => {
    const reference = { main_address: { city: "Leeds", postal_code: "LS1" }, balance: null, items: [{ a: 1 }] };
    const actual = { balance: "10.0", items: [{ a: 2.5, b: true }], is_active: true };
    expect(compareShapes(reference, actual)).toEqual([
      { path: "$.main_address", kind: "missing", expected: "object" },
      { path: "$.items[].b", kind: "extra", actual: "boolean" },
      { path: "$.is_active", kind: "extra", actual: "boolean" },
    ]);
  });

  test("the shape holds types only, never values", () => {
    const shape = [...shapeOf({ name: "Acme Ltd", total: "12.5" }).values()];
    expect(shape).toEqual(["object", "string", "string"]);
  });
});

describe("differences between answers holding different records", () => {
  test("keys below a null or inside an empty array are unseen, newer keys are apart, the rest differ", () => {
    const sandbox = {
      $items: [{ id: "a", total: 12.5, main_address: null, lines: [] }],
      delivery_address: { city: "Leeds" },
      $total: 1,
    };
    const sage = {
      $items: [{ id: "b", total: "12.5", main_address: { city: "Hull" }, lines: [{ quantity: "1.0" }], links: [] }],
      delivery_address: null,
      $total: 1,
    };
    expect(classifyDifferences(sandbox, sage)).toEqual({
      differences: [{ path: "$.$items[].total", kind: "type", expected: "number", actual: "string" }],
      newer: [{ path: "$.$items[].links", kind: "extra", actual: "array" }],
      unseen: [
        { path: "$.delivery_address.city", kind: "missing", expected: "string" },
        { path: "$.$items[].main_address.city", kind: "extra", actual: "string" },
        { path: "$.$items[].lines[]", kind: "extra", actual: "object" },
      ],
    });
  });

  test("a key missing from an object that is there on both sides is a difference", () => {
    expect(classifyDifferences({ a: { b: 1, c: 2 } }, { a: { b: 1 } }).differences).toEqual([
      { path: "$.a.c", kind: "missing", expected: "integer" },
    ]);
  });
});
