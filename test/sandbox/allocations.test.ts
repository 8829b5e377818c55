import { type Sandbox, startSandbox } from "../../sandbox";
import { schemaProblems } from "../sageSchema";
import { type Api, api, customer, ledgerId, sageError } from "./client";

// The sandbox's allocations and refunds (sandbox/allocations.js). Where a rule is the sandbox's own
// choice (signs adding up to 0, the allocation transaction types, an unallocated artefact's fields),
// the test says so.

let sandbox: Sandbox;
let sage: Api;
let customerId: string;
let otherCustomerId: string;
let bankId: string;

beforeAll(async () => {
  sandbox = await startSandbox();
  sage = api(sandbox, { numbers: true });
  customerId = (await sage.post("/contacts", customer("Allocation Customer Ltd"))).data.id;
  otherCustomerId = (await sage.post("/contacts", customer("Someone Else Ltd"))).data.id;
  bankId = sandbox.store.list("bank_accounts")[0].id;
});
afterAll(() => sandbox.stop());

const document = async (collection: string, amount: number, contactId = customerId) => {
  const wrapper = collection.replace(/s$/, "");
  const lines = collection === "sales_invoices" ? "invoice_lines" : "credit_note_lines";
  const response = await sage.post(`/${collection}`, {
    [wrapper]: {
      contact_id: contactId,
      date: "2026-05-01",
      [lines]: [{ description: "Item", ledger_account_id: ledgerId(sandbox, 4000), quantity: 1, unit_price: amount }],
    },
  });
  expect(response.status).toBe(201);
  return response.data as { id: string; displayed_as: string };
};

const allocate = (artefacts: { artefact_id: string; amount: number }[], contactId = customerId) => {
  const body = {
    contact_allocation: {
      transaction_type_id: "CUSTOMER_ALLOCATION",
      contact_id: contactId,
      date: "2026-05-02",
      allocated_artefacts: artefacts,
    },
  };
  expect(schemaProblems("postContactAllocations", body)).toEqual([]);
  return sage.post("/contact_allocations", body);
};

const statusOf = async (collection: string, id: string) => {
  const { data } = await sage.get(`/${collection}/${id}`, { attributes: "all" });
  return [data.status.id, data.outstanding_amount];
};

test("a credit note allocated against an invoice brings both outstanding amounts down; deleting it gives them back", async () => {
  const invoice = await document("sales_invoices", 100);
  const credit = await document("sales_credit_notes", 30);
  const response = await allocate([
    { artefact_id: invoice.id, amount: 30 },
    { artefact_id: credit.id, amount: -30 },
  ]);
  expect(response.status).toBe(201);
  expect(response.data).toMatchObject({
    transaction_type: { id: "CUSTOMER_ALLOCATION" },
    contact: { id: customerId },
    allocated_artefacts: [
      { artefact: { id: invoice.id }, amount: 30 },
      { artefact: { id: credit.id }, amount: -30 },
    ],
  });
  expect(await statusOf("sales_invoices", invoice.id)).toEqual(["PART_PAID", 70]);
  expect(await statusOf("sales_credit_notes", credit.id)).toEqual(["PAID", 0]);
  const listed = await sage.get("/contact_allocations", { contact_id: customerId });
  expect(listed.data.$items.map((item: { id: string }) => item.id)).toContain(response.data.id);

  expect((await sage.delete(`/contact_allocations/${response.data.id}`)).status).toBe(204);
  expect(await statusOf("sales_invoices", invoice.id)).toEqual(["UNPAID", 100]);
  expect(await statusOf("sales_credit_notes", credit.id)).toEqual(["UNPAID", 30]);
});

test("a credit note that settles the whole invoice makes it PAID, as Sage shows a credited invoice", async () => {
  const invoice = await document("sales_invoices", 40);
  const credit = await document("sales_credit_notes", 40);
  expect(
    (
      await allocate([
        { artefact_id: invoice.id, amount: 40 },
        { artefact_id: credit.id, amount: -40 },
      ])
    ).status,
  ).toBe(201);
  expect(await statusOf("sales_invoices", invoice.id)).toEqual(["PAID", 0]);
});

test("over-allocation, another contact's invoice, wrong signs and a sum other than 0 are refused, nothing written", async () => {
  const invoice = await document("sales_invoices", 20);
  const credit = await document("sales_credit_notes", 50);
  const foreign = await document("sales_invoices", 20, otherCustomerId);
  const over = await allocate([
    { artefact_id: invoice.id, amount: 25 },
    { artefact_id: credit.id, amount: -25 },
  ]);
  expect(over.status).toBe(422);
  expect(over.data).toEqual([
    sageError("allocated_artefacts.0.amount", `Amount 25 exceeds the outstanding amount 20 of ${invoice.displayed_as}`),
  ]);
  const other = await allocate([
    { artefact_id: foreign.id, amount: 10 },
    { artefact_id: credit.id, amount: -10 },
  ]);
  expect(other.data).toEqual([
    sageError("allocated_artefacts.0.artefact_id", `${foreign.displayed_as} belongs to another contact`),
  ]);
  // The sandbox's own choice: invoices positive, credits negative, adding up to 0.
  const sign = await allocate([
    { artefact_id: invoice.id, amount: 10 },
    { artefact_id: credit.id, amount: 10 },
  ]);
  expect(sign.data).toEqual([sageError("allocated_artefacts.1.amount", "Amount must be negative for a credit")]);
  const unbalanced = await allocate([
    { artefact_id: invoice.id, amount: 10 },
    { artefact_id: credit.id, amount: -5 },
  ]);
  expect(unbalanced.data).toEqual([sageError("allocated_artefacts", "The allocated amounts must add up to 0, not 5")]);
  expect(await statusOf("sales_invoices", invoice.id)).toEqual(["UNPAID", 20]);
  expect(await statusOf("sales_credit_notes", credit.id)).toEqual(["UNPAID", 50]);
});

test("a customer refund pays a credit note out of the bank; unallocated artefacts list what is left", async () => {
  const contactId = (await sage.post("/contacts", customer("Refund Customer Ltd"))).data.id;
  const credit = await document("sales_credit_notes", 60, contactId);
  const balanceBefore = (await sage.get(`/bank_accounts/${bankId}`)).data.balance;
  const unallocated = async () =>
    (await sage.get("/unallocated_artefacts", { contact_id: contactId, attributes: "all" })).data.$items;
  // The sandbox's own fields beyond the spec's id, displayed_as, $path and links.
  expect(await unallocated()).toEqual([
    expect.objectContaining({
      id: credit.id,
      artefact_type: "SALES_CREDIT_NOTE",
      outstanding_amount: 60,
      $path: `/sales_credit_notes/${credit.id}`,
    }),
  ]);
  const body = {
    contact_payment: {
      transaction_type_id: "CUSTOMER_REFUND",
      contact_id: contactId,
      bank_account_id: bankId,
      date: "2026-05-03",
      total_amount: 25,
      allocated_artefacts: [{ artefact_id: credit.id, amount: 25 }],
    },
  };
  expect(schemaProblems("postContactPayments", body)).toEqual([]);
  expect((await sage.post("/contact_payments", body)).status).toBe(201);
  expect(await statusOf("sales_credit_notes", credit.id)).toEqual(["PART_PAID", 35]);
  expect((await sage.get(`/bank_accounts/${bankId}`)).data.balance).toBe(balanceBefore - 25);
  expect((await unallocated()).map((item: { outstanding_amount: number }) => item.outstanding_amount)).toEqual([35]);
  // The ledger: money out of the bank (credit its ledger account) against the debtors control account (debit).
  const bankLedgerId = (await sage.get(`/bank_accounts/${bankId}`)).data.ledger_account.id;
  const debtorsControl = sandbox.store.list("ledger_accounts").find((a) => a.control_name === "SALES_LEDGER_CONTROL")!;
  const entries = (await sage.get("/ledger_entries", { transaction_type_id: "CUSTOMER_REFUND", attributes: "all" }))
    .data.$items as { ledger_account: { id: string }; debit: number; credit: number }[];
  expect(entries.map((entry) => [entry.ledger_account.id, entry.debit, entry.credit]).sort()).toEqual(
    [
      [debtorsControl.id, 25, 0],
      [bankLedgerId, 0, 25],
    ].sort(),
  );
});

test("a payment on account is listed as unallocated and can be allocated to an invoice", async () => {
  const contactId = (await sage.post("/contacts", customer("On Account Ltd"))).data.id;
  const invoice = await document("sales_invoices", 80, contactId);
  const payment = await sage.post("/contact_payments", {
    contact_payment: {
      transaction_type_id: "CUSTOMER_RECEIPT",
      contact_id: contactId,
      bank_account_id: bankId,
      date: "2026-05-03",
      total_amount: 50,
      payment_on_account: { contact_id: contactId, total_amount: 50 },
    },
  });
  expect(payment.status).toBe(201);
  const onAccountId = payment.data.payment_on_account.id;
  const [listed] = (await sage.get("/unallocated_artefacts", { contact_id: contactId, attributes: "all" })).data.$items;
  expect(listed).toMatchObject({ id: onAccountId, artefact_type: "PAYMENT_ON_ACCOUNT", outstanding_amount: 50 });
  const response = await allocate(
    [
      { artefact_id: invoice.id, amount: 50 },
      { artefact_id: onAccountId, amount: -50 },
    ],
    contactId,
  );
  expect(response.status).toBe(201);
  expect(await statusOf("sales_invoices", invoice.id)).toEqual(["PART_PAID", 30]);
  expect((await sage.get("/unallocated_artefacts", { contact_id: contactId })).data.$items).toEqual([]);
});
