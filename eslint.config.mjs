// ESLint flat config for the whole repository.
// - typescript-eslint recommended + the Office add-in rules of eslint-plugin-office-addins' recommended set
//   (we take its office-addins/* rules but not its prettier rule: formatting is not a lint failure here).
// - Security: no eval / new Function / string timers, no HTML injection sinks (cell text is untrusted).
// - Architecture: src/core imports only src/core and zod, and touches no host globals (test/arch checks the same).
import path from "node:path";
import { fileURLToPath } from "node:url";
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";
import officeAddins from "eslint-plugin-office-addins";

const root = path.dirname(fileURLToPath(import.meta.url));
const coreDir = path.join(root, "src", "core");

// office-addins/* rules exactly as the plugin recommends them.
const officeAddinsRecommended = Object.fromEntries(
  officeAddins.configs.recommended
    .flatMap((c) => Object.entries(c.rules ?? {}))
    .filter(([name]) => name.startsWith("office-addins/")),
);

/** Local rule: a relative import in src/core must resolve inside src/core (precise where patterns cannot be). */
const coreBoundaryRule = {
  meta: {
    type: "problem",
    docs: { description: "src/core may import only files inside src/core" },
    schema: [],
    messages: { outside: "src/core must not import '{{spec}}' (resolves outside src/core)." },
  },
  create(context) {
    const check = (node) => {
      const spec = node?.value;
      if (typeof spec !== "string" || !spec.startsWith(".")) return;
      const target = path.resolve(path.dirname(context.filename), spec);
      if (target !== coreDir && !target.startsWith(coreDir + path.sep)) {
        context.report({ node, messageId: "outside", data: { spec } });
      }
    };
    return {
      ImportDeclaration: (n) => check(n.source),
      ExportNamedDeclaration: (n) => check(n.source),
      ExportAllDeclaration: (n) => check(n.source),
      ImportExpression: (n) => check(n.source),
    };
  },
};
const caijue = { meta: { name: "caijue-local" }, rules: { "core-boundary": coreBoundaryRule } };

const HTML_SINKS = [
  {
    selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
    message: "Cell text is untrusted: render text, never HTML (dangerouslySetInnerHTML).",
  },
  {
    selector: "AssignmentExpression > MemberExpression.left[property.name=/^(innerHTML|outerHTML)$/]",
    message: "Cell text is untrusted: use textContent, never innerHTML/outerHTML.",
  },
  {
    selector: "CallExpression[callee.property.name=/^(insertAdjacentHTML|write|writeln)$/][callee.object.name='document']",
    message: "No document.write: build DOM nodes with textContent.",
  },
  {
    selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
    message: "Cell text is untrusted: no insertAdjacentHTML.",
  },
];

export default tseslint.config(
  {
    ignores: [
      "node_modules/**",
      "dist/**",
      "dist-cli/**",
      "build/**",
      "out/**",
      "coverage/**",
      "test/artifacts/**",
      "test/fixtures/generated/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Everything: security rules.
    rules: {
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
      "no-restricted-syntax": ["error", ...HTML_SINKS],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "@typescript-eslint/no-unused-expressions": ["error", { allowShortCircuit: true, allowTernary: true }],
      // Style, not correctness: reported, but they do not fail `npm run lint`.
      "no-useless-escape": "warn",
      "prefer-const": "warn",
    },
  },
  {
    // Browser code shipped in the add-in.
    files: ["src/**/*.{ts,tsx,js}"],
    ignores: ["src/cli/**"],
    plugins: { "office-addins": officeAddins },
    languageOptions: {
      globals: { ...globals.browser, Office: "readonly", Excel: "readonly", CustomFunctions: "readonly", OfficeRuntime: "readonly" },
    },
    rules: officeAddinsRecommended,
  },
  {
    // The help pages' plain script runs as a classic browser script.
    files: ["src/help/**/*.js"],
    languageOptions: { sourceType: "script", globals: globals.browser },
  },
  {
    // Node: CLI, scripts, tests, benchmarks, build config.
    files: ["src/cli/**", "scripts/**", "test/**", "bench/**", "bin/**", "*.{js,cjs,mjs,ts}", ".ci/**/*.{js,mjs}"],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ["**/*.cjs", "webpack.config.js"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // Tests build hostile strings on purpose and may poke at the DOM; the HTML-sink rule still applies to them
    // except where a test constructs the stub environment.
    files: ["test/**"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // The pure core: no packages but zod, nothing outside src/core, no host globals.
    files: ["src/core/**/*.{ts,tsx}"],
    plugins: { caijue },
    languageOptions: { globals: {} },
    rules: {
      "caijue/core-boundary": "error",
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(?!\\.{1,2}(/|$)|zod(/|$))",
              message: "src/core is pure TypeScript: import only src/core files and zod.",
            },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        ...["Office", "Excel", "CustomFunctions", "OfficeRuntime", "window", "document", "process", "require", "Buffer"].map(
          (name) => ({ name, message: "src/core runs on any host: no Office.js, DOM or Node globals." }),
        ),
      ],
    },
  },
);
