// @ts-check
"use strict";

/**
 * webpack loader for axios's CommonJS node build (the one axios of the bundle).
 *
 * At load time axios reads `globalThis.FormData` and probes its fetch adapter (`Request`,
 * `Response`, `fetch`). In Node those globals are lazy: the first read loads undici, Node's fetch
 * implementation, with web streams and worker_threads: about as much work as everything else
 * `require("./dist/index.js")` does. The component never uses them: axios picks its `http`
 * adapter under Node, and recognises a FormData body by its shape (`isFormData` falls back to it).
 * So both reads are dropped:
 * - the eager `getFetch()` probe: the fetch adapter still resolves itself on first use;
 * - the cached `FormData` constructor: `isFormData` keeps its duck-typed check.
 * Likewise Node's `http2` module, which axios uses only for a request made with `http2: true`
 * (the component makes none), is required on first use instead of at load (`connect`, `constants`
 * are all axios reads of it).
 *
 * Each replacement must match exactly once, or the build fails: an axios upgrade that changes these
 * lines is then looked at again instead of silently loading undici (test/bundle.test.ts checks that
 * requiring the bundle does not load it).
 */

const REPLACEMENTS = [
  {
    find: /^var http2 = require\('http2'\);$/m,
    replace:
      "var http2 = { get connect() { return require('http2').connect; }, get constants() { return require('http2').constants; } };",
  },
  { find: /^getFetch\(\);$/m, replace: "// getFetch() probe left out: see bundle/axios-lazy-web-globals-loader.js" },
  {
    find: /^const FormDataCtor = typeof G\.FormData !== 'undefined' \? G\.FormData : undefined;$/m,
    replace: "const FormDataCtor = undefined; // see bundle/axios-lazy-web-globals-loader.js",
  },
];

/** @this {{ resourcePath: string }} @param {string} source */
module.exports = function axiosLazyWebGlobalsLoader(source) {
  let out = source;
  for (const { find, replace } of REPLACEMENTS) {
    const matches = out.match(new RegExp(find.source, "gm"))?.length ?? 0;
    if (matches !== 1)
      throw new Error(`${this.resourcePath}: expected ${find} once, found it ${matches} times (axios changed?)`);
    out = out.replace(find, replace);
  }
  const otherHttp2Use = out.match(/\bhttp2\.(?!connect\b|constants\b)\w+/);
  if (otherHttp2Use)
    throw new Error(`${this.resourcePath}: axios now uses ${otherHttp2Use[0]}; extend the lazy http2 object`);
  return out;
};
