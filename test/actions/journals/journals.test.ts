import { schemaProblems } from "../../sageSchema";
import { BASE_PATH, captureBody, failureOf, runAction, sageApi, useNock } from "../../helpers";

useNock();

const RENT = "a5fe7e0e2d3a4c1d9f6d6c2f0e4b8a11";
const BANK = "b6fe7e0e2d3a4c1d9f6d6c2f0e4b8a22";
const JOURNAL = { id: "c7fe7e0e2d3a4c1d9f6d6c2f0e4b8a33", displayed_as: "ACCRUAL-1", $path: "/journals/c7fe" };

const lines = (debit: number, credit: number) =>
  JSON.stringify([
    { ledger_account_id: RENT, debit, credit: 0, details: "January rent" },
    { ledger_account_id: BANK, debit: 0, credit },
  ]);

describe("Create Journal", () => {
  test("POSTs /journals with the lines under Sage's names, both sides sent; the body passes Sage's postJournals", async () => {
    const sent = captureBody("post", "/journals", JOURNAL);
    const { data } = (await runAction("createJournal", {
      // The written day, whatever the zone: 2026-01-30 in UTC and west of it, so a local-date bug shows.
      date: "2026-01-31T01:00:00+05:00",
      reference: " ACCRUAL-1 ",
      description: "Month-end accrual",
      journalLines: lines(1250.5, 1250.5),
    })) as { data: unknown };
    expect(data).toEqual(JOURNAL);
    expect(sent.body).toEqual({
      journal: {
        date: "2026-01-31",
        reference: "ACCRUAL-1",
        description: "Month-end accrual",
        journal_lines: [
          { ledger_account_id: RENT, debit: 1250.5, credit: 0, details: "January rent" },
          { ledger_account_id: BANK, debit: 0, credit: 1250.5 },
        ],
      },
    });
    // The idempotency_id (checked by captureBody) is Sage's guide's, not in its Swagger.
    expect(schemaProblems("postJournals", sent.body)).toEqual([]);
  });

  test("the same Idempotency Key sends the same idempotency_id in the journal wrapper", async () => {
    const first = captureBody("post", "/journals", JOURNAL);
    const second = captureBody("post", "/journals", JOURNAL);
    const params = {
      date: "2026-01-31",
      reference: "PAYROLL-01",
      journalLines: lines(10, 10),
      idempotencyKey: "run-42",
    };
    await runAction("createJournal", params);
    await runAction("createJournal", params);
    expect(first.idempotencyId).toBe(second.idempotencyId);
  });

  test.each([
    [
      "debits and credits differ by a cent",
      lines(100.01, 100),
      'Invalid "Journal Lines": the debits (100.01) must equal the credits (100.00); they differ by 0.01.',
    ],
    [
      "0.1 + 0.2 of debits against 0.3 of credit balances in cents, yet 3 decimals do not pass",
      JSON.stringify([
        { ledger_account_id: RENT, debit: 0.1, credit: 0 },
        { ledger_account_id: RENT, debit: 0.2, credit: 0 },
        { ledger_account_id: BANK, debit: 0, credit: 0.301 },
      ]),
      'Invalid "Journal Lines": line 3 (index 2): "credit" must be a number of 0 or more with at most 2 decimal places, got 0.301.',
    ],
    [
      "a line with both sides",
      JSON.stringify([
        { ledger_account_id: RENT, debit: 5, credit: 5 },
        { ledger_account_id: BANK, debit: 0, credit: 0 },
      ]),
      'Invalid "Journal Lines": line 1 (index 0): give either a debit or a credit greater than 0, not both.',
    ],
    [
      "a line with neither side",
      JSON.stringify([{ ledger_account_id: RENT, debit: 5 }, { ledger_account_id: BANK }]),
      'Invalid "Journal Lines": line 2 (index 1): give either a debit or a credit greater than 0, not neither.',
    ],
    [
      "a negative amount",
      JSON.stringify([
        { ledger_account_id: RENT, debit: -5, credit: 0 },
        { ledger_account_id: BANK, debit: 0, credit: -5 },
      ]),
      'Invalid "Journal Lines": line 1 (index 0): "debit" must be a number of 0 or more with at most 2 decimal places, got -5.',
    ],
    [
      "an amount as text",
      JSON.stringify([
        { ledger_account_id: RENT, debit: "5", credit: 0 },
        { ledger_account_id: BANK, debit: 0, credit: 5 },
      ]),
      'Invalid "Journal Lines": line 1 (index 0): "debit" must be a number of 0 or more with at most 2 decimal places, got "5".',
    ],
    [
      "the template's placeholder id",
      JSON.stringify([
        { ledger_account_id: "string", debit: 5, credit: 0 },
        { ledger_account_id: BANK, debit: 0, credit: 5 },
      ]),
      'Invalid "Journal Lines": line 1 (index 0): "ledger_account_id" must be a ledger account\'s Sage Id, got "string".',
    ],
    [
      "a camelCase field",
      JSON.stringify([
        { ledgerAccountId: RENT, debit: 5, credit: 0 },
        { ledger_account_id: BANK, debit: 0, credit: 5 },
      ]),
      'Invalid "Journal Lines": line 1 (index 0): unknown field "ledgerAccountId"; allowed fields: ledger_account_id, debit, credit, details, include_on_tax_return.',
    ],
    [
      "one line",
      JSON.stringify([{ ledger_account_id: RENT, debit: 5, credit: 0 }]),
      'Invalid "Journal Lines": expected at least two journal lines (a debit and a credit), got [{"ledger_account_id":"a5fe7e0e2d3a4c1d9f6d6c2f0e4b8a11","debit":5,"credit":0}].',
    ],
    ["not JSON", "[{", 'Invalid "Journal Lines": expected valid JSON'],
  ])("%s: refused naming the input, no request sent", async (_, journalLines, message) => {
    // No interceptor and no net connect (useNock): a request would fail with nock's own error, not this one.
    const error = await failureOf(runAction("createJournal", { date: "2026-01-31", reference: "J", journalLines }));
    expect(error.slice(0, message.length)).toBe(message);
  });

  test("a missing reference is refused naming it", async () => {
    expect(await failureOf(runAction("createJournal", { date: "2026-01-31", journalLines: lines(1, 1) }))).toBe(
      'Invalid "Reference": expected a value; this input is required.',
    );
  });
});

describe("Get, List, Delete and Reissue Journal", () => {
  test("Get: GET /journals/{id} with attributes=all", async () => {
    sageApi().get(`${BASE_PATH}/journals/${JOURNAL.id}`).query({ attributes: "all" }).reply(200, JOURNAL);
    expect(((await runAction("getJournal", { journalId: JOURNAL.id })) as { data: unknown }).data).toEqual(JOURNAL);
  });

  test("Delete: DELETE /journals/{id}, answered with what was deleted", async () => {
    sageApi().delete(`${BASE_PATH}/journals/${JOURNAL.id}`).reply(204);
    expect(((await runAction("deleteJournal", { journalId: JOURNAL.id })) as { data: unknown }).data).toEqual({
      deleted: true,
      id: JOURNAL.id,
    });
  });

  test("Reissue: POST /journals/{id}/reissue with no body", async () => {
    sageApi()
      .post(`${BASE_PATH}/journals/${JOURNAL.id}/reissue`, (body) => body === "" || Object.keys(body).length === 0)
      .reply(201, JOURNAL);
    expect(((await runAction("reissueJournal", { journalId: JOURNAL.id })) as { data: unknown }).data).toEqual(JOURNAL);
  });

  test("an id that could change the path is refused before any request", async () => {
    expect(await failureOf(runAction("reissueJournal", { journalId: "../contacts" }))).toMatch(/^Invalid "Journal Id"/);
  });
});
