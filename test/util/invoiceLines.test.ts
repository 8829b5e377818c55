import { INVOICE_LINES_TEMPLATE, invoiceLines, lineFieldsOf } from "../../src/util/invoiceLines";
import { InputError } from "../../src/util/validation";

const LABEL = "Invoice Lines";
const salesCreate = invoiceLines(LABEL, "sales", { required: true });
const salesUpdate = invoiceLines(LABEL, "sales", { required: false });
const purchaseCreate = invoiceLines(LABEL, "purchase", { required: true });

const LEDGER = "9a994b92267a11e797950a57719b2edb";
const line = { description: "Consulting", ledger_account_id: LEDGER, unit_price: 100 };

/** The message of the error a cleaner throws, failing the test if it does not throw an InputError. */
const errorOf = (clean: (value: unknown) => unknown, value: unknown): string => {
  try {
    clean(value);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error("expected the cleaner to refuse the value");
};

/** Node's own JSON.parse message for a text, which the input error quotes. */
const jsonErrorOf = (text: string): string => {
  try {
    JSON.parse(text);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`${text} is valid JSON`);
};

describe("the Invoice Lines template", () => {
  test("is the page's template as valid, pretty-printed JSON: same keys, order and values", () => {
    const parsed = JSON.parse(INVOICE_LINES_TEMPLATE);
    expect(parsed).toEqual([
      {
        description: "string",
        ledger_account_id: "string",
        unit_price: 0,
        product_id: "string",
        service_id: "string",
        quantity: 0,
      },
    ]);
    expect(Object.keys(parsed[0])).toEqual([
      "description",
      "ledger_account_id",
      "unit_price",
      "product_id",
      "service_id",
      "quantity",
    ]);
    expect(INVOICE_LINES_TEMPLATE).toBe(JSON.stringify(parsed, null, 2));
    expect(INVOICE_LINES_TEMPLATE).not.toMatch(/<br|<code|,\s*}/);
  });

  test("left untouched on create, its placeholder Id is refused with a hint", () => {
    expect(errorOf(salesCreate, INVOICE_LINES_TEMPLATE)).toBe(
      'Invalid "Invoice Lines": line 1 (index 0): "ledger_account_id" is still the template placeholder "string"; put a Sage Id there.',
    );
  });

  test("left untouched on update, means the lines are not changed", () => {
    expect(salesUpdate(INVOICE_LINES_TEMPLATE)).toBeUndefined();
    expect(salesUpdate(JSON.parse(INVOICE_LINES_TEMPLATE))).toBeUndefined();
  });

  test("an optional placeholder Id left in an edited line is refused too", () => {
    const edited = [{ ...line, product_id: "string" }];
    expect(errorOf(salesUpdate, JSON.stringify(edited))).toBe(
      'Invalid "Invoice Lines": line 1 (index 0): "product_id" is still the template placeholder "string"; put a Sage Id there or remove the field.',
    );
  });
});

describe("valid lines", () => {
  test("JSON text becomes Sage's snake_case lines, every supported sales field kept", () => {
    const full = {
      description: "  Consulting  ",
      ledger_account_id: LEDGER,
      unit_price: 100.5,
      quantity: 2,
      product_id: "p1",
      service_id: "s1",
      tax_rate_id: "GB_STANDARD",
      discount_amount: 0,
      tax_amount: 40.2,
      net_amount: 201,
      total_amount: 241.2,
    };
    expect(salesCreate(JSON.stringify([full, line]))).toEqual([{ ...full, description: "Consulting" }, line]);
  });

  test("an already-parsed array (from a previous step) is accepted", () => {
    expect(salesCreate([line])).toEqual([line]);
  });

  test("blank and null optional fields are dropped; 0 is a value and is kept", () => {
    expect(salesCreate([{ ...line, product_id: "", service_id: null, tax_rate_id: "  ", quantity: 0 }])).toEqual([
      { ...line, quantity: 0 },
    ]);
  });

  test("update: blank means not filled in", () => {
    expect(salesUpdate("")).toBeUndefined();
    expect(salesUpdate(undefined)).toBeUndefined();
  });

  test("purchase lines: the purchase field set has no discount_amount", () => {
    expect(lineFieldsOf("purchase")).not.toContain("discount_amount");
    expect(lineFieldsOf("sales")).toContain("discount_amount");
    expect(purchaseCreate([{ ...line, quantity: 3 }])).toEqual([{ ...line, quantity: 3 }]);
  });
});

describe("bad lines are refused with the line, the field and what is wrong", () => {
  test.each([
    [
      "blank on create",
      "",
      'Invalid "Invoice Lines": expected a JSON array of invoice line objects; this input is required.',
    ],
    ["not JSON", "[{", `Invalid "Invoice Lines": expected valid JSON (${jsonErrorOf("[{")}).`],
    [
      "not an array",
      '{"description":"x"}',
      'Invalid "Invoice Lines": expected a JSON array of invoice line objects, got {"description":"x"}.',
    ],
    ["an empty array", "[]", 'Invalid "Invoice Lines": expected at least one invoice line, got [].'],
    [
      "a line that is not an object",
      '["x"]',
      'Invalid "Invoice Lines": line 1 (index 0): expected an object, got "x".',
    ],
    [
      "a missing description on the second line",
      JSON.stringify([line, { ledger_account_id: LEDGER, unit_price: 1 }]),
      'Invalid "Invoice Lines": line 2 (index 1): "description" is required.',
    ],
    [
      "a price given as text",
      JSON.stringify([line, { ...line, unit_price: "12" }]),
      'Invalid "Invoice Lines": line 2 (index 1): "unit_price" must be a number with at most 2 decimal places and size up to 1e12, got "12".',
    ],
    [
      "a camelCase key",
      JSON.stringify([{ description: "x", ledgerAccountId: LEDGER, unit_price: 1 }]),
      'Invalid "Invoice Lines": line 1 (index 0): "ledgerAccountId" is not a Sage field name; use "ledger_account_id".',
    ],
    [
      "an unknown key",
      JSON.stringify([{ ...line, colour: "red" }]),
      'Invalid "Invoice Lines": line 1 (index 0): unknown field "colour"; allowed fields: description, ledger_account_id, unit_price, quantity, product_id, service_id, tax_rate_id, discount_amount, tax_amount, net_amount, total_amount.',
    ],
    [
      "a description that is not text",
      JSON.stringify([{ ...line, description: 5 }]),
      'Invalid "Invoice Lines": line 1 (index 0): "description" must be text, got 5.',
    ],
    [
      "an Id that could change a path",
      JSON.stringify([{ ...line, ledger_account_id: "../x" }]),
      'Invalid "Invoice Lines": line 1 (index 0): "ledger_account_id" must be a Sage Id, got "../x".',
    ],
    [
      "an Id given as a number",
      JSON.stringify([{ ...line, tax_rate_id: 7 }]),
      'Invalid "Invoice Lines": line 1 (index 0): "tax_rate_id" must be a Sage Id, got 7.',
    ],
    [
      "a quantity that is a boolean",
      JSON.stringify([{ ...line, quantity: true }]),
      'Invalid "Invoice Lines": line 1 (index 0): "quantity" must be a number with at most 2 decimal places and size up to 1e12, got true.',
    ],
  ])("%s", (_case, value, message) => {
    expect(errorOf(salesCreate, value)).toBe(message);
  });

  test("the same rules apply to lines given on update", () => {
    expect(errorOf(salesUpdate, [{ ...line, unit_price: "12" }])).toBe(
      'Invalid "Invoice Lines": line 1 (index 0): "unit_price" must be a number with at most 2 decimal places and size up to 1e12, got "12".',
    );
  });

  test("purchase lines need a quantity", () => {
    expect(errorOf(purchaseCreate, [line])).toBe('Invalid "Invoice Lines": line 1 (index 0): "quantity" is required.');
  });

  test("purchase lines refuse discount_amount, which Sage's purchase line schema lacks", () => {
    expect(errorOf(purchaseCreate, [{ ...line, quantity: 1, discount_amount: 5 }])).toBe(
      'Invalid "Invoice Lines": line 1 (index 0): unknown field "discount_amount"; allowed fields: description, ledger_account_id, unit_price, quantity, product_id, service_id, tax_rate_id, tax_amount, net_amount, total_amount.',
    );
  });
});
