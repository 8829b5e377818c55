import component from "../../src";
import { RESOURCES } from "../../src/resources";
import { BASE_PATH, envelope, failureOf, harness, sageApi, testConnection, useNock } from "../helpers";

useNock();

const runDataSource = (key: string, params: Record<string, unknown> = {}) =>
  harness.dataSource(key, { connection: testConnection(), ...params }) as Promise<{
    result: { label: string; key: string }[];
  }>;

const paged = [
  ["selectContact", "Select Contact", "/contacts"],
  ["selectContactType", "Select Contact Type", "/contact_types"],
  ["selectAddressType", "Select Address Type", "/address_types"],
  ["selectCountry", "Select Country", "/countries"],
  ["selectCurrency", "Select Currency", "/currencies"],
  ["selectLedgerAccount", "Select Ledger Account", "/ledger_accounts"],
  ["selectLedgerAccountType", "Select Ledger Account Type", "/ledger_account_types"],
  ["selectTaxRate", "Select Tax Rate", "/tax_rates"],
  ["selectBankAccount", "Select Bank Account", "/bank_accounts"],
  ["selectPaymentMethod", "Select Payment Method", "/payment_methods"],
  ["selectJournalCode", "Select Journal Code", "/journal_codes"],
  ...RESOURCES.flatMap((resource) =>
    resource.dropdown ? [[resource.dropdown.key, resource.dropdown.label, resource.path] as const] : [],
  ),
] as const;

test("every agreed data source key is registered, and nothing else", () => {
  expect(Object.keys(component.dataSources ?? {}).sort()).toEqual(
    [...paged.map(([key]) => key), "selectBusiness", "selectContactPerson"].sort(),
  );
});

/** Inputs a dropdown has besides the connection, and what it always asks Sage for besides paging. */
const EXTRA_INPUTS: Record<string, string[]> = { selectContact: ["includeSystem"] };
const FIXED_QUERY: Record<string, Record<string, string>> = {
  // Sage's HMRC system contacts are no customer or supplier a flow builder picks.
  selectContact: { exclude_system: "true" },
};

describe.each(paged)("%s", (key, label, path) => {
  test("is a picklist with the agreed label, a connection input and an example", () => {
    const dataSource = component.dataSources[key];
    expect(dataSource.display.label).toBe(label);
    expect(dataSource.dataSourceType).toBe("picklist");
    expect(dataSource.inputs.map(({ key }) => key)).toEqual(["connection", ...(EXTRA_INPUTS[key] ?? [])]);
    expect((dataSource.examplePayload as { result: unknown[] }).result).toEqual(
      expect.arrayContaining([{ label: expect.any(String), key: expect.any(String) }]),
    );
  });

  test("reads every page (450 records: 3 requests of 200) and lists them by label", async () => {
    // Sage returns them in an order unrelated to the label.
    const records = Array.from({ length: 450 }, (_, n) => {
      const shuffled = (n * 7919) % 450;
      return {
        id: `ID${shuffled}`,
        displayed_as: `Item ${String(shuffled).padStart(3, "0")}`,
        $path: `${path}/ID${shuffled}`,
      };
    });
    const scope = sageApi();
    for (const page of [1, 2, 3]) {
      scope
        .get(`${BASE_PATH}${path}`)
        .query({ ...FIXED_QUERY[key], page: String(page), items_per_page: "200" })
        .reply(200, envelope(records.slice((page - 1) * 200, page * 200), { page, itemsPerPage: 200, total: 450 }));
    }
    const { result } = await runDataSource(key);
    expect(result).toHaveLength(450);
    expect(result[0]).toEqual({ label: "Item 000", key: "ID0" });
    expect(result[449]).toEqual({ label: "Item 449", key: "ID449" });
    expect(result.map(({ label }) => label)).toEqual(
      Array.from({ length: 450 }, (_, n) => `Item ${String(n).padStart(3, "0")}`),
    );
    expect(scope.isDone()).toBe(true);
  });
});

test("Select Contact lists Sage's system contacts only when Include System Contacts is on", async () => {
  const hmrc = { id: "h1", displayed_as: "HMRC Payments", system: true };
  const customer = { id: "c1", displayed_as: "Acme Ltd" };
  sageApi()
    .get(`${BASE_PATH}/contacts`)
    .query({ exclude_system: "true", page: "1", items_per_page: "200" })
    .reply(200, envelope([customer]))
    .get(`${BASE_PATH}/contacts`)
    .query({ page: "1", items_per_page: "200" })
    .reply(200, envelope([customer, hmrc]));
  expect((await runDataSource("selectContact")).result).toEqual([{ label: "Acme Ltd", key: "c1" }]);
  expect((await runDataSource("selectContact", { includeSystem: "true" })).result).toEqual([
    { label: "Acme Ltd", key: "c1" },
    { label: "HMRC Payments", key: "h1" },
  ]);
});

describe("labels", () => {
  test("sort the way people read them (case and accents), not by character code", async () => {
    sageApi()
      .get(`${BASE_PATH}/countries`)
      .query({ page: "1", items_per_page: "200" })
      .reply(
        200,
        envelope([
          { id: "ZA", displayed_as: "Zambia (ZM)" },
          { id: "AX", displayed_as: "Åland Islands (AX)" },
          { id: "ae", displayed_as: "algeria (DZ)" },
          { id: "BE", displayed_as: "Belgium (BE)" },
        ]),
      );
    const { result } = await runDataSource("selectCountry");
    expect(result).toEqual([
      { label: "Åland Islands (AX)", key: "AX" },
      { label: "algeria (DZ)", key: "ae" },
      { label: "Belgium (BE)", key: "BE" },
      { label: "Zambia (ZM)", key: "ZA" },
    ]);
  });

  test("fall back to the id when Sage sends no displayed_as; equal labels keep a stable order by id", async () => {
    sageApi()
      .get(`${BASE_PATH}/contacts`)
      .query(true)
      .reply(
        200,
        envelope([
          { id: "c2", displayed_as: "Same" },
          { id: "b", displayed_as: null },
          { id: "c1", displayed_as: "Same" },
        ]),
      );
    expect((await runDataSource("selectContact")).result).toEqual([
      { label: "b", key: "b" },
      { label: "Same", key: "c1" },
      { label: "Same", key: "c2" },
    ]);
  });

  test("an empty list is an empty picklist", async () => {
    sageApi().get(`${BASE_PATH}/products`).query({ page: "1", items_per_page: "200" }).reply(200, envelope([]));
    expect(await runDataSource("selectProduct")).toEqual({ result: [] });
  });
});

describe("selectBusiness", () => {
  test("reads GET /businesses, a plain array, in one request and labels each business by name", async () => {
    sageApi()
      .get(`${BASE_PATH}/businesses`)
      .reply(200, [
        { id: "b2", name: "Zeta Ltd", displayed_as: "Zeta Ltd", country: { id: "GB" } },
        { id: "b1", name: "Acme Trading", displayed_as: "Acme" },
        { id: "b3", name: null, displayed_as: "Unnamed business" },
      ]);
    expect(await runDataSource("selectBusiness")).toEqual({
      result: [
        { label: "Acme Trading", key: "b1" },
        { label: "Unnamed business", key: "b3" },
        { label: "Zeta Ltd", key: "b2" },
      ],
    });
  });

  test("is registered as a picklist with an example", () => {
    const dataSource = component.dataSources.selectBusiness;
    expect(dataSource.display.label).toBe("Select Business");
    expect(dataSource.dataSourceType).toBe("picklist");
    expect((dataSource.examplePayload as { result: unknown[] }).result).toHaveLength(2);
  });
});

describe("failures", () => {
  test("a Sage error on a later page fails the dropdown with Sage's message", async () => {
    sageApi()
      .get(`${BASE_PATH}/ledger_accounts`)
      .query({ page: "1", items_per_page: "200" })
      .reply(200, envelope([{ id: "L1", displayed_as: "Sales" }], { itemsPerPage: 1, total: 2 }))
      .get(`${BASE_PATH}/ledger_accounts`)
      .query({ page: "2", items_per_page: "200" })
      .reply(400, [{ $severity: "error", $dataCode: "RecordInvalid", $message: "Page is invalid", $source: "page" }]);
    expect(await failureOf(runDataSource("selectLedgerAccount"))).toBe(
      "Sage API error 400 on GET /ledger_accounts: Page is invalid (field: page).",
    );
  });

  test("a token-less connection fails before any request", async () => {
    expect(await failureOf(runDataSource("selectTaxRate", { connection: testConnection({}, {}) }))).toContain(
      "The Sage connection has no access token",
    );
  });
});

describe("selectContactPerson", () => {
  const people = [
    { id: "P2", displayed_as: "Tom Baker", $path: "/contact_persons/P2" },
    { id: "P1", displayed_as: "Jane Smith", $path: "/contact_persons/P1" },
  ];

  test("has the key and label of Prismatic's, which takes only the connection; Contact Id is optional", () => {
    const dataSource = component.dataSources.selectContactPerson;
    expect(dataSource.display.label).toBe("Select Contact Person");
    expect(dataSource.dataSourceType).toBe("picklist");
    expect(dataSource.inputs.map(({ key, required }) => [key, required])).toEqual([
      ["connection", true],
      ["contactId", false],
    ]);
  });

  test("with only the connection (as Prismatic's): every contact person, by label", async () => {
    sageApi()
      .get(`${BASE_PATH}/contact_persons`)
      .query({ page: "1", items_per_page: "200" })
      .reply(200, envelope(people));
    expect((await runDataSource("selectContactPerson")).result).toEqual([
      { label: "Jane Smith", key: "P1" },
      { label: "Tom Baker", key: "P2" },
    ]);
  });

  test("with a Contact Id: only that contact's people (Sage's contact_id filter)", async () => {
    sageApi()
      .get(`${BASE_PATH}/contact_persons`)
      .query({ contact_id: "C1", page: "1", items_per_page: "200" })
      .reply(200, envelope(people.slice(1)));
    expect((await runDataSource("selectContactPerson", { contactId: "C1" })).result).toEqual([
      { label: "Jane Smith", key: "P1" },
    ]);
  });

  test("a bad Contact Id is refused before any request", async () => {
    expect(await failureOf(runDataSource("selectContactPerson", { contactId: "../contacts" }))).toBe(
      "Invalid \"Contact Id\": expected a Sage Id (letters, digits, '-', '_', '.' or ':'), got \"../contacts\".",
    );
  });
});
