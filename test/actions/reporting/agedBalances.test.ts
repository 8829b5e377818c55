import { agedBalancesOf, bucketOf, type OutstandingDocument } from "../../../src/actions/reporting/agedBalances";
import { BASE_PATH, envelope, failureOf, runAction, sageApi, useNock } from "../../helpers";

useNock();

const ACME = { id: "C1", displayed_as: "Acme" };
const BOLT = { id: "C2", displayed_as: "Bolt" };
const invoice = (id: string, dueDate: string, outstanding: number, contact = ACME, status = "UNPAID") => ({
  id,
  displayed_as: id,
  date: "2025-10-01",
  due_date: dueDate,
  outstanding_amount: outstanding,
  status: { id: status },
  contact,
});

describe("buckets by whole calendar days overdue", () => {
  test.each([
    [-5, "current"],
    [0, "current"],
    [1, "days1To30"],
    [30, "days1To30"],
    [31, "days31To60"],
    [60, "days31To60"],
    [61, "days61To90"],
    [90, "days61To90"],
    [91, "over90"],
  ])("%i days → %s", (days, bucket) => expect(bucketOf(days)).toBe(bucket));

  // These due dates straddle DST changes in Europe (29 March), the US (8 March) and New Zealand
  // (5 April): counting calendar days, not 24-hour spans, keeps each on its own side of a boundary
  // in every time zone (npm test runs west of UTC; also run with TZ=Pacific/Auckland).
  test.each([
    ["2026-03-31", "2026-03-01", 30, "days1To30"],
    ["2026-03-31", "2026-02-28", 31, "days31To60"],
    ["2026-04-30", "2026-03-31", 30, "days1To30"],
    ["2026-04-30", "2026-03-30", 31, "days31To60"],
    ["2026-04-06", "2026-04-06", 0, "current"],
  ])("as of %s, due %s: %i days, %s", (asOf, due, days, bucket) => {
    const [entry] = agedBalancesOf([invoice("SI-1", due, 10)], [], asOf).contacts;
    expect(entry.documents).toEqual([expect.objectContaining({ daysOverdue: days, bucket })]);
  });
});

describe("agedBalancesOf", () => {
  const invoices: OutstandingDocument[] = [
    invoice("SI-1", "2026-03-31", 100.1),
    invoice("SI-2", "2026-03-01", 0.2),
    invoice("SI-3", "2025-12-01", 50, BOLT),
    invoice("SI-4", "2026-01-01", 70, BOLT, "PAID"),
    invoice("SI-5", "2026-01-01", 80, BOLT, "VOID"),
    invoice("SI-6", "2026-01-01", 0, BOLT, "PART_PAID"),
    { ...invoice("SI-7", "2026-05-01", 9), date: "2026-04-01" },
  ];
  const creditNotes: OutstandingDocument[] = [
    {
      id: "SCN-1",
      displayed_as: "SCN-1",
      date: "2026-03-15",
      outstanding_amount: 0.3,
      status: { id: "UNPAID" },
      contact: ACME,
    },
  ];
  const result = agedBalancesOf(invoices, creditNotes, "2026-03-31");

  test("per contact and overall, credit notes negative (aged by their date), in cents", () => {
    expect(result.contacts.map(({ documents, ...totals }) => [totals, documents.length])).toEqual([
      [
        {
          contact: { id: "C1", displayedAs: "Acme" },
          current: 100.1,
          days1To30: -0.1,
          days31To60: 0,
          days61To90: 0,
          over90: 0,
          total: 100,
        },
        3,
      ],
      [
        {
          contact: { id: "C2", displayedAs: "Bolt" },
          current: 0,
          days1To30: 0,
          days31To60: 0,
          days61To90: 0,
          over90: 50,
          total: 50,
        },
        1,
      ],
    ]);
    expect(result.totals).toEqual({
      current: 100.1,
      days1To30: -0.1,
      days31To60: 0,
      days61To90: 0,
      over90: 50,
      total: 150,
    });
  });

  test("paid, void and settled documents and those dated after the as-of day are left out", () => {
    const ids = result.contacts.flatMap((entry) => entry.documents.map((doc) => (doc as { id: string }).id));
    expect(ids.sort()).toEqual(["SCN-1", "SI-1", "SI-2", "SI-3"]);
  });
});

describe("Get Aged Debtors / Aged Creditors", () => {
  test.each([
    ["getAgedDebtors", "/sales_invoices", "/sales_credit_notes"],
    ["getAgedCreditors", "/purchase_invoices", "/purchase_credit_notes"],
  ])("%s reads every page of %s and %s dated up to the as-of day", async (key, invoicesPath, creditNotesPath) => {
    const query = (page: number) => ({
      to_date: "2026-03-31",
      attributes: "date,due_date,outstanding_amount,status,contact",
      items_per_page: "200",
      page: String(page),
    });
    const paged = { itemsPerPage: 200, total: 201 };
    sageApi()
      .get(`${BASE_PATH}${invoicesPath}`)
      .query(query(1))
      .reply(200, envelope([invoice("I-1", "2026-02-28", 12.5)], { ...paged, page: 1 }));
    sageApi()
      .get(`${BASE_PATH}${invoicesPath}`)
      .query(query(2))
      .reply(200, envelope([invoice("I-2", "2026-03-31", 7.25)], { ...paged, page: 2 }));
    sageApi().get(`${BASE_PATH}${creditNotesPath}`).query(query(1)).reply(200, envelope([]));
    const { data } = (await runAction(key, { asOfDate: "2026-03-31" })) as { data: ReturnType<typeof agedBalancesOf> };
    // I-2, on the second page, is due on the day: current.
    expect(data.totals).toEqual({
      current: 7.25,
      days1To30: 0,
      days31To60: 12.5,
      days61To90: 0,
      over90: 0,
      total: 19.75,
    });
  });

  test("a bad as-of date is refused naming the input", async () => {
    expect(await failureOf(runAction("getAgedDebtors", { asOfDate: "31/03/2026" }))).toMatch(
      /^Invalid "As Of Date": expected a date/,
    );
  });
});
