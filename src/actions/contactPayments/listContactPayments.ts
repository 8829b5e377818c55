import { bankAccountIdFilter, contactIdFilter, transactionTypeIdFilter } from "../../inputs/contactPayments";
import { updatedOrCreatedSince } from "../../inputs/common";
import { listAction } from "../listAction";
import * as examples from "../../examplePayloads/contactPayments";

export const listContactPayments = listAction({
  label: "List Contact Payments",
  description: "List all contact payments",
  path: "/contact_payments",
  filters: {
    updatedOrCreatedSince,
    contactId: contactIdFilter,
    bankAccountId: bankAccountIdFilter,
    transactionTypeId: transactionTypeIdFilter,
  },
  toQuery: ({ updatedOrCreatedSince, contactId, bankAccountId, transactionTypeId }) => ({
    updated_or_created_since: updatedOrCreatedSince as string | undefined,
    contact_id: contactId as string | undefined,
    bank_account_id: bankAccountId as string | undefined,
    transaction_type_id: transactionTypeId as string | undefined,
  }),
  examplePayload: examples.listContactPayments.data,
});
