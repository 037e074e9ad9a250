// @vscode/test-cli configuration: `npm run test:electron` runs the integration
// suites marked `electron` in the suites table (test/integration/suites.ts) in a
// desktop VS Code (Electron) that @vscode/test-electron downloads.
//
// Only for machines that can reach VS Code's download servers. Ours and CI's
// cannot, so `npm test` runs every suite of the same table in code-server
// (scripts/run-vscode-tests.mjs). A suite that installs the .vsix or opens
// untrusted runs only there: test-cli knows neither.
import { defineConfig } from '@vscode/test-cli';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadIntegrationSuites } from './scripts/lib/integrationSuites.mjs';

const { SUITES, SUITE_ENV } = await loadIntegrationSuites();

/** A fresh copy of the suite's fixture, named after the suite as the code-server runner does. */
function workspace(suite) {
  const target = join(
    mkdtempSync(join(tmpdir(), `outside-in-electron-${suite.name}-`)),
    suite.name,
  );
  cpSync(join('test', 'fixtures', 'workspaces', suite.fixture), target, { recursive: true });
  return suite.workspace ? join(target, suite.workspace) : target;
}

export default defineConfig(
  SUITES.filter((suite) => suite.electron).map((suite) => ({
    label: suite.name,
    files: `out/test/integration/${suite.name}/**/*.test.js`,
    workspaceFolder: workspace(suite),
    // test-cli runs its own mocha on `files`, not index.js; the name is passed
    // anyway, as extensionTestsEnv, so every session knows its suite the same way.
    env: { [SUITE_ENV]: suite.name },
    // VSCODE_VERSION=1.100.0 checks the oldest VS Code that package.json's engines allow.
    version: process.env.VSCODE_VERSION ?? 'stable',
    mocha: { ui: 'tdd', timeout: 20_000 },
  })),
);
