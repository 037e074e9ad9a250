// Mocha's spec reporter, plus the counts and failed titles written as JSON to $OUTSIDE_IN_STATS_FILE
// so scripts/test-all.mjs can add up tests across unit, integration and UI runs.
const fs = require('node:fs');
const Mocha = require('mocha');

class SpecWithStats extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    // Each failed test's title and its error's first line, for the run's summary.
    const failed = [];
    runner.on(Mocha.Runner.constants.EVENT_TEST_FAIL, (test, err) => {
      const message = err instanceof Error ? err.message : String(err);
      failed.push(`${test.fullTitle()}: ${message.split('\n')[0]}`);
    });
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const file = process.env.OUTSIDE_IN_STATS_FILE;
      if (!file) return;
      const { passes = 0, failures = 0, pending = 0 } = runner.stats ?? {};
      fs.writeFileSync(file, JSON.stringify({ passes, failures, pending, failed }));
    });
  }
}

module.exports = SpecWithStats;
