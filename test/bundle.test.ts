import { execFileSync } from "child_process";
import fs from "fs";
import path from "path";
import * as spectral from "@prismatic-io/spectral";
import { createHarness } from "@prismatic-io/spectral/dist/testing";
import { BASE_PATH, sageApi, testConnection, useNock } from "./helpers";

/**
 * webpack.config.js loads Spectral's conditionalLogic and testing modules as empty modules to keep
 * date-fns and the test harness out of dist/index.js. That is safe only while nothing the component
 * runs can reach them; these checks fail when a Spectral upgrade or a new import changes that.
 * (`node scripts/example-payloads.js --check` runs every action of the built bundle as well.)
 */
const SPECTRAL_DIST = path.dirname(require.resolve("@prismatic-io/spectral"));
const ROOT = path.join(__dirname, "..");
const SRC = path.join(ROOT, "src");
const DIST = path.join(ROOT, "dist", "index.js");

const filesUnder = (dir: string, ext: string): string[] =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory()
        ? filesUnder(path.join(dir, entry.name), ext)
        : entry.name.endsWith(ext)
          ? [path.join(dir, entry.name)]
          : [],
    );

/** Spectral's own modules that require `module` (a path relative to dist/, without .js). */
const spectralModulesRequiring = (module: string) =>
  filesUnder(SPECTRAL_DIST, ".js").filter((file) => {
    const source = fs.readFileSync(file, "utf8");
    const wanted = path.join(SPECTRAL_DIST, module);
    return [...source.matchAll(/require\("(\.{1,2}\/[^"]+)"\)/g)].some(
      ([, request]) => path.join(path.dirname(file), request).replace(/\.js$/, "") === wanted,
    );
  });

describe("modules the bundle leaves out", () => {
  test("conditionalLogic is only re-exported by Spectral's util module, whose exported `util` object lacks it", () => {
    expect(spectralModulesRequiring("conditionalLogic").map((f) => path.relative(SPECTRAL_DIST, f))).toEqual([
      "util.js",
    ]);
    const utilSource = fs.readFileSync(path.join(SPECTRAL_DIST, "util.js"), "utf8");
    expect(utilSource).toContain('__exportStar(require("./conditionalLogic"), exports);');
    expect(utilSource).not.toMatch(/conditionalLogic_1|require\("\.\/conditionalLogic"\)\./);
    for (const name of ["evaluate", "contains", "parseDate", "dateIsAfter", "isDeepEqual"]) {
      expect(spectral.util).not.toHaveProperty(name);
    }
  });

  test("testing is only required by Spectral's entry point", () => {
    expect(spectralModulesRequiring("testing").map((f) => path.relative(SPECTRAL_DIST, f))).toEqual(["index.js"]);
  });

  test("the component imports neither, nor Spectral's util module directly", () => {
    const offending = filesUnder(SRC, ".ts").filter((file) =>
      /from "@prismatic-io\/spectral\/dist\/(util|testing|conditionalLogic)|\btesting\.|\bcreateHarness\b/.test(
        fs.readFileSync(file, "utf8"),
      ),
    );
    expect(offending).toEqual([]);
  });
});

describe("example payloads in the bundle", () => {
  // bundle/example-payloads-loader.js packs src/examplePayloads/*.ts as deflated JSON; Prismatic must
  // still see exactly the examples of the sources (every action, data source and trigger).
  if (!fs.existsSync(DIST)) throw new Error("dist/index.js is missing: run `npm run build` before this test.");
  // These checks are about the built bundle: one older than its sources would check yesterday's code.
  const built = fs.statSync(DIST).mtimeMs;
  const newer = [
    ...filesUnder(SRC, ""),
    ...filesUnder(path.join(ROOT, "bundle"), ""),
    path.join(ROOT, "webpack.config.js"),
  ]
    .filter((file) => fs.statSync(file).mtimeMs > built)
    .map((file) => path.relative(ROOT, file));
  if (newer.length)
    throw new Error(
      `dist/index.js is older than ${newer.slice(0, 3).join(", ")}: run \`npm run build\` before this test.`,
    );

  type Examples = Record<string, { examplePayload?: unknown }>;
  interface Definition {
    actions: Examples;
    dataSources: Examples;
    triggers: Examples;
  }
  const examplesOf = (definition: Definition) =>
    Object.fromEntries(
      (["actions", "dataSources", "triggers"] as const).flatMap((kind) =>
        Object.entries(definition[kind]).map(([key, item]) => [`${kind}.${key}`, item.examplePayload]),
      ),
    );

  test("equal the generated sources, item for item, and every action has one", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const built = require(DIST) as { default?: Definition } & Definition;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const source = require("../src").default as Definition;
    const fromBundle = examplesOf(built.default ?? built);
    const fromSource = examplesOf(source);
    expect(Object.keys(fromBundle).sort()).toEqual(Object.keys(fromSource).sort());
    expect(fromBundle).toEqual(fromSource);
    const withoutExample = Object.entries(fromBundle).filter(
      ([key, value]) => key.startsWith("actions.") && value === undefined,
    );
    expect(withoutExample).toEqual([]);
  });

  test("are unpacked on first read, not when the bundle loads (a running step never reads one)", () => {
    const script = `const zlib = require("zlib"); let inflated = 0; const original = zlib.inflateRawSync;
      zlib.inflateRawSync = (...args) => { inflated++; return original(...args); };
      const component = require(${JSON.stringify(DIST)}).default; const atLoad = inflated;
      const example = component.actions.getContact.examplePayload;
      process.stdout.write(JSON.stringify({ atLoad, afterRead: inflated, id: typeof example.data.id }));`;
    const counts = JSON.parse(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }));
    expect(counts).toEqual({ atLoad: 0, afterRead: expect.any(Number), id: "string" });
    expect(counts.afterRead).toBeGreaterThan(0);
  });

  test("are packed, not written out as object literals", () => {
    const bundle = fs.readFileSync(DIST, "utf8");
    // Asserted as booleans: a failure must not print the whole bundle.
    expect(bundle.includes("inflateRawSync(Buffer.from(")).toBe(true);
    // The seeded sales invoice's number is in its examples, so as a literal it would be in the bundle.
    expect(bundle.includes('displayed_as:"SI-2"')).toBe(false);
  });
});

describe("axios in the bundle loads none of Node's web globals", () => {
  // bundle/axios-lazy-web-globals-loader.js drops axios's load-time reads of FormData and fetch
  // (which load undici) and requires http2 on first use. Checked in a fresh process: what requiring
  // the bundle loads, and that requests (JSON, multipart) still go out as before.

  test("requiring dist/index.js loads neither undici nor http2", () => {
    const script = `const before = new Set(process.moduleLoadList); require(${JSON.stringify(DIST)});
      process.stdout.write(JSON.stringify(process.moduleLoadList.filter((m) => !before.has(m))));`;
    const loaded: string[] = JSON.parse(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }));
    expect(loaded).toContain("NativeModule http");
    expect(loaded.filter((name) => /undici|http2|webstreams/.test(name))).toEqual([]);
  });

  test("requiring dist/index.js formats no number by locale (its first use loads the locale data, ~30 ms)", () => {
    const script = `let calls = 0; const original = Number.prototype.toLocaleString;
      Number.prototype.toLocaleString = function (...args) { calls++; return original.apply(this, args); };
      require(${JSON.stringify(DIST)}); process.stdout.write(String(calls));`;
    expect(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" })).toBe("0");
  });

  describe("requests through the built bundle", () => {
    useNock();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const built = require(DIST);
    const bundleHarness = createHarness(built.default ?? built);
    const run = (key: string, params: Record<string, unknown>) =>
      bundleHarness.action(key, { connection: testConnection(), ...params });

    test("Raw Request with Form Data still goes out as multipart (axios recognises Node's FormData by shape)", async () => {
      sageApi({ json: false })
        .post(`${BASE_PATH}/attachments`, (body: string) => body.includes('name="note"') && body.includes("hello"))
        .matchHeader("content-type", /^multipart\/form-data; boundary=/)
        .reply(201, { ok: true });
      await expect(
        run("rawRequest", { url: "/attachments", method: "POST", formData: [{ key: "note", value: "hello" }] }),
      ).resolves.toMatchObject({ statusCode: 201, data: { ok: true } });
    });

    test("a JSON body still goes out as JSON", async () => {
      sageApi({ json: false })
        // (with the idempotency_id every contact POST carries)
        .post(`${BASE_PATH}/contacts`, (body: { contact?: { name?: string } }) => body.contact?.name === "Bundle Ltd")
        .matchHeader("content-type", /^application\/json/)
        .reply(201, { ok: true });
      await expect(
        run("rawRequest", {
          url: "/contacts",
          method: "POST",
          data: JSON.stringify({ contact: { name: "Bundle Ltd" } }),
        }),
      ).resolves.toMatchObject({ statusCode: 201, data: { ok: true } });
    });
  });
});
