import component from "../../src";
import { POLLABLE_RESOURCES } from "../../src/triggers/pollableResources";
import { failureOf } from "../helpers";
import { flowWith, sageTime, triggerSandbox } from "./triggerSandbox";

// Against the sandbox (in-process, real HTTP), from fresh records at 2026-02-01 09:00 in each test.
const env = triggerSandbox();

// Prismatic's own Sage component (prismatic-io/components, components/sage) has a trigger with this
// key, label and inputs; a flow built on it must run on this component without being rebuilt.
const PRISMATIC_FLOW_INPUTS = { resourceType: "contacts", showNewRecords: "true", showUpdatedRecords: "true" };

describe("New and Updated Records (key pollChangesTrigger)", () => {
  const trigger = component.triggers.pollChangesTrigger;

  test("has the key, label and input keys of Prismatic's trigger, its Resource Type values among ours", () => {
    expect(trigger.display.label).toBe("New and Updated Records");
    expect((trigger as unknown as { isPollingTrigger?: boolean }).isPollingTrigger).toBe(true);
    expect(trigger.inputs.map(({ key, label, required, default: value }) => [key, label, required, value])).toEqual([
      ["connection", "Connection", true, undefined],
      ["resourceType", "Resource Type", true, ""],
      ["showNewRecords", "Show New Records", false, "true"],
      ["showUpdatedRecords", "Show Updated Records", false, "true"],
      ["startFrom", "Start From", false, ""],
      ["includeSystemContacts", "Include System Contacts", false, "false"],
    ]);
    const model = (trigger.inputs.find(({ key }) => key === "resourceType") as { model?: { value: string }[] }).model;
    const values = model?.map(({ value }) => value);
    expect(values).toEqual(expect.arrayContaining(["contacts", "salesInvoices", "purchaseInvoices", "ledgerAccounts"]));
    expect(values).toEqual(POLLABLE_RESOURCES.map(({ value }) => value));
  });

  test("a flow built on Prismatic's trigger with resource contacts runs unchanged: first poll marks, later ones deliver", async () => {
    const sage = env.list("/contacts");
    await sage.create("OLD");
    sage.advance(600);
    const flow = flowWith("pollChangesTrigger", PRISMATIC_FLOW_INPUTS);
    expect(await flow.poll(sage)).toMatchObject({ created: [], updated: [], noChanges: true });
    expect(sage.requests).toEqual([]);
    const mark = flow.state()?.mark;
    expect(mark).toBe(sageTime(sage.now));

    sage.advance(60);
    await sage.create("NEW");
    await sage.update("OLD");
    sage.advance(300);
    expect(await flow.poll(sage)).toMatchObject({ created: ["NEW@1"], updated: ["OLD@2"], noChanges: false });
    expect(sage.requests).toEqual([
      {
        updated_or_created_since: mark,
        attributes: "all",
        exclude_system: "true",
        nested_attributes: "all",
        page: "1",
        items_per_page: "200",
      },
    ]);
    sage.advance(300);
    expect(await flow.poll(sage)).toMatchObject({ noChanges: true });
  });

  test("the state Prismatic's trigger saved ({ lastPolledAt }) is where the moved flow goes on from", async () => {
    const sage = env.list("/contacts");
    const lastPolledAt = new Date(sage.now).toISOString();
    sage.advance(60);
    await sage.create("MISSED_WHILE_MOVING");
    sage.advance(300);
    const flow = flowWith("pollChangesTrigger", PRISMATIC_FLOW_INPUTS, { lastPolledAt });
    expect(await flow.poll(sage)).toMatchObject({ created: ["MISSED_WHILE_MOVING@1"] });
    expect(sage.requests[0].updated_or_created_since).toBe(lastPolledAt);
  });

  test.each(POLLABLE_RESOURCES.map((resource) => [resource.value, resource]))(
    "resource %s reads its own Sage list, full records, and delivers each record changed since Start From",
    async (value, resource) => {
      const sandbox = env.sandbox();
      const collection = resource.path.slice(1);
      const startFrom = "2024-01-01T00:00:00Z";
      const flow = flowWith("pollChangesTrigger", { resourceType: value, startFrom });
      // Sage's own records of the trial business (the seed), plus a new one where the sandbox can make one fast.
      env.clock.now += 60_000;
      const made = ["contacts", "contact_persons", "ledger_accounts", "products", "services"].includes(collection)
        ? sandbox.seed(collection, 1)
        : [];
      env.clock.now += 300_000;
      const expected = sandbox.store
        .list(collection)
        .filter((record) => !(resource.excludeSystem && record.system === true))
        // A fixed query (Other Payments / Other Receipts share one collection): only its kind.
        .filter((record) =>
          Object.entries(resource.query ?? {}).every(([name, id]) => record[name.replace(/_id$/, "")]?.id === id),
        )
        .map((record) => record.id);
      expect(expected).toEqual(expect.arrayContaining(made));
      const poll = await flow.poll();
      expect([...poll.created, ...poll.updated].sort()).toEqual([...expected].sort());
      expect(env.sandbox().requestLog.map((entry) => entry.query)).toEqual([
        {
          ...resource.query,
          updated_or_created_since: startFrom,
          attributes: resource.attributes ?? "all",
          ...(resource.nestedAttributes ? { nested_attributes: "all" } : {}),
          ...(resource.excludeSystem ? { exclude_system: "true" } : {}),
          page: "1",
          items_per_page: "200",
        },
      ]);
      expect(env.sandbox().requestLog.map((entry) => entry.path)).toEqual([resource.path]);
    },
  );

  test("an unknown Resource Type is refused before any request, naming the choices", async () => {
    const message = await failureOf(flowWith("pollChangesTrigger", { resourceType: "quotes" }).poll());
    expect(message).toBe(
      `Invalid "Resource Type": expected one of ${POLLABLE_RESOURCES.map(({ value }) => value).join(", ")}, got "quotes".`,
    );
    expect(env.sandbox().requestLog).toEqual([]);
  });
});

describe("Deleted Records (key recordsDeleted)", () => {
  test("offers only the resources whose Sage list takes deleted_since", () => {
    const input = component.triggers.recordsDeleted.inputs.find(({ key }) => key === "resourceType") as {
      model?: { value: string }[];
    };
    expect(input.model?.map(({ value }) => value)).toEqual(
      POLLABLE_RESOURCES.filter((resource) => resource.deletedSince).map(({ value }) => value),
    );
    expect(input.model?.map(({ value }) => value)).not.toContain("ledgerAccounts");
  });

  test("a Start From in the future is refused, naming the input", async () => {
    const message = await failureOf(
      flowWith("recordsDeleted", { resourceType: "contacts", startFrom: "2026-02-02" }).poll(),
    );
    expect(message).toMatch(/^Invalid "Start From": expected a date-time that is not in the future/);
  });

  test("a ledger account is not deletable in Sage: refused as a Resource Type", async () => {
    const message = await failureOf(flowWith("recordsDeleted", { resourceType: "ledgerAccounts" }).poll());
    expect(message).toMatch(/^Invalid "Resource Type": expected one of contacts, contactPersons, salesInvoices/);
  });
});
