import fs from "fs";
import path from "path";
import component from "../src";

// scripts/docs.js is plain CommonJS (it runs without a build step), and tsconfig has no allowJs.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { renderDocs } = require("../scripts/docs.js") as { renderDocs: (definition: unknown) => string };

const DOCS = path.join(__dirname, "..", "docs", "actions.md");

const rendered = renderDocs(component);

/** The lines of one `### <heading>` section, up to the next heading. */
const sectionOf = (doc: string, heading: string): string[] => {
  const lines = doc.split("\n");
  const start = lines.indexOf(`### ${heading}`);
  if (start < 0) throw new Error(`no section "### ${heading}"`);
  const end = lines.findIndex((line, i) => i > start && line.startsWith("#"));
  return lines.slice(start, end < 0 ? undefined : end);
};

/** A table row's cells, trimmed (splits on "|" not escaped as "\|"). */
const cellsOf = (row: string): string[] =>
  row
    .split(/(?<!\\)\|/)
    .slice(1, -1)
    .map((text) => text.trim());

const rowsLabelled = (doc: string, heading: string, label: string): string[][] =>
  sectionOf(doc, heading)
    .filter((line) => line.startsWith("|"))
    .map(cellsOf)
    .filter((cells) => cells[0] === label);

describe("docs/actions.md", () => {
  it("is the rendering of the current component definition", () => {
    const committed = fs.existsSync(DOCS) ? fs.readFileSync(DOCS, "utf8") : "";
    if (committed !== rendered) {
      const want = rendered.split("\n");
      const have = committed.split("\n");
      const line = want.findIndex((text, i) => text !== have[i]);
      throw new Error(
        `docs/actions.md is stale: run npm run docs\n(first difference at line ${line + 1}: ` +
          `expected ${JSON.stringify(want[line])}, found ${JSON.stringify(have[line])})`,
      );
    }
  });

  it("renders the same bytes every time", () => {
    expect(renderDocs(component)).toBe(rendered);
  });

  it("has a section with its key for every action, trigger and data source, sorted by label", () => {
    const groups = { Actions: component.actions, Triggers: component.triggers, "Data Sources": component.dataSources };
    for (const [title, items] of Object.entries(groups)) {
      const part = rendered.split(`\n## ${title}\n`)[1].split("\n## ")[0];
      const headings = part.split("\n").filter((line) => line.startsWith("### "));
      const labels = Object.values(items ?? {}).map((item) => item.display.label);
      expect(labels.length).toBeGreaterThan(0);
      expect(headings).toEqual([...labels].sort().map((label) => `### ${label}`));
      for (const item of Object.values(items ?? {})) {
        expect(sectionOf(rendered, item.display.label)).toContain(item.display.description);
        expect(sectionOf(rendered, item.display.label).some((line) => line.startsWith(`Key: \`${item.key}\``))).toBe(
          true,
        );
      }
    }
  });

  it("starts with the component's label and description", () => {
    expect(rendered.startsWith("# Sage Accounting\n")).toBe(true);
    expect(rendered).toContain("\nManage contacts and others connected to your Sage account.\n");
  });

  it("documents the connection without its hidden OAuth URLs", () => {
    const section = sectionOf(rendered, "OAuth 2.0").join("\n");
    expect(section).toContain("| Scopes ");
    expect(rowsLabelled(rendered, "OAuth 2.0", "Scopes")).toEqual([
      ["Scopes", "`scopes`", "Yes", "Space separated OAuth 2.0 permission scopes for Sage", "text", "full_access"],
    ]);
    expect(section).not.toContain("Authorize URL");
    expect(section).not.toContain("Token URL");
  });

  it("puts the Connection row first in every action table", () => {
    for (const action of Object.values(component.actions)) {
      const rows = sectionOf(rendered, action.display.label).filter((line) => line.startsWith("|"));
      expect(cellsOf(rows[2])).toEqual(["Connection", "`connection`", "Yes", "", "", ""]);
    }
  });

  it("renders List Contacts' Items Per Page row as on the Prismatic page", () => {
    expect(rowsLabelled(rendered, "List Contacts", "Items Per Page")).toEqual([
      [
        "Items Per Page",
        "`itemsPerPage`",
        "",
        "Provide a value for the amount of items to be returned in the response.",
        "a whole number from 1 to 200",
        "",
      ],
    ]);
  });

  it("tells Create Contact's two Is Main Address rows (one label on the page) apart by key", () => {
    const row = (key: string) => [
      "Is Main Address",
      `\`${key}\``,
      "",
      "This flag will determine if this is the contacts main address.",
      "true or false",
      "false",
    ];
    expect(rowsLabelled(rendered, "Create Contact", "Is Main Address")).toEqual([
      row("isMainAddress"),
      row("deliveryIsMainAddress"),
    ]);
  });

  it("says which inputs are required and what each accepts", () => {
    const [name] = rowsLabelled(rendered, "Create Contact", "Name");
    expect(name.slice(0, 3)).toEqual(["Name", "`name`", "Yes"]);
    const [creditDays] = rowsLabelled(rendered, "Create Contact", "Credit Days");
    expect(creditDays.slice(1, 3)).toEqual(["`creditDays`", ""]);
    expect(creditDays[4]).toBe("a whole number from 0 to 365");
    const [since] = rowsLabelled(rendered, "List Sales Invoices", "Update or Created Since");
    expect(since[4]).toBe("a date (YYYY-MM-DD) or an ISO-8601 date-time (YYYY-MM-DDThh:mm:ssZ)");
  });

  it("names each list's own records in Update or Created Since, except where the page's words are kept", () => {
    const comment = (action: string) => rowsLabelled(rendered, action, "Update or Created Since")[0][3];
    expect(comment("List Tax Rates")).toMatch(/^Use this to limit the response to Tax Rates changed since/);
    expect(comment("List Contact Payments")).toMatch(/^Use this to limit the response to Contact Payments changed/);
    // Prismatic's page says "Contacts" on all five of its lists; test/page.test.ts keeps them as the page has them.
    expect(comment("List Sales Invoices")).toMatch(/^Use this to limit the response to Contacts changed since/);
  });

  it("escapes a | inside a comment so the row keeps three cells", () => {
    const [row] = sectionOf(rendered, "List Contacts").filter((line) => line.startsWith("| Update or Created Since"));
    expect(row).toContain("YYYY-MM-DDT(+\\|-)hh:mm");
    expect(cellsOf(row)).toHaveLength(6);
  });

  it("shows a code default inline with <br /> line breaks", () => {
    const [[, , , , , shown]] = rowsLabelled(rendered, "Create Sales Invoice", "Invoice Lines");
    expect(shown).toMatch(/^<code>\[<br \/> \{<br \/> "description": "string",<br \/> .*<br \/> \}<br \/>\]<\/code>$/);
  });

  it("pads each table's columns to one width, like prettier", () => {
    const rows = sectionOf(rendered, "Create Contact").filter((line) => line.startsWith("|"));
    expect(new Set(rows.map((line) => line.length)).size).toBe(1);
    expect(rows[1]).toMatch(/^\| -+ \| -+ \| -+ \| -+ \| -+ \| -+ \|$/);
  });

  it("renders any definition: hidden inputs, non-text defaults, | in labels, empty groups", () => {
    const doc = renderDocs({
      display: { label: "Tiny", description: "A tiny component." },
      connections: [],
      actions: {
        doIt: {
          key: "doIt",
          display: { label: "Do It", description: "Does it." },
          inputs: [
            { key: "mode", label: "In|Out", type: "string", comments: "Pick one.", default: "in" },
            { key: "connection", label: "Connection", type: "connection" },
            { key: "secret", label: "Secret", type: "string", shown: false },
            { key: "tags", label: "Tags", type: "string", collection: "valuelist", default: ["a", "b"] },
          ],
        },
      },
    });
    expect(doc).toContain("This component has no connections.");
    expect(doc).toContain("## Triggers\n\nThis component has no triggers.\n");
    expect(doc).toContain("## Data Sources\n\nThis component has no data sources.\n");
    expect(doc).not.toContain("Secret");
    const rows = sectionOf(doc, "Do It")
      .filter((line) => line.startsWith("|"))
      .slice(2)
      .map(cellsOf);
    expect(rows).toEqual([
      ["Connection", "`connection`", "", "", "", ""],
      ["In\\|Out", "`mode`", "", "Pick one.", "text", "in"],
      ["Tags", "`tags`", "", "", "a list", '<code>["a","b"]</code>'],
    ]);
  });
});
