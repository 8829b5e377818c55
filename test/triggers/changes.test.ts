import fc from "fast-check";
import {
  latestVersions,
  readState,
  SETTLE_MARGIN_MS,
  type SageChangeRecord,
  sageTimestamp,
  settleCap,
  sortChanges,
} from "../../src/triggers/changes";

const MARK = "2026-02-01T10:00:00Z";
const at = (minutes: number) => new Date(Date.parse(MARK) + minutes * 60_000).toISOString().replace(/\.000Z$/, "Z");
const rec = (id: string, created: number, updated: number, extra: Record<string, unknown> = {}): SageChangeRecord => ({
  id,
  created_at: at(created),
  updated_at: at(updated),
  ...extra,
});
const ids = (records: SageChangeRecord[]) => records.map(({ id }) => id);

describe("readState", () => {
  test.each([undefined, {}, { mark: 5 }, { mark: "not a date" }, { mark: "" }])(
    "%p is no state (first poll)",
    (raw) => {
      expect(readState(raw as Record<string, unknown> | undefined)).toBeUndefined();
    },
  );

  test("keeps the mark and only well-formed seen entries", () => {
    expect(readState({ mark: MARK, seen: { A: MARK, B: 3, C: null } })).toEqual({ mark: MARK, seen: { A: MARK } });
    expect(readState({ mark: MARK, seen: ["A"] })).toEqual({ mark: MARK, seen: {} });
  });
});

describe("created or updated", () => {
  const previous = { mark: MARK, seen: { SEEN_AT_MARK: MARK, CREATED_AT_MARK_SEEN: MARK } };

  test.each([
    ["created after the mark", "created", rec("N", 5, 5)],
    ["created after the mark and edited since", "created", rec("N", 5, 9)],
    ["created exactly at the mark, never handled", "created", rec("N", 0, 0)],
    ["created before the mark, edited after it", "updated", rec("U", -60, 5)],
    ["created before the mark, edited exactly at it, never handled", "updated", rec("U", -60, 0)],
    ["created at the mark, already handled, edited since", "updated", rec("CREATED_AT_MARK_SEEN", 0, 3)],
    ["handled at the mark, edited since", "updated", rec("SEEN_AT_MARK", -60, 3)],
    ["no created_at", "updated", { id: "X", updated_at: at(2) }],
    ["handled at the mark and unchanged", "skipped", rec("SEEN_AT_MARK", -60, 0)],
  ])("%s: %s", (_, expected, record) => {
    const { created, updated } = sortChanges([record], previous);
    expect(created.length ? "created" : updated.length ? "updated" : "skipped").toBe(expected);
  });

  test("records are delivered whole, as Sage sent them", () => {
    const record = rec("N", 5, 5, { name: "Acme", contact_types: [{ id: "CUSTOMER" }] });
    expect(sortChanges([record], { mark: MARK, seen: {} }).created).toEqual([record]);
  });
});

describe("the next state", () => {
  test("no records: the state is unchanged", () => {
    const previous = { mark: MARK, seen: { A: MARK } };
    expect(sortChanges([], previous, Date.parse(at(10)))).toEqual({ created: [], updated: [], state: previous });
  });

  test("the mark moves to the newest updated_at, and seen keeps every record at that time (and drops older ones)", () => {
    const { state } = sortChanges([rec("A", 1, 4), rec("B", 2, 7), rec("C", 3, 7)], {
      mark: MARK,
      seen: { OLD: MARK },
    });
    expect(state).toEqual({ mark: at(7), seen: { B: at(7), C: at(7) } });
  });

  test("the mark keeps Sage's own text for the timestamp", () => {
    const record = { id: "A", created_at: "2026-02-01T11:00:00+01:00", updated_at: "2026-02-01T11:05:00+01:00" };
    expect(sortChanges([record], { mark: MARK, seen: {} }).state.mark).toBe("2026-02-01T11:05:00+01:00");
  });

  test("the mark is held back to the cap, and everything from there on is remembered", () => {
    const cap = Date.parse(at(5));
    const { state } = sortChanges([rec("A", 1, 4), rec("B", 2, 6), rec("C", 3, 8)], { mark: MARK, seen: {} }, cap);
    expect(state).toEqual({ mark: at(5), seen: { B: at(6), C: at(8) } });
  });

  test("a cap before the previous mark never moves the mark back", () => {
    const { state } = sortChanges([rec("A", 1, 4)], { mark: MARK, seen: {} }, Date.parse(at(-5)));
    expect(state).toEqual({ mark: MARK, seen: { A: at(4) } });
  });

  test("without the cap a change made after its page was read would fall behind the mark", () => {
    // X changed at +1 after its page was read (we saw its old version); Y changed at +2 and was seen.
    const seenInPoll = [rec("X", -60, -30), rec("Y", -60, 2)];
    expect(sortChanges(seenInPoll, { mark: at(-120), seen: {} }).state.mark).toBe(at(2)); // X@+1 < mark: lost
    const capped = sortChanges(seenInPoll, { mark: at(-120), seen: {} }, Date.parse(at(0)));
    expect(Date.parse(capped.state.mark)).toBeLessThanOrEqual(Date.parse(at(1))); // X@+1 is polled again
  });

  test("settleCap is Sage's Date header minus the margin, or nothing without a usable header", () => {
    expect(settleCap("Sun, 01 Feb 2026 10:00:00 GMT")).toBe(Date.parse(MARK) - SETTLE_MARGIN_MS);
    expect(settleCap(undefined)).toBeUndefined();
    expect(settleCap("garbage")).toBeUndefined();
  });
});

test("sageTimestamp rounds down to whole seconds, in UTC", () => {
  expect(sageTimestamp(Date.parse("2026-02-01T10:00:00.999Z"))).toBe("2026-02-01T10:00:00Z");
});

test("latestVersions keeps one entry per id, its newest version", () => {
  const result = latestVersions([
    rec("A", 0, 1, { v: 1 }),
    rec("B", 0, 1),
    rec("A", 0, 3, { v: 3 }),
    rec("A", 0, 2, { v: 2 }),
  ]);
  expect(result.map(({ id, v }) => [id, v])).toEqual([
    ["A", 3],
    ["B", undefined],
  ]);
});

test("the result does not depend on the order Sage lists records in", () => {
  const record = fc.record({
    id: fc.constantFrom("A", "B", "C", "D", "E"),
    created: fc.integer({ min: -5, max: 5 }),
    grow: fc.integer({ min: 0, max: 5 }),
  });
  fc.assert(
    fc.property(
      fc.array(record, { maxLength: 12 }),
      fc.dictionary(fc.constantFrom("A", "B", "C"), fc.integer({ min: 0, max: 3 })),
      fc.option(fc.integer({ min: -3, max: 12 }), { nil: undefined }),
      fc.func(fc.integer()),
      (specs, seenMinutes, capMinutes, rank) => {
        // One version per (id, updated_at), as Sage would serve it.
        const records = [
          ...new Map(
            specs.map(({ id, created, grow }) => [`${id}@${created + grow}`, rec(id, created, created + grow)]),
          ).values(),
        ];
        const previous = {
          mark: MARK,
          seen: Object.fromEntries(Object.entries(seenMinutes).map(([id, m]) => [id, at(m)])),
        };
        const cap = capMinutes === undefined ? undefined : Date.parse(at(capMinutes));
        const shuffled = [...records].sort((a, b) => rank(a.id + a.updated_at) - rank(b.id + b.updated_at));
        const one = sortChanges(records, previous, cap);
        const two = sortChanges(shuffled, previous, cap);
        expect(ids(two.created).sort()).toEqual(ids(one.created).sort());
        expect(ids(two.updated).sort()).toEqual(ids(one.updated).sort());
        expect(two.state).toEqual(one.state);
      },
    ),
  );
});
