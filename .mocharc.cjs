// Mocha runs the TypeScript tests through tsx. `npm test` (scripts/run-tests.mjs) adds the counting reporter;
// `npx mocha test/core/rules/engine.test.ts` runs one file with the same settings; `npx mocha 'test/**/*.test.ts'` all.
module.exports = {
  "node-option": ["import=tsx"],
  extension: ["ts"],
  // Child-process and browser tests build or spawn whole programs on a shared 2-core machine.
  timeout: 240_000,
  slow: 2_000,
  parallel: true,
  jobs: 2,
  reporter: "spec",
};
