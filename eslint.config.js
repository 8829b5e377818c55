// ESLint 9 flat config. Prismatic's @prismatic-io/eslint-config-spectral 2.x ships as an
// eslintrc-style config, so FlatCompat (part of ESLint's own @eslint/eslintrc) adapts it.
const { FlatCompat } = require("@eslint/eslintrc");
const js = require("@eslint/js");

const compat = new FlatCompat({
  baseDirectory: __dirname,
  recommendedConfig: js.configs.recommended,
  allConfig: js.configs.all,
});

module.exports = [
  {
    ignores: [
      "dist/**",
      "node_modules/**",
      "coverage/**",
      "bench/results.json",
      "webpack.config.js",
      "jest.config.js",
      "eslint.config.js",
    ],
  },
  ...compat
    .extends("@prismatic-io/eslint-config-spectral")
    .map((config) => ({ ...config, files: ["src/**/*.ts", "test/**/*.ts"] })),
  {
    files: ["src/**/*.ts", "test/**/*.ts"],
    languageOptions: { parserOptions: { project: "./tsconfig.json", tsconfigRootDir: __dirname } },
    rules: {
      // `_`-prefixed names and rest siblings are how we drop a key on purpose.
      "@typescript-eslint/no-unused-vars": [
        "warn",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  {
    // The plain JavaScript (sandbox, scripts, bench, configs run by Node): ESLint's recommended
    // rules here; types are checked by `tsc -p tsconfig.js.json` (checkJs) in npm run lint.
    ...js.configs.recommended,
    files: ["sandbox/**/*.js", "scripts/**/*.js", "bench/**/*.js", "test/**/*.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "commonjs",
      globals: { ...require("globals").node },
    },
    rules: {
      "no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
    },
  },
  {
    // Tests lean on jest's loose matchers and fixtures; these rules add noise there, not safety.
    files: ["test/**/*.ts"],
    rules: {
      "@typescript-eslint/unbound-method": "off",
      "@typescript-eslint/no-non-null-assertion": "off",
      // fast-check is used as `fc.property(...)`, its documented style.
      "import/no-named-as-default-member": "off",
    },
  },
];
