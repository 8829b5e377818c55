import { execFile } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startSandbox } = require("../../sandbox") as {
  startSandbox: (options: { dataFile?: string }) => Promise<{
    seed: (collection: string, n: number) => string[];
    stop: () => Promise<void>;
  }>;
};

// `npm start -- <action> …` as a user runs it: node scripts/start.js in a child process on the built
// bundle, stdout and stderr piped (as in `| jq`). scripts/start.js builds dist/ only when src/ is newer.
const ROOT = path.join(__dirname, "..", "..");
const START = path.join(ROOT, "scripts", "start.js");

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI with no Sage or sandbox variables of the caller's shell, so it starts its own sandbox. */
const cli = (...args: string[]): Promise<Run> => {
  const env = { ...process.env };
  for (const name of Object.keys(env)) if (/^(SAGE_|PRISMATIC_)/.test(name)) delete env[name];
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [START, ...args],
      { cwd: ROOT, env, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
};

let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sage-cli-"));
  // The first run builds dist/ when it is missing or stale (up to ~30 s); the tests below then time one run each.
  const help = await cli("--help", "Create Contact");
  if (help.code !== 0) throw new Error(`npm start -- --help failed:\n${help.stderr}`);
}, 180000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("an action's stdout is only its JSON result: List Contacts fetchAll=true on a fresh sandbox", async () => {
  const run = await cli("List Contacts", "fetchAll=true");
  expect(run.stderr).toMatch(/Running List Contacts \(listContacts\) against a fresh local sandbox/);
  expect(run.code).toBe(0);
  const result = JSON.parse(run.stdout);
  // The fresh sandbox holds the demo customers and suppliers (sandbox/demo.js).
  expect(result.data.$items.length).toBeGreaterThan(0);
  expect(result.data.$total).toBe(result.data.$items.length);
});

test("a piped result larger than 64 KiB is written whole before the process exits", async () => {
  const dataFile = path.join(dir, "many.json");
  const sandbox = await startSandbox({ dataFile });
  sandbox.seed("contacts", 600);
  await sandbox.stop();

  const run = await cli("List Contacts", "fetchAll=true", "--data", dataFile);
  expect(run.code).toBe(0);
  expect(Buffer.byteLength(run.stdout)).toBeGreaterThan(64 * 1024);
  const result = JSON.parse(run.stdout);
  expect(result.data.$items.length).toBeGreaterThanOrEqual(600);
});

test("an unknown input key is an error naming it and the key meant, before anything runs", async () => {
  const run = await cli("Create Contact", "name=Acme", "contactTypeIds=CUSTOMER", "credit_days=30");
  expect(run.code).not.toBe(0);
  expect(run.stdout).toBe("");
  expect(run.stderr).toContain('Create Contact has no input "credit_days". Did you mean creditDays ("Credit Days")?');
});

test("an out-of-range value is an error naming the input by its label", async () => {
  const run = await cli("Create Contact", "name=Acme", "contactTypeIds=CUSTOMER", "creditDays=400");
  expect(run.code).not.toBe(0);
  expect(run.stdout).toBe("");
  expect(run.stderr).toMatch(/Invalid "Credit Days"/);
});

test("--help <action> lists its inputs by key with the required ones marked", async () => {
  const run = await cli("--help", "Create Contact");
  expect(run.code).toBe(0);
  const rows = run.stdout.split("\n");
  expect(rows[0]).toMatch(/^Create Contact \(createContact\): /);
  expect(rows).toEqual(expect.arrayContaining([expect.stringMatching(/^ {2}key +label +type +required +default/)]));
  const row = (key: string) => rows.find((line) => line.trimStart().startsWith(`${key} `));
  expect(row("name")).toMatch(/^ {2}name +Name +string +yes\b/);
  expect(row("creditDays")).toMatch(/^ {2}creditDays +Credit Days +\S+ +(?!yes)/);
});
