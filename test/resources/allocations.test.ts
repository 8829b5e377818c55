import spec from "../../sandbox/openapi/accounting-v3.1-2023.openapi.json";
import component from "../../src";
import { contactAllocations, unallocatedArtefacts } from "../../src/resources/contactAllocations";

// The allocation declarations are not in RESOURCES (their create is the checked Apply action, not
// the generic create the lifecycle suite runs), so their spec checks are here.
const paths = spec.paths as Record<string, Record<string, { parameters?: { name: string }[] }>>;

describe.each([contactAllocations, unallocatedArtefacts].map((resource) => [resource.plural, resource] as const))(
  "%s",
  (_, resource) => {
    test("every list filter is sent under a query parameter Sage's GET of the path takes", () => {
      const queries = (paths[resource.path]?.get?.parameters ?? []).map((parameter) => parameter.name);
      for (const [key, filter] of Object.entries(resource.filters))
        expect([key, queries.includes(filter.query)]).toEqual([key, true]);
    });

    test("each operation exists in Sage's spec and in the component", () => {
      for (const [names, method, path] of [
        [resource.list, "get", resource.path],
        [resource.get, "get", `${resource.path}/{key}`],
        [resource.delete, "delete", `${resource.path}/{key}`],
      ] as const) {
        if (!names) continue;
        expect([names.key, Boolean(paths[path]?.[method])]).toEqual([names.key, true]);
        expect(component.actions[names.key].display.label).toBe(names.label);
      }
    });
  },
);

test("the composite actions are in the component, Idempotency Key last", () => {
  for (const key of ["applyCreditToInvoices", "refundSalesInvoice", "recordSalesInvoicePayment"]) {
    const inputs = component.actions[key].inputs.map((input) => input.key);
    expect([key, inputs.at(-1)]).toEqual([key, "idempotencyKey"]);
  }
  const payment = component.actions.recordSalesInvoicePayment.inputs.map((input) => input.label);
  // The new input comes after the ones the action had, before Idempotency Key.
  expect(payment.slice(-2)).toEqual(["Additional Invoice Allocations", "Idempotency Key"]);
});
