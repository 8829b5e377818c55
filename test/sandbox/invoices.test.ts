import { type Sandbox, startSandbox } from "../../sandbox";
import { type Api, api, customer, ledgerId, sageError } from "./client";

let sandbox: Sandbox;
let sage: Api;
let customerId: string;
let bankId: string;

beforeAll(async () => {
  sandbox = await startSandbox();
  sage = api(sandbox, { numbers: true });
  customerId = (await sage.post("/contacts", customer("Invoice Customer Ltd", { credit_days: 14 }))).data.id;
  bankId = sandbox.store.list("bank_accounts")[0].id;
});
afterAll(() => sandbox.stop());

const invoice = async (lines: Record<string, unknown>[], extra: Record<string, unknown> = {}) => {
  const response = await sage.post("/sales_invoices", {
    sales_invoice: {
      contact_id: customerId,
      date: "2026-05-01",
      invoice_lines: lines.map((l) => ({ description: "Item", ledger_account_id: ledgerId(sandbox, 4000), ...l })),
      ...extra,
    },
  });
  expect(response.status).toBe(201);
  return response.data;
};

const receipt = (
  allocations: { artefact_id: string; amount: number }[],
  total = allocations.reduce((s, a) => s + a.amount, 0),
) =>
  sage.post("/contact_payments", {
    contact_payment: {
      transaction_type_id: "CUSTOMER_RECEIPT",
      contact_id: customerId,
      bank_account_id: bankId,
      date: "2026-05-10",
      total_amount: total,
      allocated_artefacts: allocations,
    },
  });

const statusOf = (id: string) => sandbox.store.get("sales_invoices", id)?.status.id;
const outstandingOf = (id: string) => sandbox.store.get("sales_invoices", id)?.outstanding_amount;

// Sage's spec names the fields and endpoints; the arithmetic and the refusals below are the sandbox's own
// rules (modelled on Sage, not stated by its spec), except where a title names Sage's spec or a recording.
describe("sales invoices", () => {
  test("totals come from the lines: quantity defaults to 1, tax from the rate's percentage (the sandbox's own arithmetic)", async () => {
    const created = await invoice([
      { unit_price: 100, quantity: 3, tax_rate_id: "GB_STANDARD" },
      { unit_price: 19.99, tax_rate_id: "GB_REDUCED" },
      { unit_price: 50, tax_rate_id: "GB_ZERO" },
    ]);
    expect(created).toMatchObject({
      net_amount: 369.99,
      tax_amount: 61,
      total_amount: 430.99,
      outstanding_amount: 430.99,
      total_quantity: 5,
      status: { id: "UNPAID", displayed_as: "Unpaid" },
      contact: { id: customerId },
      contact_name: "Invoice Customer Ltd",
      due_date: "2026-05-15",
      currency: { id: "GBP" },
    });
    expect(
      created.invoice_lines.map((l: { net_amount: number; tax_amount: number }) => [l.net_amount, l.tax_amount]),
    ).toEqual([
      [300, 60],
      [19.99, 1],
      [50, 0],
    ]);
    expect(created.displayed_as).toBe(created.invoice_number);
    expect(created.invoice_number).toMatch(/^SI-\d+$/);
  });

  test("numbers run SI-1, SI-2 ... per business (the prefix as the recordings show it; the counter is the sandbox's own)", async () => {
    const a = await invoice([{ unit_price: 1 }]);
    const b = await invoice([{ unit_price: 1 }]);
    expect(Number(b.invoice_number.slice(3))).toBe(Number(a.invoice_number.slice(3)) + 1);
  });

  test("the contact must exist and be a customer; line references must exist (the sandbox's own rules)", async () => {
    const vendor = (
      await sage.post("/contacts", { contact: { name: "Only Supplier Ltd", contact_type_ids: ["VENDOR"] } })
    ).data;
    const response = await sage.post("/sales_invoices", {
      sales_invoice: {
        contact_id: vendor.id,
        date: "2026-05-01",
        invoice_lines: [{ description: "x", ledger_account_id: "nope", unit_price: 1, tax_rate_id: "GB_HUGE" }],
      },
    });
    expect(response.status).toBe(422);
    expect(response.data).toEqual(
      expect.arrayContaining([
        sageError("contact_id", /is not a customer/),
        sageError("invoice_lines.0.ledger_account_id", /'nope' does not exist/),
        sageError("invoice_lines.0.tax_rate_id", /'GB_HUGE' does not exist/),
      ]),
    );
  });

  test("PUT with new lines recomputes the totals; other fields stay (the sandbox's own: Sage's spec only says a PUT body needs the wrapper)", async () => {
    const created = await invoice([{ unit_price: 10, tax_rate_id: "GB_STANDARD" }], { notes: "first" });
    const updated = (
      await sage.put(`/sales_invoices/${created.id}`, {
        sales_invoice: {
          invoice_lines: [
            {
              description: "More",
              ledger_account_id: ledgerId(sandbox, 4000),
              unit_price: 20,
              quantity: 2,
              tax_rate_id: "GB_STANDARD",
            },
          ],
        },
      })
    ).data;
    expect(updated).toMatchObject({
      notes: "first",
      net_amount: 40,
      tax_amount: 8,
      total_amount: 48,
      outstanding_amount: 48,
      invoice_number: created.invoice_number,
    });
  });

  test("DELETE: a draft is deleted (204); another invoice needs void_reason and stays as VOID (200), as Sage's spec says", async () => {
    const draft = await invoice([{ unit_price: 5 }], { status_id: "DRAFT" });
    expect(draft.status.id).toBe("DRAFT");
    expect((await sage.delete(`/sales_invoices/${draft.id}`)).status).toBe(204);
    expect(sandbox.store.get("sales_invoices", draft.id)).toBeUndefined();

    const issued = await invoice([{ unit_price: 5 }]);
    const refused = await sage.delete(`/sales_invoices/${issued.id}`);
    expect(refused.status).toBe(422);
    expect(refused.data).toEqual([sageError("void_reason", /Void reason can't be blank/)]);
    const voided = await sage.delete(`/sales_invoices/${issued.id}`, { void_reason: "Raised in error" });
    expect(voided.status).toBe(200);
    expect(voided.data).toMatchObject({
      id: issued.id,
      status: { id: "VOID" },
      void_reason: "Raised in error",
      outstanding_amount: 0,
    });
    expect((await sage.get(`/sales_invoices/${issued.id}`)).data.status.id).toBe("VOID");
    expect((await sage.put(`/sales_invoices/${issued.id}`, { sales_invoice: { notes: "x" } })).status).toBe(422);
  });

  test("release (an endpoint of Sage's spec) moves a draft to UNPAID (the sandbox's reading of it)", async () => {
    const draft = await invoice([{ unit_price: 5 }], { status_id: "DRAFT" });
    const released = await sage.post(`/sales_invoices/${draft.id}/release`);
    expect(released.status).toBe(201);
    expect(released.data.status.id).toBe("UNPAID");
    expect((await sage.post(`/sales_invoices/${draft.id}/release`)).status).toBe(422);
  });

  test("list filters of Sage's spec: contact_id, status_id, from_date/to_date", async () => {
    const other = (await sage.post("/contacts", customer("Filter Customer Ltd"))).data;
    const mine = (
      await sage.post("/sales_invoices", {
        sales_invoice: {
          contact_id: other.id,
          date: "2026-06-15",
          invoice_lines: [{ description: "x", ledger_account_id: ledgerId(sandbox, 4000), unit_price: 1 }],
        },
      })
    ).data;
    const ids = async (params: Record<string, string>) =>
      (await sage.get("/sales_invoices", { items_per_page: 200, ...params })).data.$items.map(
        (i: { id: string }) => i.id,
      );
    expect(await ids({ contact_id: other.id })).toEqual([mine.id]);
    expect(await ids({ from_date: "2026-06-01", to_date: "2026-06-30" })).toEqual([mine.id]);
    expect(await ids({ status_id: "VOID" })).not.toContain(mine.id);
    expect((await sage.get("/sales_invoices", { from_date: "June" })).status).toBe(422);
  });
});

// Allocation rules and their effect on statuses and balances are the sandbox's own, modelled on Sage:
// its spec names the fields (allocated_artefacts, total_amount, outstanding_amount) but states no rule.
describe("contact payments", () => {
  test("allocations reduce outstanding amounts and move the status UNPAID → PART_PAID → PAID; deleting a payment restores them", async () => {
    const target = await invoice([{ unit_price: 100, tax_rate_id: "GB_STANDARD" }]);
    const first = await receipt([{ artefact_id: target.id, amount: 50 }]);
    expect(first.status).toBe(201);
    expect(first.data).toMatchObject({
      transaction_type: { id: "CUSTOMER_RECEIPT" },
      total_amount: 50,
      allocated_artefacts: [{ artefact: { id: target.id, $path: `/sales_invoices/${target.id}` }, amount: 50 }],
    });
    expect([statusOf(target.id), outstandingOf(target.id)]).toEqual(["PART_PAID", 70]);
    const second = await receipt([{ artefact_id: target.id, amount: 70 }]);
    expect(second.status).toBe(201);
    expect([statusOf(target.id), outstandingOf(target.id)]).toEqual(["PAID", 0]);
    expect(sandbox.store.get("sales_invoices", target.id)?.payments_allocations).toHaveLength(2);

    expect((await sage.delete(`/contact_payments/${second.data.id}`)).status).toBe(204);
    expect([statusOf(target.id), outstandingOf(target.id)]).toEqual(["PART_PAID", 70]);
    expect((await sage.delete(`/contact_payments/${first.data.id}`)).status).toBe(204);
    expect([statusOf(target.id), outstandingOf(target.id)]).toEqual(["UNPAID", 120]);
  });

  test("allocating more than is outstanding is a 422 naming the allocation; nothing changes", async () => {
    const target = await invoice([{ unit_price: 10 }]);
    const payments = sandbox.store.count("contact_payments");
    const response = await receipt([{ artefact_id: target.id, amount: 10.01 }]);
    expect(response.status).toBe(422);
    expect(response.data).toEqual([sageError("allocated_artefacts.0.amount", /exceeds the outstanding amount 10/)]);
    expect(sandbox.store.count("contact_payments")).toBe(payments);
    expect(outstandingOf(target.id)).toBe(10);
  });

  test("the total must match the allocations; the invoice must belong to the contact", async () => {
    const target = await invoice([{ unit_price: 10 }]);
    expect((await receipt([{ artefact_id: target.id, amount: 5 }], 6)).data).toEqual([
      sageError("total_amount", /must equal the allocated amounts/),
    ]);
    const stranger = (await sage.post("/contacts", customer("Stranger Ltd"))).data;
    const response = await sage.post("/contact_payments", {
      contact_payment: {
        transaction_type_id: "CUSTOMER_RECEIPT",
        contact_id: stranger.id,
        bank_account_id: bankId,
        date: "2026-05-10",
        total_amount: 5,
        allocated_artefacts: [{ artefact_id: target.id, amount: 5 }],
      },
    });
    expect(response.data).toEqual([sageError("allocated_artefacts.0.artefact_id", /belongs to another contact/)]);
  });

  test("an invoice with payments cannot be voided until the payment is deleted", async () => {
    const target = await invoice([{ unit_price: 10 }]);
    const payment = (await receipt([{ artefact_id: target.id, amount: 4 }])).data;
    const refused = await sage.delete(`/sales_invoices/${target.id}`, { void_reason: "x" });
    expect(refused.status).toBe(422);
    expect(refused.data[0].$message).toMatch(/payments allocated/);
    await sage.delete(`/contact_payments/${payment.id}`);
    expect((await sage.delete(`/sales_invoices/${target.id}`, { void_reason: "x" })).status).toBe(200);
  });

  test("receipts move the bank account balance", async () => {
    const before = sandbox.store.get("bank_accounts", bankId)?.balance;
    const target = await invoice([{ unit_price: 30 }]);
    await receipt([{ artefact_id: target.id, amount: 30 }]);
    expect(sandbox.store.get("bank_accounts", bankId)?.balance).toBe(before + 30);
  });
});

describe("purchase invoices", () => {
  test("PI- numbers and a supplier contact (the sandbox's own), and DELETE deletes (204, Sage's spec)", async () => {
    const supplier = (await sage.post("/contacts", { contact: { name: "Supplier Ltd", contact_type_ids: ["VENDOR"] } }))
      .data;
    const body = {
      purchase_invoice: {
        contact_id: supplier.id,
        date: "2026-05-01",
        due_date: "2026-05-31",
        invoice_lines: [
          {
            description: "Paper",
            ledger_account_id: ledgerId(sandbox, 5000),
            quantity: 10,
            unit_price: 4.5,
            tax_rate_id: "GB_STANDARD",
          },
        ],
      },
    };
    const created = await sage.post("/purchase_invoices", body);
    expect(created.status).toBe(201);
    expect(created.data).toMatchObject({
      // PI-1 is the seed's demo purchase invoice.
      invoice_number: "PI-2",
      displayed_as: "PI-2",
      net_amount: 45,
      tax_amount: 9,
      total_amount: 54,
    });
    const missingDueDate = await sage.post("/purchase_invoices", {
      purchase_invoice: { ...body.purchase_invoice, due_date: undefined },
    });
    expect(missingDueDate.data).toEqual([sageError("due_date", "Due date can't be blank")]);
    expect((await sage.delete(`/purchase_invoices/${created.data.id}`)).status).toBe(204);
    expect((await sage.get(`/purchase_invoices/${created.data.id}`)).status).toBe(404);
  });
});
