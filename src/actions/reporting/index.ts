import { getAgedCreditors, getAgedDebtors } from "./agedBalances";
import { getTransaction, listJournalCodes, listLedgerEntries, listTransactions } from "./ledgerReads";
import { getTrialBalance } from "./trialBalance";

export default {
  getTrialBalance,
  listLedgerEntries,
  listTransactions,
  getTransaction,
  listJournalCodes,
  getAgedDebtors,
  getAgedCreditors,
};
