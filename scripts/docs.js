#!/usr/bin/env node
// @ts-check
"use strict";

/**
 * `npm run docs`: writes docs/actions.md from the built component (dist/index.js), so the
 * reference can never drift from what the component actually declares. The page follows the
 * layout of Prismatic's connector docs (a `| Input | Comments | Default |` table per action), with
 * the input's key (what `npm start` and a flow's JSON use, and what tells two inputs of one label
 * apart), whether it is required, and what it accepts (from its cleaner, see src/util/validation.ts).
 *
 * renderDocs(component) is exported so test/docs.test.ts can render the TypeScript source and
 * fail when the committed docs/actions.md is stale.
 *
 * The output holds nothing but the definition (no dates, versions or paths): the same
 * component always renders the same bytes.
 */

const fs = require("fs");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const DIST = path.join(ROOT, "dist", "index.js");
const OUTPUT = path.join(ROOT, "docs", "actions.md");

/**
 * The shape spectral's component() produces (its server format), reduced to what the page shows.
 * @typedef {{ key: string, label: string, type: string, comments?: string, default?: unknown, shown?: boolean,
 *   required?: boolean, collection?: string, model?: { label: string, value: string }[], clean?: { accepts?: string } }} Input
 * @typedef {{ key: string, display: { label: string, description: string }, inputs: Input[] }} Item
 * @typedef {{ key: string, label: string, comments?: string, oauth2Type?: string, inputs: Input[] }} Connection
 * @typedef {{
 *   display: { label: string, description: string },
 *   connections?: Connection[],
 *   actions?: Record<string, Item>,
 *   triggers?: Record<string, Item>,
 *   dataSources?: Record<string, Item & { dataSourceType?: string }>,
 * }} Component
 */

/** A table cell: one line, and a "|" in the text must not end the cell. @param {string} text */
const cell = (text) => text.replace(/\r?\n/g, "<br />").replace(/\|/g, "\\|");

/**
 * Code defaults (the invoice line template) are shown inline as the Prismatic page does:
 * `<code>` with a `<br />` per line; indentation collapses to one space, as HTML would.
 * @param {string} code
 */
const codeCell = (code) =>
  `<code>${code
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s+/, " ").trimEnd())
    .join("<br />")}</code>`;

/** @param {Input} input */
const defaultOf = (input) => {
  const value = input.default;
  if (value === undefined || value === null || value === "") return "";
  if (Array.isArray(value) && value.length === 0) return "";
  if (typeof value !== "string") return cell(`<code>${JSON.stringify(value)}</code>`);
  return input.type === "code" ? cell(codeCell(value)) : cell(value);
};

/**
 * A markdown table padded like prettier pads it (and like the page), so the file stays
 * readable as plain text and `prettier --check` leaves it alone.
 * @param {string[]} header
 * @param {string[][]} rows
 */
const table = (header, rows) => {
  const widths = header.map((title, i) => Math.max(3, title.length, ...rows.map((row) => row[i].length)));
  /** @param {string[]} cells */
  const line = (cells) => `| ${cells.map((text, i) => text.padEnd(widths[i])).join(" | ")} |`;
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
};

/**
 * Visible inputs in definition order, the connection first as on the page. Hidden inputs
 * (`shown: false`, e.g. the fixed OAuth URLs) are not something a user can set.
 * @param {Input[]} inputs
 */
const inputTable = (inputs) => {
  const visible = inputs.filter((input) => input.shown !== false);
  const ordered = [
    ...visible.filter((input) => input.type === "connection"),
    ...visible.filter((input) => input.type !== "connection"),
  ];
  return table(
    ["Input", "Key", "Required", "Comments", "Accepts", "Default"],
    ordered.map((input) => [
      cell(input.label),
      `\`${input.key}\``,
      input.required ? "Yes" : "",
      cell(input.comments ?? ""),
      cell(acceptsOf(input)),
      defaultOf(input),
    ]),
  );
};

/**
 * What an input takes: its cleaner's own words, else its dropdown's values, else what its type implies.
 * @param {Input} input
 */
const acceptsOf = (input) => {
  if (input.type === "connection") return "";
  const list =
    input.collection === "keyvaluelist" ? "key-value pairs" : input.collection === "valuelist" ? "a list" : "";
  const own =
    input.clean?.accepts ??
    (input.model?.length ? `one of ${input.model.map((option) => `"${option.value}"`).join(", ")}` : "");
  return [list, own].filter(Boolean).join(" of ") || (input.type === "code" ? "JSON" : "text");
};

/** @param {string} a @param {string} b */
const byText = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * One `### Label` section per item, sorted by label (then key, so equal labels stay stable).
 * @param {Record<string, Item & { dataSourceType?: string }> | undefined} items
 * @param {string} none
 */
const itemSections = (items, none) => {
  const list = Object.values(items ?? {}).sort(
    (a, b) => byText(a.display.label, b.display.label) || byText(a.key, b.key),
  );
  if (list.length === 0) return [none];
  return list.map((item) =>
    [
      `### ${item.display.label}`,
      item.display.description,
      item.dataSourceType ? `Key: \`${item.key}\` (${item.dataSourceType})` : `Key: \`${item.key}\``,
      inputTable(item.inputs ?? []),
    ].join("\n\n"),
  );
};

/** @param {Connection} connection */
const connectionSection = (connection) =>
  [
    `### ${connection.label}`,
    connection.comments ?? "",
    ...(connection.oauth2Type
      ? ["This connection uses OAuth 2.0, a common authentication mechanism for integrations."]
      : []),
    `Key: \`${connection.key}\``,
    inputTable(connection.inputs ?? []),
  ].join("\n\n");

/**
 * The whole reference page for a component as spectral's component() returns it.
 * @param {Component} component
 * @returns {string}
 */
const renderDocs = (component) => {
  const connections = component.connections ?? [];
  const parts = [
    `# ${component.display.label}`,
    "<!-- Generated by scripts/docs.js from the component definition. Do not edit: run `npm run docs`. -->",
    component.display.description,
    "## Connections",
    ...(connections.length > 0 ? connections.map(connectionSection) : ["This component has no connections."]),
    "## Actions",
    ...itemSections(component.actions, "This component has no actions."),
    "## Triggers",
    ...itemSections(component.triggers, "This component has no triggers."),
    "## Data Sources",
    ...itemSections(component.dataSources, "This component has no data sources."),
  ];
  return `${parts.join("\n\n")}\n`;
};

module.exports = { renderDocs };

if (require.main === module) {
  if (!fs.existsSync(DIST)) {
    console.error(`${path.relative(ROOT, DIST)} not found: build first (npm run build).`);
    process.exit(1);
  }
  const built = require(DIST);
  /** @type {Component} */
  const component = built.default ?? built;
  fs.mkdirSync(path.dirname(OUTPUT), { recursive: true });
  fs.writeFileSync(OUTPUT, renderDocs(component));
  console.log(`Wrote ${path.relative(ROOT, OUTPUT)}`);
}
