import { failureOf, withSandbox, ref } from "./withSandbox";

/** The sandbox answers writes with nested records in full and every optional field (its own choice). */
const WRITTEN = { nested_attributes: "all", show_balance: "true", show_payments_allocations: "true" };

// Sales and purchase invoices end to end: every action through Spectral's harness against the sandbox over real HTTP.
const sage = withSandbox();

beforeEach(() => sage.sandbox().clearLog());

const log = () => sage.sandbox().requestLog;

let serial = 0;
const newContact = async (type: "CUSTOMER" | "VENDOR", extra: Record<string, unknown> = {}) => {
  serial++;
  const { data } = await sage.run("createContact", {
    name: `Invoice ${type === "CUSTOMER" ? "Customer" : "Supplier"} ${serial}`,
    contactTypeIds: [type],
    ...extra,
  });
  return data as { id: string; name: string; displayed_as: string };
};

describe("Sales invoices", () => {
  const stored = (id: string) => sage.sandbox().store.get("sales_invoices", id);
  /** Sage's answer: to a read (no query), or to a write (the sandbox's own choice: everything in full). */
  const answered = (id: string, query: Record<string, string> = {}, business?: string) =>
    sage.sandbox().store.answer("sales_invoices", id, query, business);
  const lines = () => [
    {
      description: "Consulting",
      ledger_account_id: sage.ledgerId(4000),
      unit_price: 100,
      quantity: 2,
      tax_rate_id: "GB_STANDARD",
      discount_amount: 10,
    },
    { description: "Books", ledger_account_id: sage.ledgerId(4010), unit_price: 12.5, tax_rate_id: "GB_ZERO" },
  ];
  const newInvoice = async (contactId: string, unitPrice = 100) => {
    const { data } = await sage.run("createSalesInvoice", {
      contactId,
      date: "2026-01-31",
      invoiceLines: JSON.stringify([
        {
          description: "Work",
          ledger_account_id: sage.ledgerId(4000),
          unit_price: unitPrice,
          tax_rate_id: "GB_STANDARD",
        },
      ]),
    });
    return data as { id: string; displayed_as: string; total_amount: number };
  };

  describe("Create Sales Invoice", () => {
    test("sends the invoice wrapped with its lines; the sandbox computes the totals (its own arithmetic) and the store holds it UNPAID", async () => {
      const customer = await newContact("CUSTOMER", { creditDays: "14" });
      sage.sandbox().clearLog();
      const { data } = await sage.run("createSalesInvoice", {
        contactId: customer.id,
        date: "2026-01-31",
        invoiceLines: JSON.stringify(lines()),
        totalAmount: "240",
      });
      expect(log()).toEqual([expect.objectContaining({ method: "POST", path: "/sales_invoices", status: 201 })]);
      expect(log()[0].body).toEqual({
        sales_invoice: { contact_id: customer.id, date: "2026-01-31", total_amount: 240, invoice_lines: lines() },
      });
      expect(data).toEqual(answered(data.id, WRITTEN));
      expect(data).toMatchObject({
        contact: ref("contacts", customer.id),
        contact_name: customer.name,
        date: "2026-01-31",
        due_date: "2026-02-14",
        status: ref("artefact_statuses", "UNPAID"),
        // (2 × 100 − 10) × 1.2 + 12.50: the header total is Sage's, not the one sent.
        net_amount: 202.5,
        tax_amount: 38,
        total_amount: 240.5,
        outstanding_amount: 240.5,
        invoice_lines: [
          expect.objectContaining({ description: "Consulting", quantity: 2, net_amount: 190, tax_amount: 38 }),
          expect.objectContaining({ description: "Books", quantity: 1, net_amount: 12.5, tax_amount: 0 }),
        ],
      });
      expect(data.displayed_as).toMatch(/^SI-\d+$/);
    });

    test("a supplier is refused with a 422 naming contact_id (the sandbox's own rule); nothing is stored", async () => {
      const supplier = await newContact("VENDOR");
      const before = sage.sandbox().store.count("sales_invoices");
      const message = await failureOf(
        sage.run("createSalesInvoice", {
          contactId: supplier.id,
          date: "2026-01-31",
          invoiceLines: JSON.stringify(lines()),
        }),
      );
      expect(message).toBe(
        `Sage API error 422 on POST /sales_invoices: Contact '${supplier.displayed_as}' is not a customer (field: contact_id).`,
      );
      expect(sage.sandbox().store.count("sales_invoices")).toBe(before);
    });

    test("an unknown ledger account on a line is a 422 naming the line's field", async () => {
      const customer = await newContact("CUSTOMER");
      const message = await failureOf(
        sage.run("createSalesInvoice", {
          contactId: customer.id,
          date: "2026-01-31",
          invoiceLines: JSON.stringify([{ description: "X", ledger_account_id: "b".repeat(32), unit_price: 1 }]),
        }),
      );
      expect(message).toBe(
        `Sage API error 422 on POST /sales_invoices: Ledger account 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb' does not exist (field: invoice_lines.0.ledger_account_id).`,
      );
    });

    test("an unknown contact is a 422 naming contact_id", async () => {
      const message = await failureOf(
        sage.run("createSalesInvoice", {
          contactId: "c".repeat(32),
          date: "2026-01-31",
          invoiceLines: JSON.stringify(lines()),
        }),
      );
      expect(message).toBe(
        `Sage API error 422 on POST /sales_invoices: Contact '${"c".repeat(32)}' does not exist (field: contact_id).`,
      );
    });

    test("the untouched Invoice Lines template fails before any request", async () => {
      const message = await failureOf(
        sage.run("createSalesInvoice", { contactId: "c".repeat(32), date: "2026-01-31" }),
      );
      expect(message).toMatch(
        /^Invalid "Invoice Lines": line 1 \(index 0\): "ledger_account_id" is still the template placeholder/,
      );
      expect(log()).toEqual([]);
    });
  });

  describe("Get Sales Invoice", () => {
    test("returns the full record, asking for attributes=all", async () => {
      const invoice = await newInvoice((await newContact("CUSTOMER")).id);
      sage.sandbox().clearLog();
      await expect(sage.run("getSalesInvoice", { salesInvoiceId: invoice.id })).resolves.toEqual({
        data: answered(invoice.id),
      });
      expect(log()).toEqual([
        expect.objectContaining({ method: "GET", path: `/sales_invoices/${invoice.id}`, query: { attributes: "all" } }),
      ]);
    });

    test("an unknown id is Sage's 404", async () => {
      expect(await failureOf(sage.run("getSalesInvoice", { salesInvoiceId: "f".repeat(32) }))).toBe(
        `Sage API error 404 on GET /sales_invoices/${"f".repeat(32)}: Sales invoice not found.`,
      );
    });
  });

  describe("Update Sales Invoice", () => {
    test("changes only the given fields; the lines stay when Invoice Lines is left at its template", async () => {
      const invoice = await newInvoice((await newContact("CUSTOMER")).id);
      const before = answered(invoice.id, WRITTEN);
      sage.sandbox().clearLog();
      const { data } = await sage.run("updateSalesInvoice", {
        salesInvoiceId: invoice.id,
        notes: "Thank you",
        dueDate: "2026-03-31",
      });
      expect(log()).toEqual([
        expect.objectContaining({ method: "PUT", path: `/sales_invoices/${invoice.id}`, status: 200 }),
      ]);
      expect(log()[0].body).toEqual({ sales_invoice: { due_date: "2026-03-31", notes: "Thank you" } });
      expect(data).toEqual(answered(invoice.id, WRITTEN));
      expect(data).toEqual({ ...before, notes: "Thank you", due_date: "2026-03-31", updated_at: expect.any(String) });
    });

    test("new Invoice Lines replace all lines and the totals follow", async () => {
      const invoice = await newInvoice((await newContact("CUSTOMER")).id);
      const replacement = [
        { description: "Redo", ledger_account_id: sage.ledgerId(4000), unit_price: 50, quantity: 3 },
      ];
      const { data } = await sage.run("updateSalesInvoice", {
        salesInvoiceId: invoice.id,
        invoiceLines: JSON.stringify(replacement),
      });
      expect(log().at(-1)?.body).toEqual({ sales_invoice: { invoice_lines: replacement } });
      expect(stored(invoice.id)).toMatchObject({
        net_amount: 150,
        tax_amount: 0,
        total_amount: 150,
        invoice_lines: [expect.objectContaining({ description: "Redo", quantity: 3 })],
      });
      expect(data.invoice_lines).toHaveLength(1);
    });

    test("a due date before the date is a 422 naming due_date (the sandbox's own rule); nothing changes", async () => {
      const invoice = await newInvoice((await newContact("CUSTOMER")).id);
      const before = stored(invoice.id);
      const message = await failureOf(
        sage.run("updateSalesInvoice", { salesInvoiceId: invoice.id, dueDate: "2025-12-31" }),
      );
      expect(message).toBe(
        `Sage API error 422 on PUT /sales_invoices/${invoice.id}: Due date must be on or after the invoice date (field: due_date).`,
      );
      expect(stored(invoice.id)).toEqual(before);
    });

    test("an unknown id is Sage's 404", async () => {
      expect(await failureOf(sage.run("updateSalesInvoice", { salesInvoiceId: "e".repeat(32), notes: "x" }))).toBe(
        `Sage API error 404 on PUT /sales_invoices/${"e".repeat(32)}: Sales invoice not found.`,
      );
    });
  });

  describe("Delete Sales Invoice", () => {
    test("an issued invoice without a Void Reason is a 422 naming void_reason (required by Sage's spec; the status is the sandbox's); it stays UNPAID", async () => {
      const invoice = await newInvoice((await newContact("CUSTOMER")).id);
      sage.sandbox().clearLog();
      const message = await failureOf(sage.run("deleteSalesInvoice", { salesInvoiceId: invoice.id }));
      expect(message).toBe(
        `Sage API error 422 on DELETE /sales_invoices/${invoice.id}: Void reason can't be blank: give void_reason to void an invoice that is not a draft (field: void_reason).`,
      );
      expect(log()).toEqual([expect.objectContaining({ method: "DELETE", query: {}, status: 422 })]);
      expect(stored(invoice.id)?.status.id).toBe("UNPAID");
    });

    test("with a Void Reason it is voided: kept with status VOID and the reason, and returned", async () => {
      const invoice = await newInvoice((await newContact("CUSTOMER")).id);
      sage.sandbox().clearLog();
      const { data } = await sage.run("deleteSalesInvoice", {
        salesInvoiceId: invoice.id,
        voidReason: "Raised in error",
      });
      expect(log()).toEqual([
        expect.objectContaining({
          method: "DELETE",
          path: `/sales_invoices/${invoice.id}`,
          query: { void_reason: "Raised in error" },
          status: 200,
        }),
      ]);
      const voided = stored(invoice.id);
      expect(voided).toMatchObject({
        status: ref("artefact_statuses", "VOID"),
        void_reason: "Raised in error",
        outstanding_amount: 0,
      });
      expect(data).toEqual({
        id: invoice.id,
        deleted: false,
        voided: true,
        salesInvoice: answered(invoice.id, WRITTEN),
      });
    });

    test("a void invoice can no longer be edited or voided again", async () => {
      const invoice = await newInvoice((await newContact("CUSTOMER")).id);
      await sage.run("deleteSalesInvoice", { salesInvoiceId: invoice.id, voidReason: "Duplicate" });
      expect(await failureOf(sage.run("updateSalesInvoice", { salesInvoiceId: invoice.id, notes: "x" }))).toBe(
        `Sage API error 422 on PUT /sales_invoices/${invoice.id}: Sales invoice ${invoice.displayed_as} is void and cannot be edited.`,
      );
      expect(await failureOf(sage.run("deleteSalesInvoice", { salesInvoiceId: invoice.id, voidReason: "Again" }))).toBe(
        `Sage API error 422 on DELETE /sales_invoices/${invoice.id}: Sales invoice ${invoice.displayed_as} is already void.`,
      );
    });

    test("a draft is deleted (204): gone from the store, reported as deleted", async () => {
      const customer = await newContact("CUSTOMER");
      // The component creates issued invoices only; a draft comes from Raw Request, as a flow builder would make one.
      const { data: draft } = await sage.run("rawRequest", {
        url: "/sales_invoices",
        method: "POST",
        data: JSON.stringify({
          sales_invoice: {
            contact_id: customer.id,
            date: "2026-01-31",
            status_id: "DRAFT",
            invoice_lines: [{ description: "Draft", ledger_account_id: sage.ledgerId(4000), unit_price: 5 }],
          },
        }),
        headers: [{ key: "Content-Type", value: "application/json" }],
      });
      expect(stored(draft.id)?.status.id).toBe("DRAFT");
      sage.sandbox().clearLog();
      await expect(sage.run("deleteSalesInvoice", { salesInvoiceId: draft.id })).resolves.toEqual({
        data: { id: draft.id, deleted: true, voided: false },
      });
      expect(log()).toEqual([expect.objectContaining({ method: "DELETE", status: 204 })]);
      expect(stored(draft.id)).toBeUndefined();
    });

    test("an unknown id is Sage's 404", async () => {
      expect(await failureOf(sage.run("deleteSalesInvoice", { salesInvoiceId: "d".repeat(32), voidReason: "x" }))).toBe(
        `Sage API error 404 on DELETE /sales_invoices/${"d".repeat(32)}: Sales invoice not found.`,
      );
    });
  });

  describe("List Sales Invoices", () => {
    const business = () => sage.sandbox().businesses.second;
    const second = () => sage.connection({ businessId: business() });
    // The seed's demo invoice, then the synthetic ones, as the list returns them.
    const all = () =>
      sage
        .sandbox()
        .store.list("sales_invoices", business())
        .map((r) => answered(r.id, {}, business()));

    beforeAll(() => sage.sandbox().seed("sales_invoices", 230, { businessId: sage.sandbox().businesses.second }));

    test("Items Per Page and Page return that page with $next", async () => {
      const { data } = await sage.run("listSalesInvoices", { connection: second(), itemsPerPage: "100", page: "2" });
      expect(data).toEqual({
        $total: 231,
        $page: 2,
        $next: "/sales_invoices?page=3&items_per_page=100&attributes=all",
        $back: "/sales_invoices?page=1&items_per_page=100&attributes=all",
        $itemsPerPage: 100,
        $items: all().slice(100, 200),
      });
    });

    test("Fetch All reads every page: $total 231 (the seed's one and 230) in 2 requests", async () => {
      const { data } = await sage.run("listSalesInvoices", { connection: second(), fetchAll: "true" });
      expect(data).toEqual({ $total: 231, $items: all() });
      expect(log().map((entry) => entry.query.page)).toEqual(["1", "2"]);
    });

    test("Contact Id, Status Id, From Date and To Date reach Sage under its names", async () => {
      const customer = await newContact("CUSTOMER");
      const invoice = await newInvoice(customer.id);
      await newInvoice(customer.id);
      await sage.run("deleteSalesInvoice", { salesInvoiceId: invoice.id, voidReason: "Filter test" });
      sage.sandbox().clearLog();
      const { data } = await sage.run("listSalesInvoices", {
        contactId: customer.id,
        statusId: "VOID",
        fromDate: "2026-01-01",
        toDate: "2026-01-31",
      });
      expect(data.$items).toEqual([answered(invoice.id)]);
      expect(log()[0].query).toEqual({
        contact_id: customer.id,
        status_id: "VOID",
        from_date: "2026-01-01",
        to_date: "2026-01-31",
        attributes: "all",
      });
    });
  });
});

describe("Purchase invoices", () => {
  const stored = (id: string) => sage.sandbox().store.get("purchase_invoices", id);
  /** Sage's answer: to a read (no query), or to a write (the sandbox's own choice: everything in full). */
  const answered = (id: string, query: Record<string, string> = {}, business?: string) =>
    sage.sandbox().store.answer("purchase_invoices", id, query, business);
  const lines = () => [
    {
      description: "Paper",
      ledger_account_id: sage.ledgerId(5000),
      unit_price: 4.5,
      quantity: 10,
      tax_rate_id: "GB_STANDARD",
    },
  ];
  const newInvoice = async (contactId: string) => {
    const { data } = await sage.run("createPurchaseInvoice", {
      contactId,
      date: "2026-02-01",
      dueDate: "2026-03-01",
      invoiceLines: JSON.stringify(lines()),
    });
    return data as { id: string; displayed_as: string };
  };

  describe("Create Purchase Invoice", () => {
    test("sends the invoice with its due date; the store holds it with the totals the sandbox computed", async () => {
      const supplier = await newContact("VENDOR");
      sage.sandbox().clearLog();
      const { data } = await sage.run("createPurchaseInvoice", {
        contactId: supplier.id,
        date: "2026-02-01",
        dueDate: "2026-03-01",
        invoiceLines: JSON.stringify(lines()),
        totalAmount: "54",
      });
      expect(log()).toEqual([expect.objectContaining({ method: "POST", path: "/purchase_invoices", status: 201 })]);
      expect(log()[0].body).toEqual({
        purchase_invoice: {
          contact_id: supplier.id,
          date: "2026-02-01",
          due_date: "2026-03-01",
          total_amount: 54,
          invoice_lines: lines(),
        },
      });
      expect(data).toEqual(answered(data.id, WRITTEN));
      expect(data).toMatchObject({
        contact: ref("contacts", supplier.id),
        due_date: "2026-03-01",
        status: ref("artefact_statuses", "UNPAID"),
        net_amount: 45,
        tax_amount: 9,
        total_amount: 54,
        outstanding_amount: 54,
      });
      expect(data.displayed_as).toMatch(/^PI-\d+$/);
    });

    test("a customer is refused with a 422 naming contact_id (the sandbox's own rule)", async () => {
      const customer = await newContact("CUSTOMER");
      const message = await failureOf(
        sage.run("createPurchaseInvoice", {
          contactId: customer.id,
          date: "2026-02-01",
          dueDate: "2026-03-01",
          invoiceLines: JSON.stringify(lines()),
        }),
      );
      expect(message).toBe(
        `Sage API error 422 on POST /purchase_invoices: Contact '${customer.displayed_as}' is not a supplier (field: contact_id).`,
      );
    });

    test("a due date before the date is a 422 naming due_date (the sandbox's own rule)", async () => {
      const supplier = await newContact("VENDOR");
      const message = await failureOf(
        sage.run("createPurchaseInvoice", {
          contactId: supplier.id,
          date: "2026-02-01",
          dueDate: "2026-01-01",
          invoiceLines: JSON.stringify(lines()),
        }),
      );
      expect(message).toBe(
        "Sage API error 422 on POST /purchase_invoices: Due date must be on or after the invoice date (field: due_date).",
      );
    });

    test("a purchase line without quantity fails before any request", async () => {
      const message = await failureOf(
        sage.run("createPurchaseInvoice", {
          contactId: "c".repeat(32),
          date: "2026-02-01",
          dueDate: "2026-03-01",
          invoiceLines: JSON.stringify([{ description: "X", ledger_account_id: sage.ledgerId(5000), unit_price: 1 }]),
        }),
      );
      expect(message).toBe('Invalid "Invoice Lines": line 1 (index 0): "quantity" is required.');
      expect(log()).toEqual([]);
    });
  });

  describe("Get, Update and Delete Purchase Invoice", () => {
    test("Get returns the full record; an unknown id is Sage's 404", async () => {
      const invoice = await newInvoice((await newContact("VENDOR")).id);
      sage.sandbox().clearLog();
      await expect(sage.run("getPurchaseInvoice", { purchaseInvoiceId: invoice.id })).resolves.toEqual({
        data: answered(invoice.id),
      });
      expect(log()[0]).toMatchObject({ path: `/purchase_invoices/${invoice.id}`, query: { attributes: "all" } });
      expect(await failureOf(sage.run("getPurchaseInvoice", { purchaseInvoiceId: "f".repeat(32) }))).toBe(
        `Sage API error 404 on GET /purchase_invoices/${"f".repeat(32)}: Purchase invoice not found.`,
      );
    });

    test("Update changes only the given fields", async () => {
      const invoice = await newInvoice((await newContact("VENDOR")).id);
      const before = answered(invoice.id, WRITTEN);
      sage.sandbox().clearLog();
      const { data } = await sage.run("updatePurchaseInvoice", {
        purchaseInvoiceId: invoice.id,
        contactName: "Renamed Supplier",
        notes: "Checked",
      });
      expect(log()[0]).toMatchObject({ method: "PUT", path: `/purchase_invoices/${invoice.id}`, status: 200 });
      expect(log()[0].body).toEqual({ purchase_invoice: { contact_name: "Renamed Supplier", notes: "Checked" } });
      expect(data).toEqual(answered(invoice.id, WRITTEN));
      expect(data).toEqual({
        ...before,
        contact_name: "Renamed Supplier",
        notes: "Checked",
        updated_at: expect.any(String),
      });
    });

    test("Update of an unknown id is Sage's 404", async () => {
      expect(
        await failureOf(sage.run("updatePurchaseInvoice", { purchaseInvoiceId: "e".repeat(32), notes: "x" })),
      ).toBe(`Sage API error 404 on PUT /purchase_invoices/${"e".repeat(32)}: Purchase invoice not found.`);
    });

    test("Delete removes it from the store (no void reason needed); a second delete is a 404", async () => {
      const invoice = await newInvoice((await newContact("VENDOR")).id);
      sage.sandbox().clearLog();
      await expect(sage.run("deletePurchaseInvoice", { purchaseInvoiceId: invoice.id })).resolves.toEqual({
        data: { id: invoice.id, deleted: true },
      });
      expect(log()).toEqual([
        expect.objectContaining({ method: "DELETE", path: `/purchase_invoices/${invoice.id}`, status: 204 }),
      ]);
      expect(stored(invoice.id)).toBeUndefined();
      expect(await failureOf(sage.run("deletePurchaseInvoice", { purchaseInvoiceId: invoice.id }))).toBe(
        `Sage API error 404 on DELETE /purchase_invoices/${invoice.id}: Purchase invoice not found.`,
      );
    });
  });

  describe("List Purchase Invoices", () => {
    const business = () => sage.sandbox().businesses.second;
    const second = () => sage.connection({ businessId: business() });
    // The seed's demo invoice, then the synthetic ones, as the list returns them.
    const all = () =>
      sage
        .sandbox()
        .store.list("purchase_invoices", business())
        .map((r) => answered(r.id, {}, business()));

    beforeAll(() => sage.sandbox().seed("purchase_invoices", 401, { businessId: sage.sandbox().businesses.second }));

    test("Items Per Page and Page return that page with $next", async () => {
      const { data } = await sage.run("listPurchaseInvoices", { connection: second(), itemsPerPage: "200", page: "2" });
      expect(data).toMatchObject({
        $total: 402,
        $page: 2,
        $next: "/purchase_invoices?page=3&items_per_page=200&attributes=all",
        $items: all().slice(200, 400),
      });
    });

    test("Fetch All reads every page: $total 402 (the seed's one and 401) in 3 requests", async () => {
      const { data } = await sage.run("listPurchaseInvoices", { connection: second(), fetchAll: "true" });
      expect(data).toEqual({ $total: 402, $items: all() });
      expect(log().map((entry) => entry.query.page)).toEqual(["1", "2", "3"]);
    });

    test("a From Date that is not a date fails before any request", async () => {
      expect(
        await failureOf(sage.run("listPurchaseInvoices", { connection: second(), fromDate: "31/01/2026" })),
      ).toMatch(/^Invalid "From Date": /);
      expect(log()).toEqual([]);
    });
  });
});
