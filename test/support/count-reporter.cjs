// Mocha reporter used by `npm test`: the usual spec output on screen, and the counts (with the titles of skipped
// tests) written as JSON to $CAIJUE_TEST_COUNTS so scripts/run-tests.mjs can print `N passed, N failed`.
const { writeFileSync } = require("node:fs");
const Mocha = require("mocha");
const { EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING, EVENT_RUN_END } = Mocha.Runner.constants;

class CountReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const counts = { passed: 0, failed: 0, skipped: [], failures: [] };
    const where = (test) => `${test.file ? require("node:path").relative(process.cwd(), test.file) : "?"} › ${test.fullTitle()}`;
    runner.on(EVENT_TEST_PASS, () => counts.passed++);
    // A hook failure or an error while loading a file also arrives here, as a failed "test".
    runner.on(EVENT_TEST_FAIL, (test) => {
      counts.failed++;
      counts.failures.push(where(test));
    });
    runner.on(EVENT_TEST_PENDING, (test) => counts.skipped.push(where(test)));
    runner.once(EVENT_RUN_END, () => {
      if (process.env.CAIJUE_TEST_COUNTS) writeFileSync(process.env.CAIJUE_TEST_COUNTS, JSON.stringify(counts));
    });
  }
}
module.exports = CountReporter;
