import { input } from "@prismatic-io/spectral";
import {
  InputError,
  optionalBoolean,
  optionalId,
  optionalInteger,
  optionalString,
  requiredId,
  requiredInteger,
  requiredString,
} from "../util/validation";
import { leaveUnchangedBoolean } from "./common";

export const ledgerAccountId = input({
  label: "Ledger Account Id",
  type: "string",
  required: true,
  comments: "Provide the unique identifier of a ledger account.",
  example: "9a994b92267a11e797950a57719b2edb",
  placeholder: "Select a ledger account",
  dataSource: "selectLedgerAccount",
  clean: requiredId("Ledger Account Id"),
});

export const accountId = input({
  ...ledgerAccountId,
  label: "Account Id",
  comments: "Provide the unique identifier of the account Id.",
  clean: requiredId("Account Id"),
});

export const ledgerAccountTypeId = input({
  label: "Ledger Account Type Id",
  type: "string",
  required: true,
  comments: "Provide the unique identifier of a ledger account type.",
  example: "SALES",
  placeholder: "Select a ledger account type",
  dataSource: "selectLedgerAccountType",
  clean: requiredId("Ledger Account Type Id"),
});

const INCLUDED_IN_CHART = "Include In Chart";

export const includedInChart = input({
  label: INCLUDED_IN_CHART,
  type: "boolean",
  required: true,
  default: "false",
  comments: "This flag determines if the account will be included in the chart of accounts.",
  clean: (value: unknown): boolean => {
    // Sage requires the flag on create; a mapped value that came out blank is an error, not a silent false.
    const flag = optionalBoolean(INCLUDED_IN_CHART)(value);
    if (flag === undefined) throw new InputError(INCLUDED_IN_CHART, "true or false; this input is required");
    return flag;
  },
});

export const name = input({
  label: "Name",
  type: "string",
  required: true,
  comments: "Provide a string value for a name.",
  example: "Consulting Income",
  clean: requiredString("Name"),
});

export const displayName = input({
  label: "Display Name",
  type: "string",
  required: true,
  comments: "Provide a string value for the display name.",
  example: "Consulting Income",
  clean: requiredString("Display Name"),
});

const NOMINAL_CODE_RANGE = { min: 1, max: 99999999 };

export const nominalCode = input({
  label: "Nominal Code",
  type: "string",
  required: true,
  comments: "Provide an unique integer value for the nominal code of the ledger account.",
  example: "4010",
  clean: requiredInteger("Nominal Code", NOMINAL_CODE_RANGE),
});

export const taxRateId = input({
  label: "Tax Rate Id",
  type: "string",
  required: false,
  comments: "Provide the unique identifier of a tax rate id.",
  example: "GB_STANDARD",
  placeholder: "Select a tax rate",
  dataSource: "selectTaxRate",
  clean: optionalId("Tax Rate Id"),
});

export const gifiCode = input({
  label: "Gifi Code",
  type: "string",
  required: false,
  comments: "Provide a value for The General Index of Financial Information.",
  example: "8000",
  clean: optionalInteger("Gifi Code", { min: 1000, max: 9999 }),
});

/** Create Ledger Account's inputs, in the page's order. */
export const createLedgerAccountInputs = {
  ledgerAccountTypeId,
  includedInChart,
  name,
  displayName,
  nominalCode,
  taxRateId,
};

/** Update Ledger Account's inputs: all optional, so only what is filled in is sent. */
export const updateLedgerAccountInputs = {
  ledgerAccountTypeId: input({ ...ledgerAccountTypeId, required: false, clean: optionalId("Ledger Account Type Id") }),
  includedInChart: leaveUnchangedBoolean(includedInChart),
  name: input({ ...name, required: false, clean: optionalString("Name") }),
  displayName: input({ ...displayName, required: false, clean: optionalString("Display Name") }),
  nominalCode: input({ ...nominalCode, required: false, clean: optionalInteger("Nominal Code", NOMINAL_CODE_RANGE) }),
  taxRateId,
  gifiCode,
};

const VISIBLE_IN_AREAS = ["sales", "banking", "expenses", "other_payments", "other_receipts", "journals", "reporting"];

/** List Ledger Accounts' filters after the page's Update or Created Since. */
export const ledgerAccountListFilters = {
  visibleIn: input({
    label: "Visible In",
    type: "string",
    required: false,
    comments: "Limit the response to ledger accounts visible in this area of Sage.",
    model: VISIBLE_IN_AREAS.map((value) => ({
      label: value.replace(/_/g, " ").replace(/\b\w/g, (letter) => letter.toUpperCase()),
      value,
    })),
    clean: (value: unknown): string | undefined => {
      const area = optionalString("Visible In")(value)?.trim();
      if (area !== undefined && !VISIBLE_IN_AREAS.includes(area)) {
        throw new InputError("Visible In", `one of ${VISIBLE_IN_AREAS.join(", ")}`, value);
      }
      return area;
    },
  }),
  ledgerAccountTypeId: input({
    ...ledgerAccountTypeId,
    required: false,
    comments: "Limit the response to ledger accounts of this ledger account type.",
    clean: optionalId("Ledger Account Type Id"),
  }),
};
