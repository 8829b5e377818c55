import { format } from "date-fns";
import { failureOf, withSandbox, ref } from "./withSandbox";

// Contact payments end to end (issue 11): customer → invoice → payment → invoice status, over real HTTP.
const sage = withSandbox();

beforeEach(() => sage.sandbox().clearLog());

const log = () => sage.sandbox().requestLog;
const posts = () => log().filter((entry) => entry.method === "POST");
const store = () => sage.sandbox().store;
/** Sage's answer to a read of a payment (and, the sandbox's own choice, to a write: nothing nested to expand). */
const answered = (id: string) => store().answer("contact_payments", id);
const currentAccount = () => sage.bankAccountId(1200);
const balance = () => store().get("bank_accounts", currentAccount())?.balance as number;

let serial = 0;
/** A contact and an invoice for it, made through the component's own actions, as a flow would. */
const contactWithInvoice = async (kind: "sales" | "purchase", unitPrice: number) => {
  serial++;
  const sales = kind === "sales";
  const { data: contact } = await sage.run("createContact", {
    name: `Payer ${serial} Ltd`,
    contactTypeIds: [sales ? "CUSTOMER" : "VENDOR"],
  });
  const line = {
    description: "Goods",
    ledger_account_id: sage.ledgerId(sales ? 4000 : 5000),
    unit_price: unitPrice,
    quantity: 1,
    tax_rate_id: "GB_STANDARD",
  };
  const { data: invoice } = await sage.run(sales ? "createSalesInvoice" : "createPurchaseInvoice", {
    contactId: contact.id,
    date: "2026-01-31",
    invoiceLines: JSON.stringify([line]),
    ...(sales ? {} : { dueDate: "2026-02-28" }),
  });
  sage.sandbox().clearLog();
  return { contact: contact as { id: string }, invoice: invoice as { id: string; displayed_as: string } };
};

describe("Record Sales Invoice Payment", () => {
  test("with only the invoice and the bank account pays it in full: the invoice is PAID with nothing outstanding", async () => {
    const { contact, invoice } = await contactWithInvoice("sales", 100);
    const bankBefore = balance();
    const dayBefore = format(new Date(), "yyyy-MM-dd");

    const { data: payment } = await sage.run("recordSalesInvoicePayment", {
      invoiceId: invoice.id,
      bankAccountId: currentAccount(),
    });
    // Blank Date is today on the runner's calendar (either side of a midnight during the run).
    const today = [dayBefore, format(new Date(), "yyyy-MM-dd")];

    expect(log().map((entry) => [entry.method, entry.path, entry.status])).toEqual([
      ["GET", `/sales_invoices/${invoice.id}`, 200],
      ["POST", "/contact_payments", 201],
    ]);
    expect(log()[1].body).toEqual({
      contact_payment: {
        transaction_type_id: "CUSTOMER_RECEIPT",
        contact_id: contact.id,
        bank_account_id: currentAccount(),
        date: expect.any(String),
        total_amount: 120,
        allocated_artefacts: [{ artefact_id: invoice.id, amount: 120 }],
      },
    });
    expect(today).toContain((log()[1].body as { contact_payment: { date: string } }).contact_payment.date);
    expect(payment).toEqual(answered(payment.id));
    expect(payment).toMatchObject({
      transaction_type: ref("transaction_types", "CUSTOMER_RECEIPT"),
      contact: ref("contacts", contact.id),
      bank_account: ref("bank_accounts", currentAccount()),
      total_amount: 120,
      allocated_artefacts: [expect.objectContaining({ artefact: ref("sales_invoices", invoice.id), amount: 120 })],
    });

    const { data: paid } = await sage.run("getSalesInvoice", { salesInvoiceId: invoice.id });
    expect(paid).toMatchObject({
      status: ref("artefact_statuses", "PAID"),
      outstanding_amount: 0,
      total_paid: 120,
    });
    expect(balance()).toBe(bankBefore + 120);
  });

  test("a part payment with every input leaves the invoice PART_PAID with the rest outstanding", async () => {
    const { contact, invoice } = await contactWithInvoice("sales", 100);
    const { data: payment } = await sage.run("recordSalesInvoicePayment", {
      invoiceId: invoice.id,
      bankAccountId: currentAccount(),
      amount: "50.25",
      date: "2026-02-10",
      paymentMethodId: "CREDIT_DEBIT",
      reference: "ch_3PqR2sT4uV5w",
      contactId: contact.id,
    });
    expect(posts()[0].body).toEqual({
      contact_payment: {
        transaction_type_id: "CUSTOMER_RECEIPT",
        contact_id: contact.id,
        bank_account_id: currentAccount(),
        date: "2026-02-10",
        total_amount: 50.25,
        payment_method_id: "CREDIT_DEBIT",
        reference: "ch_3PqR2sT4uV5w",
        allocated_artefacts: [{ artefact_id: invoice.id, amount: 50.25 }],
      },
    });
    expect(payment).toMatchObject({
      displayed_as: "ch_3PqR2sT4uV5w",
      date: "2026-02-10",
      payment_method: ref("payment_methods", "CREDIT_DEBIT"),
    });
    const { data: partPaid } = await sage.run("getSalesInvoice", { salesInvoiceId: invoice.id });
    expect(partPaid).toMatchObject({ status: ref("artefact_statuses", "PART_PAID"), outstanding_amount: 69.75 });

    // Paying the rest with no Amount settles it.
    await sage.run("recordSalesInvoicePayment", { invoiceId: invoice.id, bankAccountId: currentAccount() });
    expect(posts()[1].body).toMatchObject({ contact_payment: { total_amount: 69.75 } });
    expect(store().get("sales_invoices", invoice.id)).toMatchObject({
      status: ref("artefact_statuses", "PAID"),
      outstanding_amount: 0,
    });
  });

  test("an overpayment is refused before any POST, naming Amount and the outstanding amount", async () => {
    const { invoice } = await contactWithInvoice("sales", 100);
    const message = await failureOf(
      sage.run("recordSalesInvoicePayment", {
        invoiceId: invoice.id,
        bankAccountId: currentAccount(),
        amount: "120.01",
      }),
    );
    expect(message).toBe(
      `Invalid "Amount": expected at most the outstanding amount of sales invoice ${invoice.displayed_as}, 120.00 GBP, got 120.01.`,
    );
    expect(log().map((entry) => entry.method)).toEqual(["GET"]);
    expect(log().filter((entry) => entry.method === "POST" && entry.path === "/contact_payments")).toEqual([]);
    expect(store().get("sales_invoices", invoice.id)?.status.id).toBe("UNPAID");
  });

  test("a paid invoice is refused before any POST", async () => {
    const { invoice } = await contactWithInvoice("sales", 10);
    await sage.run("recordSalesInvoicePayment", { invoiceId: invoice.id, bankAccountId: currentAccount() });
    sage.sandbox().clearLog();
    const message = await failureOf(
      sage.run("recordSalesInvoicePayment", { invoiceId: invoice.id, bankAccountId: currentAccount() }),
    );
    expect(message).toBe(
      `Invalid "Invoice Id": expected an invoice with an amount outstanding; sales invoice ${invoice.displayed_as} has an outstanding amount of 0.00 GBP.`,
    );
    expect(posts()).toEqual([]);
  });

  test("a void invoice is refused before any POST", async () => {
    const { invoice } = await contactWithInvoice("sales", 10);
    await sage.run("deleteSalesInvoice", { salesInvoiceId: invoice.id, voidReason: "Wrong customer" });
    sage.sandbox().clearLog();
    const message = await failureOf(
      sage.run("recordSalesInvoicePayment", { invoiceId: invoice.id, bankAccountId: currentAccount() }),
    );
    expect(message).toBe(
      `Invalid "Invoice Id": expected an invoice that can be paid; sales invoice ${invoice.displayed_as} is void.`,
    );
    expect(posts()).toEqual([]);
  });

  test("an unknown invoice is Sage's 404 on the GET; nothing is posted", async () => {
    const message = await failureOf(
      sage.run("recordSalesInvoicePayment", { invoiceId: "f".repeat(32), bankAccountId: currentAccount() }),
    );
    expect(message).toBe(`Sage API error 404 on GET /sales_invoices/${"f".repeat(32)}: Sales invoice not found.`);
    expect(posts()).toEqual([]);
  });

  test("an unknown bank account is a 422 naming bank_account_id (the sandbox's own rule); the invoice stays unpaid", async () => {
    const { invoice } = await contactWithInvoice("sales", 10);
    const message = await failureOf(
      sage.run("recordSalesInvoicePayment", { invoiceId: invoice.id, bankAccountId: "b".repeat(32) }),
    );
    expect(message).toBe(
      `Sage API error 422 on POST /contact_payments: Bank account '${"b".repeat(32)}' does not exist (field: bank_account_id).`,
    );
    expect(store().get("sales_invoices", invoice.id)?.status.id).toBe("UNPAID");
  });

  test("another contact than the invoice's is a 422 naming the allocation (the sandbox's own rule)", async () => {
    const { invoice } = await contactWithInvoice("sales", 10);
    const { contact: other } = await contactWithInvoice("sales", 10);
    const message = await failureOf(
      sage.run("recordSalesInvoicePayment", {
        invoiceId: invoice.id,
        bankAccountId: currentAccount(),
        contactId: other.id,
      }),
    );
    expect(message).toBe(
      `Sage API error 422 on POST /contact_payments: ${invoice.displayed_as} belongs to another contact (field: allocated_artefacts.0.artefact_id).`,
    );
  });
});

describe("Record Purchase Invoice Payment", () => {
  test("pays the supplier in full: VENDOR_PAYMENT, the invoice is PAID and money leaves the bank", async () => {
    const { contact, invoice } = await contactWithInvoice("purchase", 40);
    const bankBefore = balance();
    const { data: payment } = await sage.run("recordPurchaseInvoicePayment", {
      invoiceId: invoice.id,
      bankAccountId: currentAccount(),
      date: "2026-02-05",
    });
    expect(log().map((entry) => [entry.method, entry.path])).toEqual([
      ["GET", `/purchase_invoices/${invoice.id}`],
      ["POST", "/contact_payments"],
    ]);
    expect(posts()[0].body).toEqual({
      contact_payment: {
        transaction_type_id: "VENDOR_PAYMENT",
        contact_id: contact.id,
        bank_account_id: currentAccount(),
        date: "2026-02-05",
        total_amount: 48,
        allocated_artefacts: [{ artefact_id: invoice.id, amount: 48 }],
      },
    });
    expect(payment).toMatchObject({ transaction_type: ref("transaction_types", "VENDOR_PAYMENT"), total_amount: 48 });
    const { data: paid } = await sage.run("getPurchaseInvoice", { purchaseInvoiceId: invoice.id });
    expect(paid).toMatchObject({ status: ref("artefact_statuses", "PAID"), outstanding_amount: 0 });
    expect(balance()).toBe(bankBefore - 48);
  });

  test("a part payment leaves it PART_PAID; an overpayment is refused before any POST", async () => {
    const { invoice } = await contactWithInvoice("purchase", 40);
    await sage.run("recordPurchaseInvoicePayment", {
      invoiceId: invoice.id,
      bankAccountId: currentAccount(),
      amount: "8",
    });
    expect(store().get("purchase_invoices", invoice.id)).toMatchObject({
      status: ref("artefact_statuses", "PART_PAID"),
      outstanding_amount: 40,
    });
    sage.sandbox().clearLog();
    const message = await failureOf(
      sage.run("recordPurchaseInvoicePayment", {
        invoiceId: invoice.id,
        bankAccountId: currentAccount(),
        amount: "41",
      }),
    );
    expect(message).toBe(
      `Invalid "Amount": expected at most the outstanding amount of purchase invoice ${invoice.displayed_as}, 40.00 GBP, got 41.`,
    );
    expect(posts()).toEqual([]);
  });
});

describe("List, Get and Delete Contact Payment", () => {
  test("Get returns the full payment; Delete removes it and restores the invoice's outstanding amount and the bank", async () => {
    const { invoice } = await contactWithInvoice("sales", 100);
    const bankBefore = balance();
    const { data: payment } = await sage.run("recordSalesInvoicePayment", {
      invoiceId: invoice.id,
      bankAccountId: currentAccount(),
      amount: "20",
    });
    sage.sandbox().clearLog();

    await expect(sage.run("getContactPayment", { contactPaymentId: payment.id })).resolves.toEqual({
      data: answered(payment.id),
    });
    expect(log()[0]).toMatchObject({ path: `/contact_payments/${payment.id}`, query: { attributes: "all" } });

    await expect(sage.run("deleteContactPayment", { contactPaymentId: payment.id })).resolves.toEqual({
      data: { deleted: true, id: payment.id },
    });
    expect(log()[1]).toMatchObject({ method: "DELETE", path: `/contact_payments/${payment.id}`, status: 204 });
    expect(store().get("contact_payments", payment.id)).toBeUndefined();
    expect(store().get("sales_invoices", invoice.id)).toMatchObject({
      status: ref("artefact_statuses", "UNPAID"),
      outstanding_amount: 120,
      total_paid: 0,
    });
    expect(balance()).toBe(bankBefore);
  });

  test("an invoice with a payment cannot be voided until the payment is deleted", async () => {
    const { invoice } = await contactWithInvoice("sales", 100);
    const { data: payment } = await sage.run("recordSalesInvoicePayment", {
      invoiceId: invoice.id,
      bankAccountId: currentAccount(),
      amount: "1",
    });
    expect(await failureOf(sage.run("deleteSalesInvoice", { salesInvoiceId: invoice.id, voidReason: "Oops" }))).toBe(
      `Sage API error 422 on DELETE /sales_invoices/${invoice.id}: Sales invoice ${invoice.displayed_as} has payments allocated; delete the payments first.`,
    );
    await sage.run("deleteContactPayment", { contactPaymentId: payment.id });
    await expect(
      sage.run("deleteSalesInvoice", { salesInvoiceId: invoice.id, voidReason: "Oops" }),
    ).resolves.toMatchObject({ data: { voided: true } });
  });

  test("unknown ids are Sage's 404s", async () => {
    const id = "a".repeat(32);
    expect(await failureOf(sage.run("getContactPayment", { contactPaymentId: id }))).toBe(
      `Sage API error 404 on GET /contact_payments/${id}: Contact payment not found.`,
    );
    expect(await failureOf(sage.run("deleteContactPayment", { contactPaymentId: id }))).toBe(
      `Sage API error 404 on DELETE /contact_payments/${id}: Contact payment not found.`,
    );
  });

  test("List pages, filters by contact, bank account and type, and Fetch All reads every page", async () => {
    const { contact, invoice } = await contactWithInvoice("sales", 1000);
    // 205 small payments against one invoice: more than one page of 200.
    for (let n = 0; n < 205; n++) {
      await sage.run("recordSalesInvoicePayment", {
        invoiceId: invoice.id,
        bankAccountId: currentAccount(),
        amount: "1",
        date: "2026-02-01",
      });
    }
    const { invoice: supplierInvoice } = await contactWithInvoice("purchase", 10);
    await sage.run("recordPurchaseInvoicePayment", {
      invoiceId: supplierInvoice.id,
      bankAccountId: sage.bankAccountId(1210),
    });
    sage.sandbox().clearLog();

    const mine = store()
      .list("contact_payments")
      .filter((p) => p.contact.id === contact.id)
      .map((p) => answered(p.id));
    expect(mine).toHaveLength(205);

    const { data: page } = await sage.run("listContactPayments", {
      contactId: contact.id,
      itemsPerPage: "100",
      page: "2",
    });
    expect(page).toMatchObject({
      $total: 205,
      $page: 2,
      $next: `/contact_payments?page=3&items_per_page=100&contact_id=${contact.id}&attributes=all`,
      $items: mine.slice(100, 200),
    });

    const { data: all } = await sage.run("listContactPayments", {
      contactId: contact.id,
      bankAccountId: currentAccount(),
      transactionTypeId: "CUSTOMER_RECEIPT",
      fetchAll: "true",
    });
    expect(all).toEqual({ $total: 205, $items: mine });

    const { data: vendorPayments } = await sage.run("listContactPayments", { transactionTypeId: "VENDOR_PAYMENT" });
    expect(vendorPayments.$items.map((p: { bank_account: { id: string } }) => p.bank_account.id)).toContain(
      sage.bankAccountId(1210),
    );
    expect(
      vendorPayments.$items.every(
        (p: { transaction_type: { id: string } }) => p.transaction_type.id === "VENDOR_PAYMENT",
      ),
    ).toBe(true);

    expect(log().map((entry) => entry.query)).toEqual([
      { contact_id: contact.id, attributes: "all", page: "2", items_per_page: "100" },
      ...["1", "2"].map((n) => ({
        contact_id: contact.id,
        bank_account_id: currentAccount(),
        transaction_type_id: "CUSTOMER_RECEIPT",
        attributes: "all",
        page: n,
        items_per_page: "200",
      })),
      { transaction_type_id: "VENDOR_PAYMENT", attributes: "all" },
    ]);
  }, 90_000);
});
