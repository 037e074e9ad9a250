/**
 * Runs inside the extension host (code-server or VS Code): the entry point
 * named by `extensionTestsPath`. One session runs one suite of the table in
 * `suites.ts`, named by the runner in the environment variable `SUITE_ENV`
 * (set on the editor's process; the extension host inherits it).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { EXTENSION_ID } from './helpers';
import {
  failureLine,
  START_MARKER,
  STATS_MARKER,
  statsOf,
  SUITE_ENV,
  SUITES,
  TEST_TIMEOUT_ENV,
} from './suites';

export async function run(): Promise<void> {
  const suiteName = process.env[SUITE_ENV];
  const known = SUITES.map((s) => s.name).join(', ');
  // A session that ran no suite, or the wrong one, must not pass unnoticed.
  if (suiteName === undefined || suiteName === '')
    throw loudly(`${SUITE_ENV} is not set in the extension host: no suite to run (have ${known}).`);
  if (!SUITES.some((s) => s.name === suiteName))
    throw loudly(
      `${SUITE_ENV}="${suiteName}" is no suite of test/integration/suites.ts (have ${known}).`,
    );
  const suiteDir = path.join(__dirname, suiteName);
  const files = fs.existsSync(suiteDir)
    ? fs
        .readdirSync(suiteDir)
        .filter((f) => f.endsWith('.test.js'))
        .sort()
        .map((f) => path.join(suiteDir, f))
    : [];
  if (files.length === 0) throw loudly(`No test files in ${suiteDir}.`);

  // VS Code shows no error when an extension fails to activate, and the tests
  // would then fail one by one for no visible reason: check it first, loudly.
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (extension === undefined) throw new Error(`Extension ${EXTENSION_ID} is not installed.`);
  try {
    await extension.activate();
  } catch (e) {
    console.error(`ACTIVATION FAILED: ${EXTENSION_ID}:`, e);
    throw e;
  }

  // The runner may allow a slower editor more (see TEST_TIMEOUT_ENV).
  const timeout = Number(process.env[TEST_TIMEOUT_ENV] ?? '') || 20_000;
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout, reporter: 'spec' });
  for (const f of files) mocha.addFile(f);
  console.log(START_MARKER);
  const failures = await new Promise<number>((resolve) => {
    const failed: string[] = [];
    const runner = mocha.run((count) => {
      console.log(STATS_MARKER + JSON.stringify(statsOf(runner, failed)));
      resolve(count);
    });
    runner.on('fail', (test, err) => failed.push(failureLine(test, err)));
  });
  if (failures > 0) throw new Error(`${failures} test(s) failed.`);
}

/** The error, logged first: the runner shows the log, and a thrown error alone may say little. */
function loudly(message: string): Error {
  console.error(`INTEGRATION SESSION FAILED: ${message}`);
  return new Error(message);
}
