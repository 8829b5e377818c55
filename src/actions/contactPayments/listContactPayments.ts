import { bankAccountIdFilter, contactIdFilter, transactionTypeIdFilter } from "../../inputs/contactPayments";
import { updatedOrCreatedSinceFor } from "../../inputs/common";
import { listAction } from "../listAction";
import * as examples from "../../examplePayloads/contactPayments";

export const listContactPayments = listAction({
  label: "List Contact Payments",
  description: "List all contact payments",
  path: "/contact_payments",
  definition: "ContactPayment",
  filters: {
    updatedOrCreatedSince: updatedOrCreatedSinceFor("Contact Payments"),
    contactId: contactIdFilter,
    bankAccountId: bankAccountIdFilter,
    transactionTypeId: transactionTypeIdFilter,
  },
  examplePayload: examples.listContactPayments.data,
});
