const path = require("path");
const CopyPlugin = require("copy-webpack-plugin");
const webpack = require("webpack");

const SPECTRAL_DIST = path.dirname(require.resolve("@prismatic-io/spectral"));
/** src/examplePayloads/<name>.ts, written by scripts/example-payloads.js; index.ts is code and stays TypeScript. */
const GENERATED_EXAMPLES = /[\\/]src[\\/]examplePayloads[\\/](?!index\.ts$)[^\\/]+\.ts$/;

module.exports = {
  mode: "production",
  target: "node",
  entry: "./src/index.ts",
  output: {
    path: path.resolve(__dirname, "dist"),
    filename: "index.js",
    libraryTarget: "commonjs2",
    clean: true,
    // Always write dist/ (webpack skips an unchanged file): test/bundle.test.ts refuses a bundle
    // older than its sources, which it would otherwise be after a build that changed nothing.
    compareBeforeEmit: false,
  },
  resolve: {
    extensions: [".ts", ".js"],
    // Spectral's entry point also loads its code-native-integration and testing modules, which
    // require zod, yaml and jest-mock at load time but only call them from functions a component
    // never runs (CNI config schemas, YAML export, test mocks). Resolving those packages to empty
    // modules keeps ~1.3 MB out of the bundle without patching Spectral. `node
    // scripts/example-payloads.js --check` (CI) runs every action, data source and trigger of the
    // built bundle to prove nothing needed went missing.
    alias: {
      zod: false,
      yaml: false,
      "jest-mock": false,
      // One axios: src/ imports it as an ES module (axios's `import` build, lib/*.js) while Spectral
      // requires its CommonJS node build; both would be bundled (~86 KB each). Everyone gets the
      // CommonJS node build, the one Node itself loads for `require("axios")`.
      axios$: require.resolve("axios"),
      // Spectral's util module re-exports its conditionalLogic (evaluate, dateIsAfter, …: branch
      // conditions of integrations), which requires all of date-fns (~140 KB) at load time. A
      // component never evaluates conditions, and no module of this bundle imports those names
      // (test/bundle.test.ts checks both), so it loads as an empty module.
      [path.join(SPECTRAL_DIST, "conditionalLogic", "index.js")]: false,
      // Spectral's entry point exposes its test harness as `testing` (createHarness, mocks); the
      // component never calls it at run time (the tests and the benchmark load it from node_modules).
      [path.join(SPECTRAL_DIST, "testing.js")]: false,
      // mime-db (~150 KB of JSON, every MIME type known) is read by form-data only to guess the
      // content type of a file appended without one. Raw Request builds multipart bodies with
      // Node's own FormData and names each part's type, so a short table of the common document,
      // image and data types (bundle/mime-db-subset.json, taken from mime-db) is all it can reach.
      "mime-db$": path.resolve(__dirname, "bundle/mime-db-subset.json"),
    },
  },
  module: {
    rules: [
      {
        test: /\.ts$/,
        loader: "ts-loader",
        exclude: [/node_modules/, GENERATED_EXAMPLES],
        options: { configFile: "tsconfig.build.json" },
      },
      // axios reads Node's lazy web globals at load time, which loads undici (see the loader).
      { test: require.resolve("axios"), loader: path.resolve(__dirname, "bundle/axios-lazy-web-globals-loader.js") },
      // The generated example payloads go in as deflated JSON (see the loader for why).
      { test: GENERATED_EXAMPLES, loader: path.resolve(__dirname, "bundle/example-payloads-loader.js") },
    ],
  },
  plugins: [
    new CopyPlugin({ patterns: [{ from: "assets", to: "." }] }),
    // object-sizeof (Spectral's HTTP client) requires the npm `buffer` polyfill (`buffer/`) only when
    // `window` exists, i.e. never under Node, where it uses the global Buffer.
    new webpack.IgnorePlugin({ resourceRegExp: /^buffer\/$/, contextRegExp: /object-sizeof/ }),
  ],
  // Spectral logs a warning for optional peer modules; stats "errors-warnings" keeps CI output short.
  stats: "errors-warnings",
};
