// @vscode/test-cli configuration: `npm run test:electron` runs the integration
// suites in a desktop VS Code (Electron) that @vscode/test-electron downloads.
//
// Only for machines that can reach VS Code's download servers. Ours and CI's
// cannot, so `npm test` runs the same suites in code-server instead
// (scripts/run-vscode-tests.mjs). The "installed" suite (the .vsix check) runs
// only there.
import { defineConfig } from '@vscode/test-cli';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh copy of a fixture, named after the suite as the code-server runner does. */
function workspace(fixture, suite) {
  const target = join(mkdtempSync(join(tmpdir(), `outside-in-electron-${suite}-`)), suite);
  cpSync(join('test', 'fixtures', 'workspaces', fixture), target, { recursive: true });
  return target;
}

export default defineConfig(
  [
    { suite: 'basic', fixture: 'basic' },
    { suite: 'reload', fixture: 'basic' },
  ].map(({ suite, fixture }) => ({
    label: suite,
    files: `out/test/integration/${suite}/**/*.test.js`,
    workspaceFolder: workspace(fixture, suite),
    // VSCODE_VERSION=1.100.0 checks the oldest VS Code that package.json's engines allow.
    version: process.env.VSCODE_VERSION ?? 'stable',
    mocha: { ui: 'tdd', timeout: 20_000 },
  })),
);
