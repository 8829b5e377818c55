import { BASE_PATH, failureOf, runAction, sageApi, useNock } from "../../helpers";
import { unknownKeys } from "../../sageSchema";

useNock();

describe("listContactPayments", () => {
  test.each([
    [
      { updatedOrCreatedSince: "yesterday" },
      `Invalid "Update or Created Since": expected a date (YYYY-MM-DD) or an ISO-8601 date-time (YYYY-MM-DDThh:mm:ssZ), got "yesterday".`,
    ],
    [
      { contactId: "a/b" },
      `Invalid "Contact Id": expected a Sage Id (letters, digits, '-', '_', '.' or ':'), got "a/b".`,
    ],
    [
      { bankAccountId: "x?y" },
      `Invalid "Bank Account Id": expected a Sage Id (letters, digits, '-', '_', '.' or ':'), got "x?y".`,
    ],
  ])("bad filter %p is refused before any request", async (params, expected) => {
    expect(await failureOf(runAction("listContactPayments", params))).toBe(expected);
  });
});

describe("getContactPayment", () => {
  test("gets the full record by id", async () => {
    const payment = {
      id: "PAY1",
      total_amount: 120.5,
      allocated_artefacts: [{ artefact: { id: "INV1" }, amount: 120.5 }],
    };
    sageApi().get(`${BASE_PATH}/contact_payments/PAY1`).query({ attributes: "all" }).reply(200, payment);
    await expect(runAction("getContactPayment", { contactPaymentId: "PAY1" })).resolves.toEqual({ data: payment });
  });

  test("an id that would change the path is refused before any request", async () => {
    expect(await failureOf(runAction("getContactPayment", { contactPaymentId: "../contacts" }))).toBe(
      `Invalid "Contact Payment Id": expected a Sage Id (letters, digits, '-', '_', '.' or ':'), got "../contacts".`,
    );
  });
});

describe("deleteContactPayment", () => {
  test("deletes by id and says so", async () => {
    sageApi().delete(`${BASE_PATH}/contact_payments/PAY1`).reply(204);
    await expect(runAction("deleteContactPayment", { contactPaymentId: "PAY1" })).resolves.toEqual({
      data: { deleted: true, id: "PAY1" },
    });
  });

  test("a missing payment is reported with the path", async () => {
    sageApi()
      .delete(`${BASE_PATH}/contact_payments/NOPE`)
      .reply(404, [{ $severity: "error", $dataCode: "RecordNotFound", $message: "Resource not found" }]);
    expect(await failureOf(runAction("deleteContactPayment", { contactPaymentId: "NOPE" }))).toBe(
      "Sage API error 404 on DELETE /contact_payments/NOPE: Resource not found.",
    );
  });

  test("Contact Payment Id is required", async () => {
    expect(await failureOf(runAction("deleteContactPayment", {}))).toBe(
      `Invalid "Contact Payment Id": expected a value; this input is required.`,
    );
  });
});

describe("example payloads", () => {
  test("the contact payment example uses only fields of Sage's ContactPayment", async () => {
    const { getContactPayment } = await import("../../../src/examplePayloads/contactPayments");
    expect(unknownKeys("ContactPayment", getContactPayment.data)).toEqual([]);
  });
});
