import { compareShapes, shapeOf } from "../../sandbox/wireShape";
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
