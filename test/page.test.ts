import component from "../src";
import { sageOAuth } from "../src/connections";
import seed from "./fixtures/seed-actions.json";

/**
 * The component against Prismatic's Sage Accounting page (test/fixtures/seed-actions.json):
 * every action's label and description, and every input's label, comment and default in the
 * page's order. The only differences allowed are the deliberate ones listed here (README:
 * "Deviations from Prismatic's Sage page").
 */

interface Row {
  label: string;
  comments: string;
  default: string;
}

const BANK_ACCOUNT_COMMENTS: Record<string, string> = {
  "Bank Account Id": "Provide the unique identifier of the bank account linked to the main address.",
  "Delivery Address Bank Account Id":
    "Provide the unique identifier of the bank account linked to the delivery address.",
};
const TRI_STATE_ON_UPDATE: Record<string, string[]> = {
  "Update Contact": ["Is Main Address"],
  "Update Ledger Account": ["Include In Chart"],
};

/** Inputs for what real Sage sends only when asked (README: "What real Sage sends"), after the page's inputs. */
const GET_EXTRAS: Record<string, string[]> = {
  "Get Contact": ["Include Balance"],
  "Get Sales Invoice": ["Include Payment Allocations"],
  "Get Purchase Invoice": ["Include Payment Allocations"],
};

/** The page's invoice-lines template is HTML with a trailing comma; ours is the same template as valid JSON. */
const pageTemplateAsJson = (value: string) =>
  JSON.parse(
    value
      .replace(/<\/?code>/g, "")
      .replace(/<br \/>/g, "\n")
      .replace(/,(\s*})/g, "$1"),
  ) as unknown;

/** A page row as this component must have it. */
const expected = (action: string, row: Row): Row => ({
  label: row.label,
  comments: BANK_ACCOUNT_COMMENTS[row.label] ?? row.comments,
  default: TRI_STATE_ON_UPDATE[action]?.includes(row.label) ? "" : row.default,
});

const rowsOf = (inputs: { label: string; comments?: string; default?: unknown }[]): Row[] =>
  inputs.map((input) => ({
    label: input.label,
    comments: input.comments ?? "",
    default: input.default === undefined ? "" : String(input.default),
  }));

const actionsByLabel = new Map(Object.values(component.actions).map((action) => [action.display.label, action]));

describe.each(seed.actions.map((action) => [action.label, action] as const))("%s", (label, page) => {
  const action = actionsByLabel.get(label)!;

  test("exists with the page's description", () => {
    expect(action).toBeDefined();
    if (label === "Delete Sales Invoice") {
      // Deliberate: the description also says that Sage voids non-draft invoices and needs a reason.
      expect(action.display.description.startsWith(page.description)).toBe(true);
    } else {
      expect(action.display.description).toBe(page.description);
    }
  });

  test("has the page's inputs, comments and defaults, in the page's order", () => {
    const ours = rowsOf(action.inputs);
    const want = page.inputs.map((row) => expected(label, row));
    // List actions add Fetch All, Attributes and filters after the page's inputs; Delete Sales Invoice adds Void Reason;
    // creates add Idempotency Key, last; gets add what Sage sends only on request (balance, payment allocations).
    const creates = label.startsWith("Create ");
    const mayExtend = label.startsWith("List ") || label === "Delete Sales Invoice" || creates || label in GET_EXTRAS;
    if (creates) expect(ours.slice(want.length).map((row) => row.label)).toEqual(["Idempotency Key"]);
    if (label in GET_EXTRAS) expect(ours.slice(want.length).map((row) => row.label)).toEqual(GET_EXTRAS[label]);
    const compared = mayExtend ? ours.slice(0, want.length) : ours;
    const isLines = (row: Row) => row.label === "Invoice Lines";
    expect(compared.map((row) => (isLines(row) ? { ...row, default: "" } : row))).toEqual(
      want.map((row) => (isLines(row) ? { ...row, default: "" } : row)),
    );
    const lines = compared.find(isLines);
    if (lines) {
      const pageLines = want.find(isLines)!;
      expect(JSON.parse(lines.default)).toEqual(pageTemplateAsJson(pageLines.default));
    }
  });
});

test("the OAuth 2.0 connection shows the page's inputs, comments and defaults, then Business Id", () => {
  const [page] = seed.connections;
  expect(sageOAuth.display).toEqual({ label: page.label, description: page.description });
  const shown = Object.values(sageOAuth.inputs).filter((input) => !("shown" in input) || input.shown !== false);
  expect(rowsOf(shown).slice(0, page.inputs.length)).toEqual(page.inputs);
  expect(shown.map((input) => input.label)).toEqual([...page.inputs.map((row) => row.label), "Business Id"]);
});

test("every page action is in the component", () => {
  expect(seed.actions.filter((action) => !actionsByLabel.has(action.label)).map((a) => a.label)).toEqual([]);
});

test("every data source an input points at is registered", () => {
  const referenced = Object.values(component.actions).flatMap((action) =>
    (action.inputs as { dataSource?: string }[]).flatMap((input) => input.dataSource ?? []),
  );
  expect(referenced.length).toBeGreaterThan(10);
  expect([...new Set(referenced)].filter((key) => !(key in component.dataSources))).toEqual([]);
});
