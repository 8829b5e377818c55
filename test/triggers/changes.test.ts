import fc from "fast-check";
import {
  latestVersions,
  readState,
  SETTLE_MARGIN_MS,
  type SageChangeRecord,
  sageTimestamp,
  settleCap,
  sortChanges,
  sortDeletions,
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

  test("the state of Prismatic's own Sage trigger ({ lastPolledAt }) is a mark to go on from", () => {
    expect(readState({ lastPolledAt: "2026-02-01T10:00:00.000Z" })).toEqual({
      mark: "2026-02-01T10:00:00.000Z",
      seen: {},
    });
    expect(readState({ lastPolledAt: "yesterday" })).toBeUndefined();
  });

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

describe("deletions (deleted_since is exclusive)", () => {
  const gone = (id: string, minutes: number) => ({ id, displayed_as: id, deleted_at: at(minutes) });

  test("delivers each new deletion; the mark is one second before the newest, which is remembered", () => {
    const { deleted, state } = sortDeletions([gone("A", 1), gone("B", 3)], { mark: MARK, seen: {} });
    expect(ids(deleted as SageChangeRecord[])).toEqual(["A", "B"]);
    expect(state).toEqual({ mark: sageTimestamp(Date.parse(at(3)) - 1000), seen: { B: at(3) } });
  });

  test("a deletion stamped exactly at the newest time, listed only by the next poll, is delivered; the remembered one is not", () => {
    const first = sortDeletions([gone("A", 3)], { mark: MARK, seen: {} });
    // Sage answers deleted_since = mark (one second before A) with A again and B, deleted in the same second.
    const second = sortDeletions([gone("A", 3), gone("B", 3)], first.state);
    expect(ids(second.deleted as SageChangeRecord[])).toEqual(["B"]);
    expect(second.state).toEqual({ mark: first.state.mark, seen: { A: at(3), B: at(3) } });
  });

  test("the mark is held back to the cap and never moves back; nothing new leaves the state as it was", () => {
    const capped = sortDeletions([gone("A", 1), gone("B", 8)], { mark: MARK, seen: {} }, Date.parse(at(5)));
    expect(capped.state).toEqual({ mark: sageTimestamp(Date.parse(at(5)) - 1000), seen: { B: at(8) } });
    const early = sortDeletions([gone("A", 1)], { mark: at(0), seen: {} }, Date.parse(at(-5)));
    expect(early.state.mark).toBe(at(0));
    expect(sortDeletions([], { mark: MARK, seen: { A: at(1) } })).toEqual({
      deleted: [],
      state: { mark: MARK, seen: { A: at(1) } },
    });
  });

  test.each([
    ["with Sage's Date header: commits up to 30 s late", true, 30],
    ["without a Date header: commits within the second", false, 1],
  ])("over any sequence of polls, every deletion is delivered exactly once (%s)", (_, dateHeader, maxLag) => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.integer({ min: 1, max: 90 }), lag: fc.integer({ min: 0, max: maxLag }) }), {
          maxLength: 30,
        }),
        fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 15 }),
        (deletions, gaps) => {
          const start = Date.parse(MARK);
          const second = (n: number) => new Date(start + n * 1000).toISOString().replace(".000Z", "Z");
          // Several deletions share a second; some are listed only after a poll that saw the others.
          const log = deletions.map((d, n) => ({ id: `D${n}`, deleted_at: second(d.at), visible: d.at + d.lag }));
          let state = { mark: second(0), seen: {} as Record<string, string> };
          const delivered: string[] = [];
          let now = 0;
          // Random polls, then one long after everything committed.
          for (const gap of [...gaps, 1000]) {
            now += gap;
            const answer = log.filter((d) => d.visible <= now && Date.parse(d.deleted_at) > Date.parse(state.mark));
            const result = sortDeletions(answer, state, dateHeader ? start + now * 1000 - SETTLE_MARGIN_MS : undefined);
            delivered.push(...result.deleted.map(({ id }) => id));
            state = result.state;
          }
          expect(delivered.sort()).toEqual(log.map(({ id }) => id).sort());
        },
      ),
      { numRuns: 300 },
    );
  });
});
