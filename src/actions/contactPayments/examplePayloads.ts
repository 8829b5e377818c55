import { getContactPayment } from "../../examplePayloads/contactPayments";

// The examples live in src/examplePayloads/ (generated from the sandbox); this name is kept for
// test/actions/contactPayments/listGetDelete.test.ts, which checks the record against Sage's schema.
export const contactPaymentPayload = getContactPayment.data;
