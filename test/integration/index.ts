/**
 * Runs inside the extension host (code-server or VS Code): the entry point
 * named by `extensionTestsPath`. One session runs one suite folder, chosen by
 * the name of the workspace folder it opened, or of the folder holding the
 * .code-workspace it opened (the runner names its fresh copy after the suite).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { EXTENSION_ID } from './helpers';

/** The runner shows what comes between these lines, and adds up the counts. */
const START_MARKER = 'OUTSIDE-IN-MOCHA-START';
const STATS_MARKER = 'OUTSIDE-IN-MOCHA-STATS ';

export async function run(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (folder === undefined) throw new Error('The test session opened no workspace folder.');
  // A multi-root session opened a .code-workspace inside the suite-named copy.
  const workspaceFile = vscode.workspace.workspaceFile;
  const suiteName =
    workspaceFile?.scheme === 'file' || workspaceFile?.scheme === 'vscode-remote'
      ? path.basename(path.dirname(workspaceFile.path))
      : folder.name;
  const suiteDir = path.join(__dirname, suiteName);
  const files = fs.existsSync(suiteDir)
    ? fs
        .readdirSync(suiteDir)
        .filter((f) => f.endsWith('.test.js'))
        .sort()
        .map((f) => path.join(suiteDir, f))
    : [];
  if (files.length === 0) throw new Error(`No test files in ${suiteDir}.`);

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

  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 20_000, reporter: 'spec' });
  for (const f of files) mocha.addFile(f);
  console.log(START_MARKER);
  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run((count) => {
      console.log(STATS_MARKER + JSON.stringify(runner.stats ?? {}));
      resolve(count);
    });
  });
  if (failures > 0) throw new Error(`${failures} test(s) failed.`);
}
