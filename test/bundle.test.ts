import fs from "fs";
import path from "path";
import * as spectral from "@prismatic-io/spectral";

/**
 * webpack.config.js loads Spectral's conditionalLogic and testing modules as empty modules to keep
 * date-fns and the test harness out of dist/index.js. That is safe only while nothing the component
 * runs can reach them; these checks fail when a Spectral upgrade or a new import changes that.
 * (`node scripts/example-payloads.js --check` runs every action of the built bundle as well.)
 */
const SPECTRAL_DIST = path.dirname(require.resolve("@prismatic-io/spectral"));
const SRC = path.join(__dirname, "..", "src");

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
