import component from "../../src";
import { withSandbox } from "./withSandbox";

// scripts/start.js is plain JS (npm start runs it on the built bundle); here its flow runs on the source component.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const start = require("../../scripts/start.js") as {
  runFlow: (component: unknown, connection: unknown, print: (line: string) => void) => Promise<void>;
  parseArgs: (argv: string[]) => {
    action?: string;
    inputs: Record<string, string>;
    serve: boolean;
    help: boolean;
    dataFile?: string;
    port?: number;
  };
  findAction: (component: unknown, wanted: string) => string;
};

const sage = withSandbox();

test("npm start's flow runs every step against the sandbox and leaves a voided invoice", async () => {
  const lines: string[] = [];
  await start.runFlow(component, sage.connection(), (line) => lines.push(line));
  expect(lines.map((line) => line.split(" →")[0])).toEqual([
    "✔ List Contact Types",
    "✔ Create Contact",
    "✔ Create Ledger Account",
    "✔ Create Sales Invoice",
    "✔ List Sales Invoices",
    "✔ Get Sales Invoice",
    "✔ Update Sales Invoice",
    "✔ Record Sales Invoice Payment",
    "✔ Delete Contact Payment",
    "✔ Delete Sales Invoice",
  ]);
  expect(lines[3]).toBe(
    // SI-1 is the seed's demo invoice.
    "✔ Create Sales Invoice → SI-2 for Acme Trading Ltd: net 1385.50, VAT 260.00, total 1645.50, UNPAID",
  );
  const [, invoice] = sage.sandbox().store.list("sales_invoices");
  expect(invoice).toMatchObject({
    status: { id: "VOID" },
    void_reason: "Raised in error (sandbox demo)",
    notes: "Thank you for your business.",
    total_paid: 0,
  });
  expect(sage.sandbox().store.count("contact_payments")).toBe(0);
  // No request the component sent was refused.
  expect(sage.sandbox().requestLog.filter((entry) => (entry.status ?? 500) >= 400)).toEqual([]);
});

test("a failing step is reported by its label with Sage's message", async () => {
  const lines: string[] = [];
  await expect(
    start.runFlow(component, sage.connection({ token: "wrong" }), (line) => lines.push(line)),
  ).rejects.toThrow(/^List Contact Types failed: Sage API error 401 on GET \/contact_types/);
});

test("arguments: an action with key=value inputs, --serve with --data and --port", () => {
  expect(start.parseArgs(["--", "List Contacts", "itemsPerPage=5", "search=a=b"])).toMatchObject({
    action: "List Contacts",
    inputs: { itemsPerPage: "5", search: "a=b" },
  });
  expect(start.parseArgs(["--serve", "--data", "co.json", "--port=4010"])).toMatchObject({
    serve: true,
    dataFile: "co.json",
    port: 4010,
  });
  expect(() => start.parseArgs(["--port", "x"])).toThrow('--port must be a port number, got "x"');
  expect(start.findAction(component, "list contacts")).toBe("listContacts");
  expect(start.findAction(component, "getContact")).toBe("getContact");
  expect(() => start.findAction(component, "Frobnicate")).toThrow(/No action "Frobnicate"/);
});
