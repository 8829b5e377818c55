import { api } from "../sandbox/client";
import { schemaProblems } from "../sageSchema";
import { failureOf, withSandbox } from "./withSandbox";

// Allocations and refunds end to end (issue 17): credit notes and payments on account applied to
// invoices, a multi-invoice payment, and Refund a Sales Invoice, through the component's actions
// over real HTTP against the sandbox. Every body sent must pass Sage's schema.
const sage = withSandbox();

beforeEach(() => sage.sandbox().clearLog());

const log = () => sage.sandbox().requestLog;
const writes = () => log().filter((entry) => entry.method !== "GET");
const store = () => sage.sandbox().store;
const bank = () => sage.bankAccountId(1200);
const balance = () => store().get("bank_accounts", bank())?.balance as number;
/** Status and outstanding amount of a stored invoice or credit note, as Sage would show them. */
const state = (collection: string, id: string) => {
  const record = store().get(collection, id)!;
  return [record.status.id, record.outstanding_amount];
};

/** Every POST of the test passes Sage's schema for its path. */
const expectBodiesPassSageSchema = () => {
  const definitions: Record<string, string> = {
    "/contact_allocations": "postContactAllocations",
    "/contact_payments": "postContactPayments",
    "/sales_credit_notes": "postSalesCreditNotes",
  };
  const checked = writes().filter((entry) => entry.path in definitions);
  expect(checked.length).toBeGreaterThan(0);
  for (const entry of checked)
    expect([entry.path, schemaProblems(definitions[entry.path], entry.body)]).toEqual([entry.path, []]);
};

let serial = 0;
/** A customer and sales invoices for it (one line each, no tax: the total is the unit price). */
const customerWith = async (...unitPrices: number[]) => {
  serial++;
  const { data: contact } = await sage.run("createContact", {
    name: `Refund ${serial} Ltd`,
    contactTypeIds: "CUSTOMER",
  });
  const invoices: { id: string; displayed_as: string }[] = [];
  for (const unitPrice of unitPrices) {
    const lines = [
      { description: "Blue Widget", ledger_account_id: sage.ledgerId(4000), quantity: 2, unit_price: unitPrice / 2 },
    ];
    invoices.push(
      (
        await sage.run("createSalesInvoice", {
          contactId: contact.id,
          date: "2026-01-31",
          invoiceLines: JSON.stringify(lines),
        })
      ).data,
    );
  }
  sage.sandbox().clearLog();
  return { contactId: contact.id as string, invoices };
};

const creditNote = async (contactId: string, amount: number) =>
  (
    await sage.run("createSalesCreditNote", {
      contactId,
      date: "2026-01-31",
      creditNoteLines: JSON.stringify([
        { description: "Returned", ledger_account_id: sage.ledgerId(4000), quantity: 1, unit_price: amount },
      ]),
    })
  ).data as { id: string; displayed_as: string };

describe("Apply Credit Note or Payment on Account to Invoices", () => {
  test("one credit note over two invoices: reads first, then one allocation Sage's schema accepts", async () => {
    const { contactId, invoices } = await customerWith(30, 50);
    const note = await creditNote(contactId, 60);
    sage.sandbox().clearLog();
    const { data } = await sage.run("applyCreditToInvoices", {
      creditType: "salesCreditNote",
      creditId: note.id,
      invoiceAllocations: JSON.stringify([{ invoice_id: invoices[0].id }, { invoice_id: invoices[1].id }]),
      date: "2026-02-01",
      idempotencyKey: "credit-7",
    });
    expect(log().map((entry) => [entry.method, entry.path])).toEqual([
      ["GET", `/sales_credit_notes/${note.id}`],
      ["GET", `/sales_invoices/${invoices[0].id}`],
      ["GET", `/sales_invoices/${invoices[1].id}`],
      ["POST", "/contact_allocations"],
    ]);
    // Without amounts the first invoice is paid in full and the second gets what is left.
    expect(log()[3].body).toEqual({
      contact_allocation: {
        transaction_type_id: "CUSTOMER_ALLOCATION",
        contact_id: contactId,
        date: "2026-02-01",
        allocated_artefacts: [
          { artefact_id: invoices[0].id, amount: 30 },
          { artefact_id: invoices[1].id, amount: 30 },
          { artefact_id: note.id, amount: -60 },
        ],
      },
    });
    expect(log()[3].idempotencyId).toMatch(/^[0-9a-f]{32}$/);
    expectBodiesPassSageSchema();
    expect(data.allocated_artefacts).toHaveLength(3);
    expect(state("sales_invoices", invoices[0].id)).toEqual(["PAID", 0]);
    expect(state("sales_invoices", invoices[1].id)).toEqual(["PART_PAID", 20]);
    expect(state("sales_credit_notes", note.id)).toEqual(["PAID", 0]);
    // List Unallocated Items no longer shows the credit note; Delete Contact Allocation gives it back.
    const listed = async () =>
      (await sage.run("listUnallocatedItems", { contactId, fetchAll: true })).data.$items.map(
        (i: { id: string }) => i.id,
      );
    expect(await listed()).toEqual([]);
    await sage.run("deleteContactAllocation", { contactAllocationId: data.id });
    expect(await listed()).toEqual([note.id]);
    expect(state("sales_invoices", invoices[0].id)).toEqual(["UNPAID", 30]);
  });

  test("over-allocation, another contact's invoice and a paid or void invoice are refused before any write", async () => {
    const { contactId, invoices } = await customerWith(30, 50, 40);
    const other = await customerWith(10);
    const note = await creditNote(contactId, 60);
    await sage.run("recordSalesInvoicePayment", { invoiceId: invoices[2].id, bankAccountId: bank() });
    sage.sandbox().clearLog();
    const apply = (allocations: unknown[]) =>
      failureOf(
        sage.run("applyCreditToInvoices", {
          creditType: "salesCreditNote",
          creditId: note.id,
          invoiceAllocations: JSON.stringify(allocations),
        }),
      );
    expect(
      await apply([
        { invoice_id: invoices[0].id, amount: 30 },
        { invoice_id: invoices[1].id, amount: 31 },
      ]),
    ).toBe(`Invalid "Invoice Allocations": expected amounts adding up to at most the credit available, 60.00 GBP.`);
    expect(await apply([{ invoice_id: invoices[0].id, amount: 30.01 }])).toBe(
      `Invalid "Invoice Allocations": expected at most the outstanding amount of sales invoice ${invoices[0].displayed_as}, 30.00 GBP, got 30.01.`,
    );
    expect(await apply([{ invoice_id: other.invoices[0].id }])).toBe(
      `Invalid "Invoice Allocations": expected invoices of one contact; sales invoice ${other.invoices[0].displayed_as} belongs to another contact.`,
    );
    expect(await apply([{ invoice_id: invoices[2].id }])).toBe(
      `Invalid "Invoice Allocations": expected an invoice with an amount outstanding; sales invoice ${invoices[2].displayed_as} has an outstanding amount of 0.00 GBP.`,
    );
    await sage.run("deleteSalesInvoice", { salesInvoiceId: invoices[1].id, voidReason: "Raised in error" });
    expect(await apply([{ invoice_id: invoices[1].id }])).toBe(
      `Invalid "Invoice Allocations": expected an invoice that can be paid; sales invoice ${invoices[1].displayed_as} is void.`,
    );
    expect(await apply([{ invoice_id: invoices[0].id }, { invoice_id: invoices[0].id }])).toMatch(
      /^Invalid "Invoice Allocations": expected each invoice once/,
    );
    // Reads only: the sandbox saw no allocation POST (the one DELETE is the void above).
    expect(log().filter((entry) => entry.method === "POST")).toEqual([]);
    expect(state("sales_credit_notes", note.id)).toEqual(["UNPAID", 60]);
  });

  test("a payment on account is applied by the Id of the payment that left it", async () => {
    const { contactId, invoices } = await customerWith(80);
    const { data: payment } = await api(sage.sandbox()).post("/contact_payments", {
      contact_payment: {
        transaction_type_id: "CUSTOMER_RECEIPT",
        contact_id: contactId,
        bank_account_id: bank(),
        date: "2026-01-31",
        total_amount: 50,
        payment_on_account: { contact_id: contactId, total_amount: 50 },
      },
    });
    const { data } = await sage.run("applyCreditToInvoices", {
      creditType: "paymentOnAccount",
      creditId: payment.id,
      invoiceAllocations: JSON.stringify([{ invoice_id: invoices[0].id }]),
    });
    expect(data.allocated_artefacts.map((a: { amount: number }) => Number(a.amount))).toEqual([50, -50]);
    expect(state("sales_invoices", invoices[0].id)).toEqual(["PART_PAID", 30]);
    expectBodiesPassSageSchema();
  });
});

describe("Record Sales Invoice Payment with Additional Invoice Allocations", () => {
  test("pays two invoices of one contact with one payment whose total is the sum", async () => {
    const { contactId, invoices } = await customerWith(30, 50);
    const before = balance();
    const { data } = await sage.run("recordSalesInvoicePayment", {
      invoiceId: invoices[0].id,
      bankAccountId: bank(),
      additionalInvoiceAllocations: JSON.stringify([{ invoice_id: invoices[1].id, amount: 20 }]),
    });
    expect(log().filter((entry) => entry.method === "POST")).toHaveLength(1);
    expect(log().at(-1)?.body).toMatchObject({
      contact_payment: {
        contact_id: contactId,
        total_amount: 50,
        allocated_artefacts: [
          { artefact_id: invoices[0].id, amount: 30 },
          { artefact_id: invoices[1].id, amount: 20 },
        ],
      },
    });
    expectBodiesPassSageSchema();
    expect(Number(data.total_amount)).toBe(50);
    expect(state("sales_invoices", invoices[0].id)).toEqual(["PAID", 0]);
    expect(state("sales_invoices", invoices[1].id)).toEqual(["PART_PAID", 30]);
    expect(balance()).toBe(before + 50);
  });

  test("an invoice of another contact or more than it owes is refused before any write", async () => {
    const { invoices } = await customerWith(30, 50);
    const other = await customerWith(10);
    sage.sandbox().clearLog();
    const pay = (allocations: unknown[]) =>
      failureOf(
        sage.run("recordSalesInvoicePayment", {
          invoiceId: invoices[0].id,
          bankAccountId: bank(),
          additionalInvoiceAllocations: JSON.stringify(allocations),
        }),
      );
    expect(await pay([{ invoice_id: other.invoices[0].id }])).toMatch(/belongs to another contact\.$/);
    expect(await pay([{ invoice_id: invoices[1].id, amount: 50.01 }])).toMatch(/got 50\.01\.$/);
    expect(writes()).toEqual([]);
    // The Invoice Id again is wrong from the inputs alone: refused before any request at all.
    sage.sandbox().clearLog();
    expect(await pay([{ invoice_id: invoices[0].id }])).toMatch(/expected invoices other than the Invoice Id above/);
    expect(sage.sandbox().requestLog).toEqual([]);
  });
});

describe("Refund a Sales Invoice", () => {
  test("an unpaid invoice refunded in full: credit note allocated, the invoice PAID with nothing outstanding", async () => {
    const { invoices } = await customerWith(40);
    sage.sandbox().clearLog();
    const { data } = await sage.run("refundSalesInvoice", { salesInvoiceId: invoices[0].id, idempotencyKey: "rma-1" });
    expect(writes().map((entry) => [entry.method, entry.path])).toEqual([
      ["POST", "/sales_credit_notes"],
      ["POST", "/contact_allocations"],
    ]);
    expectBodiesPassSageSchema();
    expect(state("sales_invoices", invoices[0].id)).toEqual(["PAID", 0]);
    expect(state("sales_credit_notes", data.salesCreditNote.id)).toEqual(["PAID", 0]);
    expect(data.refundPayment).toBeUndefined();
  });

  test("a paid invoice refunded in full: Sage keeps it PAID; the credit note is settled by a customer refund out of the bank", async () => {
    const { invoices } = await customerWith(40);
    await sage.run("recordSalesInvoicePayment", { invoiceId: invoices[0].id, bankAccountId: bank() });
    const before = balance();
    sage.sandbox().clearLog();
    const { data } = await sage.run("refundSalesInvoice", {
      salesInvoiceId: invoices[0].id,
      bankAccountId: bank(),
      paymentMethodId: "CREDIT_DEBIT",
      reference: "re_123",
    });
    expect(writes().map((entry) => [entry.method, entry.path])).toEqual([
      ["POST", "/sales_credit_notes"],
      ["POST", "/contact_payments"],
    ]);
    expect(writes()[1].body).toMatchObject({
      contact_payment: {
        transaction_type_id: "CUSTOMER_REFUND",
        total_amount: 40,
        allocated_artefacts: [{ artefact_id: data.salesCreditNote.id, amount: 40 }],
      },
    });
    expectBodiesPassSageSchema();
    // Nothing is owed on a paid invoice, so nothing is allocated to it: it stays PAID, as Sage shows it.
    expect(state("sales_invoices", invoices[0].id)).toEqual(["PAID", 0]);
    expect(state("sales_credit_notes", data.salesCreditNote.id)).toEqual(["PAID", 0]);
    expect(balance()).toBe(before - 40);
  });

  test("part of a part-paid invoice: the invoice absorbs what it owes, the rest is refunded; a retry writes nothing new", async () => {
    const { invoices } = await customerWith(40);
    await sage.run("recordSalesInvoicePayment", { invoiceId: invoices[0].id, bankAccountId: bank(), amount: "30" });
    const params = {
      salesInvoiceId: invoices[0].id,
      lines: JSON.stringify([{ line: 1, quantity: 1 }]),
      bankAccountId: bank(),
      idempotencyKey: "rma-2",
    };
    sage.sandbox().clearLog();
    const { data } = await sage.run("refundSalesInvoice", params);
    expect(Number(data.salesCreditNote.total_amount)).toBe(20);
    expect(data.contactAllocation.allocated_artefacts.map((a: { amount: number }) => Number(a.amount))).toEqual([
      10, -10,
    ]);
    expect(Number(data.refundPayment.total_amount)).toBe(10);
    expect(state("sales_invoices", invoices[0].id)).toEqual(["PAID", 0]);
    expect(state("sales_credit_notes", data.salesCreditNote.id)).toEqual(["PAID", 0]);
    const notes = store().list("sales_credit_notes").length;
    const again = await sage.run("refundSalesInvoice", params);
    expect(again.data.salesCreditNote.id).toBe(data.salesCreditNote.id);
    expect(store().list("sales_credit_notes")).toHaveLength(notes);
    expect(log().filter((entry) => entry.method === "POST" && !entry.replayed).length).toBe(3);
  });

  test("a failing later step names what was already written", async () => {
    const { invoices } = await customerWith(40);
    sage.sandbox().setFaults({ rate: 1, kinds: ["500"], paths: ["/contact_allocations"] });
    try {
      const message = await failureOf(
        sage.run("refundSalesInvoice", { salesInvoiceId: invoices[0].id, idempotencyKey: "rma-3" }),
      );
      expect(message).toMatch(
        /Already written: sales credit note SCN-\d+ \(id [0-9a-f]{32}\)\. Running the step again/,
      );
    } finally {
      sage.sandbox().setFaults(null);
    }
  });

  test("a line that is not on the invoice is refused before any write", async () => {
    const { invoices } = await customerWith(40);
    sage.sandbox().clearLog();
    expect(await failureOf(sage.run("refundSalesInvoice", { salesInvoiceId: invoices[0].id, lines: "2" }))).toBe(
      `Invalid "Lines to Refund": expected a line of ${invoices[0].displayed_as} (it has 1 lines), got 2.`,
    );
    expect(writes()).toEqual([]);
  });

  test.each([
    ['{ "line": 2, "quantity": 1 }', "one object is read as JSON, not split at its comma", null],
    ["[]", "an empty list", "expected at least one line, or blank for every line"],
    [" , ", "a comma list of nothing", "expected at least one line, or blank for every line"],
    ["1, {line 2}", "a line id that is no Sage id", "expected a line number or a line's Sage id"],
  ])("Lines to Refund %j (%s) is read before any request", async (lines, _, message) => {
    const { invoices } = await customerWith(40);
    sage.sandbox().clearLog();
    const failure = await failureOf(sage.run("refundSalesInvoice", { salesInvoiceId: invoices[0].id, lines }));
    if (message === null) {
      // Parsed as the one line 2, which the invoice lacks: refused by the invoice, after reading it.
      expect(failure).toMatch(/expected a line of .* \(it has 1 lines\), got 2\./);
      expect(writes()).toEqual([]);
    } else {
      expect(failure).toMatch(new RegExp(`^Invalid "Lines to Refund": ${message}`));
      expect(sage.sandbox().requestLog).toEqual([]);
    }
  });
});
