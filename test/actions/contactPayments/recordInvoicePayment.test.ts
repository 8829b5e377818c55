import { idempotencyIdFor } from "../../../src/util/idempotency";
import { BASE_PATH, captureBody, failureOf, runAction, sageApi, useNock } from "../../helpers";
import { unknownKeys } from "../../sageSchema";

useNock();

// Only Date is faked: nock and axios keep their real timers. 23:30 local time checks that
// "today" is the local calendar day, not the UTC one.
beforeAll(() => {
  jest.useFakeTimers({
    now: new Date(2026, 2, 15, 23, 30),
    doNotFake: [
      "hrtime",
      "nextTick",
      "performance",
      "queueMicrotask",
      "setImmediate",
      "clearImmediate",
      "setInterval",
      "clearInterval",
      "setTimeout",
      "clearTimeout",
    ],
  });
});
afterAll(() => jest.useRealTimers());

const kinds = [
  {
    key: "recordSalesInvoicePayment",
    path: "/sales_invoices",
    type: "CUSTOMER_RECEIPT",
    noun: "sales invoice",
    number: "SI-12",
  },
  {
    key: "recordPurchaseInvoicePayment",
    path: "/purchase_invoices",
    type: "VENDOR_PAYMENT",
    noun: "purchase invoice",
    number: "PI-7",
  },
] as const;

describe.each(kinds)("$key", ({ key, path, type, noun, number }) => {
  const invoice = (overrides: Record<string, unknown> = {}) => ({
    id: "INV1",
    displayed_as: number,
    $path: `${path}/INV1`,
    contact: { id: "CONTACT1", displayed_as: "Acme Ltd (ACME)" },
    total_amount: 200,
    outstanding_amount: 120.5,
    currency: { id: "GBP", displayed_as: "Pound Sterling (GBP)" },
    status: { id: "PART_PAID", displayed_as: "Part Paid" },
    ...overrides,
  });

  /** Mock the invoice GET; returns a function giving the POST body once the action ran. */
  const mockPayment = (invoiceBody: Record<string, unknown> = invoice()) => {
    sageApi().get(`${BASE_PATH}${path}/INV1`).query({ attributes: "all" }).reply(200, invoiceBody);
    const sent = captureBody("post", "/contact_payments", {
      id: "PAY1",
      displayed_as: "Payment",
      transaction_type: { id: type },
    });
    return () => sent.body;
  };

  test("with only the invoice and bank account it pays the outstanding amount to the invoice's contact, dated today", async () => {
    // The faked moment is on another day in UTC (jest runs in a time zone west of UTC, see
    // test/globalSetup.js): a UTC date in the body would fail here, not pass by accident.
    expect(new Date().toISOString().slice(0, 10)).not.toBe("2026-03-15");
    const body = mockPayment();
    const result = await runAction(key, { invoiceId: "INV1", bankAccountId: "BANK1" });
    expect(result).toEqual({ data: { id: "PAY1", displayed_as: "Payment", transaction_type: { id: type } } });
    expect(body()).toEqual({
      contact_payment: {
        transaction_type_id: type,
        contact_id: "CONTACT1",
        bank_account_id: "BANK1",
        date: "2026-03-15",
        total_amount: 120.5,
        allocated_artefacts: [{ artefact_id: "INV1", amount: 120.5 }],
      },
    });
    expect(unknownKeys("postContactPayments", body())).toEqual([]);
  });

  test("every input given: amount, contact, date, method and reference are sent as given", async () => {
    const body = mockPayment();
    await runAction(key, {
      invoiceId: "INV1",
      bankAccountId: "BANK1",
      amount: "50.25",
      date: "2026-01-31",
      paymentMethodId: "BANK_TRANSFER",
      reference: "ch_123",
      contactId: "OTHER_CONTACT",
    });
    expect(body()).toEqual({
      contact_payment: {
        transaction_type_id: type,
        contact_id: "OTHER_CONTACT",
        bank_account_id: "BANK1",
        date: "2026-01-31",
        total_amount: 50.25,
        payment_method_id: "BANK_TRANSFER",
        reference: "ch_123",
        allocated_artefacts: [{ artefact_id: "INV1", amount: 50.25 }],
      },
    });
    expect(unknownKeys("postContactPayments", body())).toEqual([]);
  });

  test("paying exactly the outstanding amount is allowed (no rounding surprise on 0.1 + 0.2)", async () => {
    const body = mockPayment(invoice({ outstanding_amount: 0.3 }));
    await runAction(key, { invoiceId: "INV1", bankAccountId: "BANK1", amount: 0.1 + 0.2 });
    expect(body()).toMatchObject({ contact_payment: { total_amount: 0.3 } });
  });

  test("an outstanding amount Sage sends as a string is paid as a number", async () => {
    const body = mockPayment(invoice({ outstanding_amount: "80.0" }));
    await runAction(key, { invoiceId: "INV1", bankAccountId: "BANK1" });
    expect(body()).toMatchObject({
      contact_payment: { total_amount: 80, allocated_artefacts: [{ artefact_id: "INV1", amount: 80 }] },
    });
  });

  test("a timestamp date is cut to its calendar date", async () => {
    const body = mockPayment();
    await runAction(key, { invoiceId: "INV1", bankAccountId: "BANK1", date: "2026-02-01T10:00:00Z" });
    expect(body()).toMatchObject({ contact_payment: { date: "2026-02-01" } });
  });

  test("overpayment is refused after the GET and before any POST, stating the outstanding amount", async () => {
    sageApi().get(`${BASE_PATH}${path}/INV1`).query({ attributes: "all" }).reply(200, invoice());
    const message = await failureOf(runAction(key, { invoiceId: "INV1", bankAccountId: "BANK1", amount: "120.51" }));
    expect(message).toBe(
      `Invalid "Amount": expected at most the outstanding amount of ${noun} ${number}, 120.50 GBP, got 120.51.`,
    );
  });

  test.each([
    [
      "-5",
      `Invalid "Amount": expected a positive number such as 12.50 (at most 2 decimal places, size up to 1e12), got "-5".`,
    ],
    [
      "0",
      `Invalid "Amount": expected a positive number such as 12.50 (at most 2 decimal places, size up to 1e12), got "0".`,
    ],
    [
      "abc",
      `Invalid "Amount": expected a positive number such as 12.50 (at most 2 decimal places, size up to 1e12), got "abc".`,
    ],
  ])("Amount %p is refused before any request", async (bad, expected) => {
    // No mocks: any request would fail with a different (network) error.
    expect(await failureOf(runAction(key, { invoiceId: "INV1", bankAccountId: "BANK1", amount: bad }))).toBe(expected);
  });

  test("a void invoice is refused before any POST", async () => {
    sageApi()
      .get(`${BASE_PATH}${path}/INV1`)
      .query({ attributes: "all" })
      .reply(200, invoice({ status: { id: "VOID" }, outstanding_amount: 120.5 }));
    expect(await failureOf(runAction(key, { invoiceId: "INV1", bankAccountId: "BANK1" }))).toBe(
      `Invalid "Invoice Id": expected an invoice that can be paid; ${noun} ${number} is void.`,
    );
  });

  test.each([0, "0.00"])(
    "a fully paid invoice (outstanding %p) is refused before any POST, even with an Amount",
    async (outstanding) => {
      sageApi()
        .get(`${BASE_PATH}${path}/INV1`)
        .query({ attributes: "all" })
        .reply(200, invoice({ status: { id: "PAID" }, outstanding_amount: outstanding }));
      expect(await failureOf(runAction(key, { invoiceId: "INV1", bankAccountId: "BANK1", amount: "10" }))).toBe(
        `Invalid "Invoice Id": expected an invoice with an amount outstanding; ${noun} ${number} has an outstanding amount of 0.00 GBP.`,
      );
    },
  );

  test("pay in full is refused when Sage does not say what is outstanding", async () => {
    const { outstanding_amount: _omitted, ...withoutOutstanding } = invoice();
    sageApi().get(`${BASE_PATH}${path}/INV1`).query({ attributes: "all" }).reply(200, withoutOutstanding);
    expect(await failureOf(runAction(key, { invoiceId: "INV1", bankAccountId: "BANK1" }))).toBe(
      `Invalid "Amount": expected a value: Sage did not return the outstanding amount of ${noun} ${number}.`,
    );
  });

  test("an invoice without a contact needs Contact Id", async () => {
    sageApi()
      .get(`${BASE_PATH}${path}/INV1`)
      .query({ attributes: "all" })
      .reply(200, invoice({ contact: null }));
    expect(await failureOf(runAction(key, { invoiceId: "INV1", bankAccountId: "BANK1" }))).toBe(
      `Invalid "Contact Id": expected a value: ${noun} ${number} has no contact.`,
    );
  });

  test.each([
    [{ bankAccountId: "BANK1" }, `Invalid "Invoice Id": expected a value; this input is required.`],
    [{ invoiceId: "INV1" }, `Invalid "Bank Account Id": expected a value; this input is required.`],
    [
      { invoiceId: "../contacts/X", bankAccountId: "BANK1" },
      `Invalid "Invoice Id": expected a Sage Id (letters, digits, '-', '_', '.' or ':'), got "../contacts/X".`,
    ],
    [
      { invoiceId: "INV1", bankAccountId: "BANK1", date: "2026-02-30" },
      `Invalid "Date": expected a date as YYYY-MM-DD (an ISO-8601 timestamp is also accepted; its date part is sent), got "2026-02-30".`,
    ],
  ])("bad inputs %p are refused before any request", async (params, expected) => {
    expect(await failureOf(runAction(key, params))).toBe(expected);
  });

  test("a missing invoice is reported and nothing is posted", async () => {
    sageApi()
      .get(`${BASE_PATH}${path}/NOPE`)
      .query({ attributes: "all" })
      .reply(404, [{ $severity: "error", $dataCode: "RecordNotFound", $message: "Resource not found" }]);
    expect(await failureOf(runAction(key, { invoiceId: "NOPE", bankAccountId: "BANK1" }))).toBe(
      `Sage API error 404 on GET ${path}/NOPE: Resource not found.`,
    );
  });

  test("100.001 on a 100.00 invoice is refused before anything is read or written", async () => {
    // Nothing is mocked: a request would fail with another message.
    expect(await failureOf(runAction(key, { invoiceId: "INV1", bankAccountId: "BANK1", amount: "100.001" }))).toBe(
      'Invalid "Amount": expected a positive number such as 12.50 (at most 2 decimal places, size up to 1e12), got "100.001".',
    );
  });

  test("100.01 on a 100.00 invoice is refused as an overpayment, compared in cents", async () => {
    sageApi()
      .get(`${BASE_PATH}${path}/INV1`)
      .query({ attributes: "all" })
      .reply(200, invoice({ outstanding_amount: "100.0" }));
    expect(await failureOf(runAction(key, { invoiceId: "INV1", bankAccountId: "BANK1", amount: 100.01 }))).toBe(
      `Invalid "Amount": expected at most the outstanding amount of ${noun} ${number}, 100.00 GBP, got 100.01.`,
    );
  });

  test("a POST answered 500 is sent again with the same idempotency_id: Sage records the payment once", async () => {
    sageApi().get(`${BASE_PATH}${path}/INV1`).query({ attributes: "all" }).reply(200, invoice());
    const ids: string[] = [];
    const idOf = (body: { contact_payment: { idempotency_id: string } }) =>
      !!ids.push(body.contact_payment.idempotency_id);
    sageApi()
      .post(`${BASE_PATH}/contact_payments`, idOf)
      .reply(500, [{ $message: "Internal error" }])
      .post(`${BASE_PATH}/contact_payments`, idOf)
      .reply(201, { id: "PAY1" });
    const result = await runAction(key, { invoiceId: "INV1", bankAccountId: "BANK1", idempotencyKey: "order-7" });
    expect(result).toEqual({ data: { id: "PAY1" } });
    expect(ids).toEqual([
      idempotencyIdFor("contact_payment", "order-7"),
      idempotencyIdFor("contact_payment", "order-7"),
    ]);
  });

  test("when every try fails after Sage may have acted, the error says how a re-run with the same key returns it", async () => {
    sageApi().get(`${BASE_PATH}${path}/INV1`).query({ attributes: "all" }).reply(200, invoice());
    sageApi()
      .post(`${BASE_PATH}/contact_payments`)
      .times(4)
      .reply(500, [{ $message: "Internal error." }]);
    expect(
      await failureOf(runAction(key, { invoiceId: "INV1", bankAccountId: "BANK1", idempotencyKey: "order-7" })),
    ).toBe(
      "Sage API error 500 on POST /contact_payments: Internal error. Sage may have created the record before this failure: running the step again with the same Idempotency Key within 7 days returns it instead of creating another.",
    );
  });

  test("Sage's validation error on the POST names the field", async () => {
    sageApi().get(`${BASE_PATH}${path}/INV1`).query({ attributes: "all" }).reply(200, invoice());
    sageApi()
      .post(`${BASE_PATH}/contact_payments`)
      .reply(422, [
        {
          $severity: "error",
          $dataCode: "RecordInvalid",
          $message: "Bank account is invalid",
          $source: "bank_account_id",
        },
      ]);
    expect(await failureOf(runAction(key, { invoiceId: "INV1", bankAccountId: "BANK1" }))).toBe(
      "Sage API error 422 on POST /contact_payments: Bank account is invalid (field: bank_account_id).",
    );
  });
});

test("the spec check itself catches a key Sage does not know", () => {
  expect(
    unknownKeys("postContactPayments", {
      contact_payment: {
        contact_id: "C",
        allocated_artefacts: [{ artefact_id: "I", amount: 1, invoice_id: "I" }],
        paid: true,
      },
    }),
  ).toEqual([
    "postContactPayments.contact_payment.allocated_artefacts.0.invoice_id: invoice_id is not an attribute of 0",
    "postContactPayments.contact_payment.paid: paid is not an attribute of contact_payment",
  ]);
});
