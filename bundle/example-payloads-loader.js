// @ts-check
"use strict";

/**
 * webpack loader for the generated example payloads (src/examplePayloads/*.ts, not index.ts).
 *
 * Prismatic needs every action's example payload in the component definition, so they stay in
 * dist/index.js; but as object literals they were ~30% of the bundle (Sage's records are long and
 * alike) and cost compile time at every cold start. Each file is evaluated here at build time (it
 * holds only object literals and imports of sibling example files), and its exports go into the
 * bundle as raw-deflated JSON: the same values, a fraction of the bytes, and JSON.parse instead of
 * compiling literals. The JSON is inflated and parsed on the first read of one of the file's
 * exports, not when the module loads: only Prismatic reads examples (when the component is
 * published), a running flow step never does, and unpacking all of them took ~15 ms of every cold
 * start (src/componentOnDemand.ts reads them on demand).
 *
 * The source files stay readable TypeScript for reviewers and for the tests, which import them
 * directly; test/bundle.test.ts checks that the bundle's example payloads equal them.
 */

const fs = require("fs");
const path = require("path");
const vm = require("vm");
const zlib = require("zlib");
const ts = require("typescript");

/**
 * The exports of one example file, evaluated with its sibling imports.
 * @param {string} file
 * @param {Map<string, Record<string, unknown>>} evaluated  files already evaluated in this build step
 * @param {(file: string) => void} dependsOn  tells webpack to rebuild when a sibling changes
 * @returns {Record<string, unknown>}
 */
const evaluate = (file, evaluated, dependsOn) => {
  const known = evaluated.get(file);
  if (known) return known;
  const { outputText } = ts.transpileModule(fs.readFileSync(file, "utf8"), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
    fileName: file,
  });
  const module = { exports: /** @type {Record<string, unknown>} */ ({}) };
  evaluated.set(file, module.exports);
  const requireSibling = (/** @type {string} */ request) => {
    if (!request.startsWith("./"))
      throw new Error(`${file}: an example file may import only sibling example files, not "${request}"`);
    const sibling = path.resolve(path.dirname(file), `${request}.ts`);
    dependsOn(sibling);
    return evaluate(sibling, evaluated, dependsOn);
  };
  vm.runInNewContext(outputText, { module, exports: module.exports, require: requireSibling }, { filename: file });
  return module.exports;
};

/** @this {{ resourcePath: string, addDependency: (file: string) => void }} */
module.exports = function examplePayloadsLoader() {
  const values = evaluate(this.resourcePath, new Map(), (file) => this.addDependency(file));
  const packed = zlib.deflateRawSync(JSON.stringify(values), { level: 9 }).toString("base64");
  return [
    '"use strict";',
    `// ${path.basename(this.resourcePath)}: example payloads as raw-deflated JSON, unpacked on first read (bundle/example-payloads-loader.js).`,
    "let values;",
    `const unpack = () => (values ??= JSON.parse(require("zlib").inflateRawSync(Buffer.from(${JSON.stringify(packed)}, "base64")).toString("utf8")));`,
    `for (const name of ${JSON.stringify(Object.keys(values))})`,
    "  Object.defineProperty(exports, name, { enumerable: true, get: () => unpack()[name] });",
    "",
  ].join("\n");
};
