/**
 * The `extensionTestsPath` of a web suite (a row with `web: true` in
 * suites.ts): the web worker extension host has no Node and no `require` but
 * `vscode`, so the runner bundles this file, mocha's browser build and the
 * suite's test files into one script (scripts/lib/webTests.mjs). The bundle
 * imports this file first, so `suite` and `test` exist when the tests load.
 */
import 'mocha/mocha.js';
import { failureLine, START_MARKER, STATS_MARKER, statsOf } from './suites';

mocha.setup({ ui: 'tdd', reporter: 'spec', color: false, timeout: 20_000 });

export function run(): Promise<void> {
  console.log(START_MARKER);
  return new Promise((resolve, reject) => {
    const failed: string[] = [];
    const runner = mocha.run((failures) => {
      console.log(STATS_MARKER + JSON.stringify(statsOf(runner, failed)));
      if (failures > 0) reject(new Error(`${failures} test(s) failed.`));
      else resolve();
    });
    runner.on('fail', (test, err) => failed.push(failureLine(test, err)));
  });
}
