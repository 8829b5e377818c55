import { bankAccountIdFilter, contactIdFilter, transactionTypeIdFilter } from "../../inputs/contactPayments";
import { updatedOrCreatedSinceFor } from "../../inputs/common";
import { listAction } from "../listAction";

export const listContactPayments = listAction({
  label: "List Contact Payments",
  description: "List all contact payments",
  path: "/contact_payments",
  definition: "ContactPayment",
  filters: {
    updatedOrCreatedSince: { query: "updated_or_created_since", input: updatedOrCreatedSinceFor("Contact Payments") },
    contactId: { query: "contact_id", input: contactIdFilter },
    bankAccountId: { query: "bank_account_id", input: bankAccountIdFilter },
    transactionTypeId: { query: "transaction_type_id", input: transactionTypeIdFilter },
  },
});
