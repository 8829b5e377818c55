import type { SageChangeRecord } from "../../src/triggers/changes";
import {
  overdueChange,
  passes,
  readStatusState,
  sortStatusChanges,
  type StatusState,
} from "../../src/triggers/invoiceStatuses";

const MARK = "2026-03-10T09:00:00Z";
const invoice = (id: string, status: string, dueDate = "2026-03-31"): SageChangeRecord => ({
  id,
  displayed_as: id,
  created_at: "2026-03-01T09:00:00Z",
  updated_at: "2026-03-10T09:05:00Z",
  status: { id: status, displayed_as: status, $path: `/artefact_statuses/${status}` },
  due_date: dueDate,
});
const state = (open: StatusState["open"], overdueFrom = "2026-03-10"): StatusState => ({
  mark: MARK,
  seen: {},
  open,
  overdueFrom,
});
const moves = (result: ReturnType<typeof sortStatusChanges>) =>
  result.changes.map((change) => `${change.id}: ${change.previous_status} -> ${change.status}`);

describe("status changes", () => {
  const previous = state({
    U: ["UNPAID", "2026-03-31"],
    P: ["PART_PAID", "2026-03-31"],
    D: ["DRAFT", "2026-03-31"],
    SAME: ["UNPAID", "2026-03-31"],
  });

  test("an open invoice whose status moved is delivered with its previous and new status; an edit without a move is not", () => {
    const updated = [
      invoice("U", "PART_PAID"),
      invoice("P", "PAID"),
      invoice("D", "UNPAID"),
      invoice("SAME", "UNPAID"),
    ];
    const result = sortStatusChanges({ created: [], updated, current: updated }, previous, "2026-03-10");
    expect(moves(result)).toEqual(["U: UNPAID -> PART_PAID", "P: PART_PAID -> PAID", "D: DRAFT -> UNPAID"]);
    expect(result.changes[0]).toEqual({
      id: "U",
      displayed_as: "U",
      previous_status: "UNPAID",
      status: "PART_PAID",
      became_overdue: false,
      invoice: updated[0],
    });
  });

  test("an invoice not tracked as open was PAID: a deleted payment (back to UNPAID) or a void is a move from PAID; another edit is not", () => {
    const updated = [invoice("WAS_PAID", "UNPAID"), invoice("VOIDED", "VOID"), invoice("STILL_PAID", "PAID")];
    const result = sortStatusChanges({ created: [], updated, current: updated }, previous, "2026-03-10");
    expect(moves(result)).toEqual(["WAS_PAID: PAID -> UNPAID", "VOIDED: PAID -> VOID"]);
  });

  test("a new invoice in its first status (DRAFT, UNPAID) is no change; one already paid or void is, from null", () => {
    const created = [invoice("N1", "UNPAID"), invoice("N2", "DRAFT"), invoice("N3", "PAID"), invoice("N4", "VOID")];
    const result = sortStatusChanges({ created, updated: [], current: created }, previous, "2026-03-10");
    expect(moves(result)).toEqual(["N3: null -> PAID", "N4: null -> VOID"]);
  });
});

describe("the state holds only open invoices", () => {
  test("paid and void invoices leave it, new open ones enter it, with their due dates", () => {
    const current = [invoice("U", "PAID"), invoice("P", "VOID"), invoice("N", "UNPAID", "2026-04-01")];
    const result = sortStatusChanges(
      { created: [current[2]], updated: current.slice(0, 2), current },
      state({ U: ["UNPAID", "2026-03-31"], P: ["PART_PAID", "2026-03-31"], K: ["DRAFT", null] }),
      "2026-03-10",
    );
    expect(result.open).toEqual({ N: ["UNPAID", "2026-04-01"], K: ["DRAFT", null] });
  });

  test("bound: after 500 invoices are raised and 480 of them paid, the state has exactly the 20 open ones", () => {
    let current: StatusState = state({});
    const raised = Array.from({ length: 500 }, (_, n) => invoice(`I${n}`, "UNPAID"));
    current = {
      ...current,
      open: sortStatusChanges({ created: raised, updated: [], current: raised }, current, "2026-03-10").open,
    };
    expect(Object.keys(current.open)).toHaveLength(500);
    const paid = raised.slice(0, 480).map(({ id }) => invoice(id, "PAID"));
    const result = sortStatusChanges({ created: [], updated: paid, current: paid }, current, "2026-03-10");
    expect(result.changes).toHaveLength(480);
    expect(Object.keys(result.open).sort()).toEqual(
      raised
        .slice(480)
        .map(({ id }) => id)
        .sort(),
    );
  });
});

describe("overdue", () => {
  const open = state(
    {
      DUE_9: ["UNPAID", "2026-03-09"],
      DUE_10: ["PART_PAID", "2026-03-10"],
      DUE_11: ["UNPAID", "2026-03-11"],
      OLD: ["UNPAID", "2026-02-01"],
      DRAFT: ["DRAFT", "2026-03-10"],
    },
    "2026-03-10",
  );
  const nothing = { created: [], updated: [], current: [] };

  test("on a later day, the open invoices due from overdueFrom to yesterday are overdue, once", () => {
    expect(sortStatusChanges(nothing, open, "2026-03-10")).toMatchObject({ overdue: [], overdueFrom: "2026-03-10" });
    const nextDay = sortStatusChanges(nothing, open, "2026-03-11");
    expect(nextDay).toMatchObject({ overdue: ["DUE_10"], overdueFrom: "2026-03-11" });
    const later = sortStatusChanges(nothing, { ...open, overdueFrom: nextDay.overdueFrom }, "2026-03-13");
    expect(later.overdue).toEqual(["DUE_11"]);
  });

  test("an invoice paid in the same poll is not overdue", () => {
    const paid = [invoice("DUE_10", "PAID", "2026-03-10")];
    expect(sortStatusChanges({ created: [], updated: paid, current: paid }, open, "2026-03-11").overdue).toEqual([]);
  });

  test("an overdue event keeps the status and says became_overdue", () => {
    expect(overdueChange(invoice("X", "UNPAID"))).toMatchObject({
      previous_status: "UNPAID",
      status: "UNPAID",
      became_overdue: true,
    });
  });
});

test("Only These Statuses filters on the new status, OVERDUE on became_overdue", () => {
  const paid = { ...overdueChange(invoice("X", "PAID")), became_overdue: false };
  const overdue = overdueChange(invoice("Y", "UNPAID"));
  expect([paid, overdue].filter((change) => passes(change, ["PAID"])).map(({ id }) => id)).toEqual(["X"]);
  expect([paid, overdue].filter((change) => passes(change, ["OVERDUE"])).map(({ id }) => id)).toEqual(["Y"]);
  expect([paid, overdue].filter((change) => passes(change, undefined))).toHaveLength(2);
});

test("readStatusState needs the window and its own fields; drops malformed entries", () => {
  const window = { mark: MARK, seen: {} };
  expect(readStatusState({ mark: MARK }, window)).toBeUndefined();
  expect(readStatusState({ overdueFrom: "2026-03-10", open: { A: ["UNPAID", "2026-03-31"], B: 5 } }, window)).toEqual({
    ...window,
    open: { A: ["UNPAID", "2026-03-31"] },
    overdueFrom: "2026-03-10",
  });
  expect(readStatusState({ overdueFrom: "2026-03-10", open: {} }, undefined)).toBeUndefined();
});
