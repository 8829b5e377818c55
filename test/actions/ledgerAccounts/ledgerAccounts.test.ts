import nock from "nock";
import { BASE_PATH, failureOf, harness, runAction, sageApi, useNock, captureBody } from "../../helpers";
import { schemaProblems } from "../../sageSchema";

useNock();

const ACCOUNT_ID = "9a994b92267a11e797950a57719b2edb";
const account = { id: ACCOUNT_ID, displayed_as: "Consulting Income (4010)", $path: `/ledger_accounts/${ACCOUNT_ID}` };

const captureAccount = (method: "post" | "put", path: string) => captureBody(method, path, account);

const required = {
  ledgerAccountTypeId: "SALES",
  includedInChart: "true",
  name: "Consulting Income",
  displayName: "Consulting",
  nominalCode: "4010",
};

describe("createLedgerAccount", () => {
  test("sends every field in Sage's wrapper, nominal code as an integer, and returns the account", async () => {
    const sent = captureAccount("post", "/ledger_accounts");
    const result = await runAction("createLedgerAccount", { ...required, taxRateId: "GB_STANDARD" });
    expect(sent.body).toEqual({
      ledger_account: {
        ledger_account_type_id: "SALES",
        included_in_chart: true,
        name: "Consulting Income",
        display_name: "Consulting",
        nominal_code: 4010,
        tax_rate_id: "GB_STANDARD",
      },
    });
    expect(schemaProblems("postLedgerAccounts", sent.body)).toEqual([]);
    expect(result).toEqual({ data: account });
  });

  test("minimal: Include In Chart's default false is sent, no tax rate", async () => {
    const sent = captureAccount("post", "/ledger_accounts");
    const { includedInChart: _default, ...rest } = required;
    await runAction("createLedgerAccount", rest);
    expect(sent.body).toEqual({
      ledger_account: {
        ledger_account_type_id: "SALES",
        included_in_chart: false,
        name: "Consulting Income",
        display_name: "Consulting",
        nominal_code: 4010,
      },
    });
  });

  test.each([
    ["ledgerAccountTypeId", 'Invalid "Ledger Account Type Id": expected a value; this input is required.'],
    ["includedInChart", 'Invalid "Include In Chart": expected true or false; this input is required.'],
    ["name", 'Invalid "Name": expected a value; this input is required.'],
    ["displayName", 'Invalid "Display Name": expected a value; this input is required.'],
    ["nominalCode", 'Invalid "Nominal Code": expected a whole number from 1 to 99999999; this input is required.'],
  ])("a missing %s is refused before any request", async (key, message) => {
    expect(await failureOf(runAction("createLedgerAccount", { ...required, [key]: "" }))).toBe(message);
    expect(nock.pendingMocks()).toEqual([]);
  });

  test.each([
    [{ nominalCode: "40.5" }, 'Invalid "Nominal Code": expected a whole number from 1 to 99999999, got "40.5".'],
    [{ nominalCode: "0" }, 'Invalid "Nominal Code": expected a whole number from 1 to 99999999, got "0".'],
    [{ includedInChart: "yes" }, 'Invalid "Include In Chart": expected true or false, got "yes".'],
  ])("bad %p is refused before any request", async (bad, message) => {
    expect(await failureOf(runAction("createLedgerAccount", { ...required, ...bad }))).toBe(message);
  });
});

describe("updateLedgerAccount", () => {
  test("sends only what was filled in; Include In Chart left unchanged is not sent", async () => {
    const sent = captureAccount("put", `/ledger_accounts/${ACCOUNT_ID}`);
    const result = await runAction("updateLedgerAccount", { accountId: ACCOUNT_ID, displayName: "Consulting (UK)" });
    expect(sent.body).toEqual({ ledger_account: { display_name: "Consulting (UK)" } });
    expect(result).toEqual({ data: account });
  });

  test("Include In Chart set to False is sent as false", async () => {
    const sent = captureAccount("put", `/ledger_accounts/${ACCOUNT_ID}`);
    await runAction("updateLedgerAccount", { accountId: ACCOUNT_ID, includedInChart: "false" });
    expect(sent.body).toEqual({ ledger_account: { included_in_chart: false } });
  });

  test("every field, Gifi Code included, under Sage's names", async () => {
    const sent = captureAccount("put", `/ledger_accounts/${ACCOUNT_ID}`);
    await runAction("updateLedgerAccount", {
      accountId: ACCOUNT_ID,
      ...required,
      taxRateId: "GB_ZERO",
      gifiCode: "8000",
    });
    expect(sent.body).toEqual({
      ledger_account: {
        ledger_account_type_id: "SALES",
        included_in_chart: true,
        name: "Consulting Income",
        display_name: "Consulting",
        nominal_code: 4010,
        tax_rate_id: "GB_ZERO",
        gifi_code: 8000,
      },
    });
    expect(schemaProblems("putLedgerAccounts", sent.body)).toEqual([]);
  });

  test("Include In Chart is a tri-state dropdown on update, defaulting to Leave unchanged", () => {
    const input = harness.component.actions.updateLedgerAccount.inputs.find(({ key }) => key === "includedInChart");
    expect(input).toMatchObject({
      label: "Include In Chart",
      type: "string",
      default: "",
      model: [
        { label: "Leave unchanged", value: "" },
        { label: "True", value: "true" },
        { label: "False", value: "false" },
      ],
    });
  });

  test.each([
    [{ gifiCode: "12" }, 'Invalid "Gifi Code": expected a whole number from 1000 to 9999, got "12".'],
    [{ accountId: "" }, 'Invalid "Account Id": expected a value; this input is required.'],
  ])("bad %p is refused before any request", async (bad, message) => {
    expect(await failureOf(runAction("updateLedgerAccount", { accountId: ACCOUNT_ID, ...bad }))).toBe(message);
  });
});

describe("getLedgerAccount", () => {
  test("asks for the full record", async () => {
    sageApi().get(`${BASE_PATH}/ledger_accounts/${ACCOUNT_ID}`).query({ attributes: "all" }).reply(200, account);
    await expect(runAction("getLedgerAccount", { ledgerAccountId: ACCOUNT_ID })).resolves.toEqual({ data: account });
  });
});

describe("listLedgerAccounts", () => {
  test("Visible In offers exactly Sage's areas", () => {
    const input = harness.component.actions.listLedgerAccounts.inputs.find(({ key }) => key === "visibleIn");
    expect(input?.model?.map(({ value }) => value)).toEqual([
      "sales",
      "banking",
      "expenses",
      "other_payments",
      "other_receipts",
      "journals",
      "reporting",
    ]);
  });

  test("an unknown Visible In area is refused before any request", async () => {
    expect(await failureOf(runAction("listLedgerAccounts", { visibleIn: "payroll" }))).toBe(
      'Invalid "Visible In": expected one of sales, banking, expenses, other_payments, other_receipts, journals, reporting, got "payroll".',
    );
  });

  test("keeps the page's inputs first", () => {
    const keys = harness.component.actions.listLedgerAccounts.inputs.map(({ key }) => key);
    expect(keys).toEqual([
      "connection",
      "itemsPerPage",
      "page",
      "updatedOrCreatedSince",
      "visibleIn",
      "ledgerAccountTypeId",
      "fetchAll",
      "attributes",
    ]);
  });
});

test.each(["createLedgerAccount", "updateLedgerAccount", "getLedgerAccount", "listLedgerAccounts"])(
  "%s shows an example payload and uses only the component's data sources",
  (key) => {
    const { examplePayload, inputs } = harness.component.actions[key];
    expect(examplePayload).toEqual({ data: expect.any(Object) });
    const dataSources = Object.keys(harness.component.dataSources);
    for (const { dataSource } of inputs) if (dataSource) expect(dataSources).toContain(dataSource);
  },
);
