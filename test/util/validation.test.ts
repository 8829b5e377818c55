import {
  InputError,
  optionalBoolean,
  optionalDate,
  optionalDateTime,
  optionalIdList,
  optionalInteger,
  optionalJsonObjectArray,
  optionalNumber,
  requiredDate,
  requiredId,
  requiredString,
} from "../../src/util/validation";

describe("dates (date-fns)", () => {
  test.each([
    ["2026-01-31", "2026-01-31"],
    ["2026-01-31T10:20:30Z", "2026-01-31T10:20:30Z"],
    ["2026-01-31T10:20:30.123+01:00", "2026-01-31T10:20:30.123+01:00"],
    ["2026-01-31T10:20", "2026-01-31T10:20"],
  ])("date-time %p is accepted as %p", (value, expected) => {
    expect(optionalDateTime("Since")(value)).toBe(expected);
  });

  test.each([
    "yesterday",
    "2026-13-01",
    "2026-02-30",
    "31/01/2026",
    "2026",
    "2026-01-31 garbage",
    "2026-01-31T25:00:00Z",
  ])("date-time %p is refused with the input's name", (value) => {
    expect(() => optionalDateTime("Since")(value)).toThrow(
      `Invalid "Since": expected a date (YYYY-MM-DD) or an ISO-8601 date-time (YYYY-MM-DDThh:mm:ssZ), got "${value}".`,
    );
  });

  test("invoice dates keep the calendar date written, timestamps included", () => {
    expect(optionalDate("Date")("2026-03-01T23:30:00-05:00")).toBe("2026-03-01");
    expect(requiredDate("Date")("2026-03-01")).toBe("2026-03-01");
  });

  test("a required date says it is required", () => {
    expect(() => requiredDate("Due Date")("")).toThrow('Invalid "Due Date": expected a date as YYYY-MM-DD');
  });

  test("blank is not sent", () => {
    expect(optionalDateTime("Since")("  ")).toBeUndefined();
    expect(optionalDate("Date")(undefined)).toBeUndefined();
  });
});

describe("numbers", () => {
  test.each([
    ["12", 12],
    [" 7 ", 7],
    [0, 0],
  ])("integer %p → %p", (value, expected) => expect(optionalInteger("N", { min: 0, max: 365 })(value)).toBe(expected));

  test.each(["1.5", "1e3", "abc", "366", "-1", "NaN", "Infinity", "99999999999999999999"])(
    "integer %p is refused",
    (value) => {
      expect(() => optionalInteger("Credit Days", { min: 0, max: 365 })(value)).toThrow(
        `Invalid "Credit Days": expected a whole number from 0 to 365, got "${value}".`,
      );
    },
  );

  test.each([
    ["12.50", 12.5],
    ["0", 0],
    [3, 3],
    ["-4", -4],
  ])("money %p → %p", (value, expected) => expect(optionalNumber("Amount")(value)).toBe(expected));

  test.each(["abc", "12,50", "1e13", "NaN", "Infinity", "", " "])("money %p is refused or left out", (value) => {
    if (value.trim() === "") expect(optionalNumber("Amount")(value)).toBeUndefined();
    else expect(() => optionalNumber("Amount")(value)).toThrow('Invalid "Amount": expected a number such as 12.50');
  });

  test("positive amounts", () => {
    expect(() => optionalNumber("Amount", { positive: true })("0")).toThrow(
      'expected a positive number such as 12.50 (at most 2 decimal places, size up to 1e12), got "0"',
    );
    expect(() => optionalNumber("Credit Limit", { nonNegative: true })("-1")).toThrow("a number of 0 or more");
  });
});

describe("ids and text", () => {
  test.each(["../businesses", "a/b", "x?y=1", "#frag", "..", ".", " ", "a b"])("id %p is refused", (value) => {
    expect(() => requiredId("Contact Id")(value)).toThrow(/^Invalid "Contact Id": expected /);
  });

  test.each(["3f2a9c0e8d1b4e5fa6b7c8d9e0f1a2b3", "GBP", "CUSTOMER", "GB_STANDARD"])("id %p is accepted", (value) => {
    expect(requiredId("Id")(value)).toBe(value);
  });

  test("required text", () => {
    expect(() => requiredString("Name")("")).toThrow('Invalid "Name": expected a value; this input is required.');
    expect(requiredString("Name")("  Acme ")).toBe("Acme");
  });

  test("id lists from a value list, JSON or comma-separated text", () => {
    expect(optionalIdList("Contact Type Ids")(["CUSTOMER", "", "VENDOR"])).toEqual(["CUSTOMER", "VENDOR"]);
    expect(optionalIdList("Contact Type Ids")('["CUSTOMER"]')).toEqual(["CUSTOMER"]);
    expect(optionalIdList("Contact Type Ids")("CUSTOMER, VENDOR")).toEqual(["CUSTOMER", "VENDOR"]);
    expect(optionalIdList("Contact Type Ids")([])).toBeUndefined();
    expect(() => optionalIdList("Contact Type Ids")(["CUSTOMER", "../x"])).toThrow(InputError);
  });
});

describe("booleans and JSON", () => {
  test.each([
    [true, true],
    ["false", false],
    ["TRUE", true],
    ["", undefined],
  ])("%p → %p", (value, expected) => expect(optionalBoolean("Flag")(value)).toBe(expected));

  test("anything else is refused", () => {
    expect(() => optionalBoolean("Flag")("yes")).toThrow('Invalid "Flag": expected true or false, got "yes".');
  });

  test("JSON arrays of objects", () => {
    expect(optionalJsonObjectArray("Lines")('[{"a":1}]')).toEqual([{ a: 1 }]);
    expect(optionalJsonObjectArray("Lines")([{ a: 1 }])).toEqual([{ a: 1 }]);
    expect(() => optionalJsonObjectArray("Lines")("[{]")).toThrow(/^Invalid "Lines": expected valid JSON/);
    expect(() => optionalJsonObjectArray("Lines")('{"a":1}')).toThrow(
      'Invalid "Lines": expected a JSON array of objects',
    );
    expect(() => optionalJsonObjectArray("Lines")("[1]")).toThrow(
      'Invalid "Lines": expected an object at index 0, got 1.',
    );
  });
});
