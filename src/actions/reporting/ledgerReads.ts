import { input } from "@prismatic-io/spectral";
import { documentListFilters } from "../../inputs/documents";
import { optionalId, requiredId } from "../../util/validation";
import { type ListFilters, listAction } from "../listAction";
import { getAction } from "../recordAction";

/** The general ledger's read-only lists: journal codes, ledger entries and transactions. */

/** Sage's from_date and to_date, as on the document lists. */
const dateRange = (plural: string): ListFilters => {
  const { fromDate, toDate } = documentListFilters(plural);
  return { fromDate, toDate };
};

const idFilter = (
  label: string,
  comments: string,
  { example = "a5fe7e0e2d3a4c1d9f6d6c2f0e4b8a11", dataSource }: { example?: string; dataSource?: string } = {},
) =>
  input({
    label,
    type: "string",
    required: false,
    comments,
    example,
    ...(dataSource ? { dataSource } : {}),
    clean: optionalId(label),
  });

const transactionTypeId = {
  query: "transaction_type_id",
  input: idFilter(
    "Transaction Type Id",
    "Limit the response to this transaction type, e.g. SALES_INVOICE, PURCHASE_INVOICE, CUSTOMER_RECEIPT, VENDOR_PAYMENT or JOURNAL.",
    { example: "SALES_INVOICE" },
  ),
};

export const listJournalCodes = listAction({
  label: "List Journal Codes",
  description: "List all journal codes (Sage keeps them for French businesses only)",
  path: "/journal_codes",
  definition: "JournalCode",
});

export const listLedgerEntries = listAction({
  label: "List Ledger Entries",
  description: "List the general ledger's entries: each debit or credit posted to a ledger account",
  path: "/ledger_entries",
  definition: "LedgerEntry",
  filters: {
    ...dateRange("ledger entries"),
    ledgerAccountId: {
      query: "ledger_account_id",
      input: idFilter("Ledger Account Id", "Limit the response to the entries of this ledger account.", {
        dataSource: "selectLedgerAccount",
      }),
    },
    transactionTypeId,
    transactionId: {
      query: "transaction_id",
      input: idFilter("Transaction Id", "Limit the response to the entries of this transaction."),
    },
  },
});

export const listTransactions = listAction({
  label: "List Transactions",
  description: "List transactions: every invoice, credit note, payment or journal as it was posted to the ledger",
  path: "/transactions",
  definition: "Transaction",
  filters: { ...dateRange("transactions"), transactionTypeId },
});

export const getTransaction = getAction({
  label: "Get Transaction",
  description: "Get a transaction by Id: its date, reference, total, contact, type and originating record.",
  path: "/transactions",
  idKey: "transactionId",
  idInput: input({
    label: "Transaction Id",
    type: "string",
    required: true,
    comments: "Provide the unique identifier of a transaction (e.g. from List Transactions or a record's transaction).",
    example: "a5fe7e0e2d3a4c1d9f6d6c2f0e4b8a11",
    clean: requiredId("Transaction Id"),
  }),
  definition: "Transaction",
});
