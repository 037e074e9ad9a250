// Runs the UI tests (test/ui, compiled to out/test/ui) with mocha in Node:
// they drive the real workbench in Debian's Chromium with playwright-core.
//
// This script starts one code-server for them, on fresh copies of the basic
// fixture workspace and of the xss one (hostile needs text, test/ui/xss.test.ts),
// with the extension installed unpacked into its extensions folder (the way
// `npm start` loads it), and stops its process group after. When
// test/ui/restricted.test.ts runs, it starts a second one with workspace trust
// on, on a fresh copy of the checklist fixture, so that folder opens untrusted.
// Screenshots of failed tests go to test-results/.
//
// Usage: node scripts/run-ui-tests.mjs [--stats-file F] [NAME...]
// A NAME runs only test/ui/NAME.test.ts (e.g. `checklist`); none runs them all.
// Needs `npm run compile`, `npm run build` and scripts/setup-vscode.mjs first.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  CHROMIUM_ARGS,
  copyWorkspace,
  extensionHostLogs,
  installUnpacked,
  makeSessionDir,
  startCodeServer,
  tail,
} from './lib/codeServer.mjs';
import { paths } from './setup-vscode.mjs';

// Every suite opens its own workbench, on machines that may be busy.
const TIMEOUT_MS = 600_000;
const args = process.argv.slice(2);
const statsIndex = args.indexOf('--stats-file');
const statsFile = statsIndex >= 0 ? args[statsIndex + 1] : undefined;
const names = args.filter(
  (a, i) => !a.startsWith('--') && (statsIndex < 0 || i !== statsIndex + 1),
);
const specs =
  names.length === 0 ? ['out/test/ui/**/*.test.js'] : names.map((n) => `out/test/ui/${n}.test.js`);
// The one test that needs a folder opened untrusted (Restricted Mode).
const RESTRICTED_TEST = 'restricted';

function fail(message) {
  console.error(`[ui] ${message}`);
  process.exit(1);
}
if (!existsSync(join(paths.root, 'out', 'test', 'ui')))
  fail('out/test/ui is missing: run `npm run compile`.');
if (!existsSync(join(paths.root, 'dist', 'extension.js')))
  fail('dist/extension.js is missing: run `npm run build`.');
for (const name of names)
  if (!existsSync(join(paths.root, 'out', 'test', 'ui', `${name}.test.js`)))
    fail(`out/test/ui/${name}.test.js is missing: is there a test/ui/${name}.test.ts?`);
if (!existsSync(paths.codeServerEntry))
  fail('code-server is missing: run `node scripts/setup-vscode.mjs`.');

const started = Date.now();
const sessionDir = makeSessionDir('ui');
const workspace = copyWorkspace(
  join(paths.root, 'test', 'fixtures', 'workspaces', 'basic'),
  sessionDir,
  'basic',
);
const xssWorkspace = copyWorkspace(
  join(paths.root, 'test', 'fixtures', 'workspaces', 'xss'),
  sessionDir,
  'xss',
);
// The demo itself: the README's "run it" workspace.
const shopWorkspace = copyWorkspace(join(paths.root, 'examples', 'shop'), sessionDir, 'shop');
const extensionsDir = join(sessionDir, 'extensions');
installUnpacked(extensionsDir);
const server = await startCodeServer({ sessionDir, folder: workspace, extensionsDir });
// Trust is per server (the flag that turns it off is on its command line), so
// the untrusted folder gets its own code-server, started only when its test runs.
let restricted;
if (names.length === 0 || names.includes(RESTRICTED_TEST)) {
  const dir = join(sessionDir, 'restricted');
  mkdirSync(dir);
  const folder = copyWorkspace(
    join(paths.root, 'test', 'fixtures', 'workspaces', 'checklist'),
    dir,
    'checklist',
  );
  const extensions = join(dir, 'extensions');
  installUnpacked(extensions);
  const restrictedServer = await startCodeServer({
    sessionDir: dir,
    folder,
    extensionsDir: extensions,
    restricted: true,
  });
  restricted = { dir, server: restrictedServer, url: restrictedServer.workbenchUrl({ folder }) };
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

const mocha = spawn(
  process.execPath,
  [
    join(paths.root, 'node_modules', 'mocha', 'bin', 'mocha.js'),
    '--no-config',
    '--no-package',
    '--ui',
    'tdd',
    '--timeout',
    '120000',
    '--reporter',
    join(paths.root, 'scripts', 'lib', 'statsReporter.cjs'),
    ...specs,
  ],
  {
    cwd: paths.root,
    stdio: 'inherit',
    env: {
      ...process.env,
      OUTSIDE_IN_WORKBENCH_URL: server.workbenchUrl({ folder: workspace }),
      OUTSIDE_IN_WORKBENCH_URL_XSS: server.workbenchUrl({ folder: xssWorkspace }),
      OUTSIDE_IN_WORKBENCH_URL_SHOP: server.workbenchUrl({ folder: shopWorkspace }),
      ...(restricted ? { OUTSIDE_IN_WORKBENCH_URL_RESTRICTED: restricted.url } : {}),
      OUTSIDE_IN_SESSION_DIR: sessionDir,
      // code-server's process group, where a test finds the extension host to kill.
      OUTSIDE_IN_SERVER_PGID: String(server.pid),
      OUTSIDE_IN_CHROMIUM: paths.chromium,
      OUTSIDE_IN_CHROMIUM_ARGS: CHROMIUM_ARGS.join(' '),
      OUTSIDE_IN_RESULTS_DIR: join(paths.root, 'test-results'),
      ...(statsFile ? { OUTSIDE_IN_STATS_FILE: statsFile } : {}),
    },
  },
);
const timer = setTimeout(() => {
  console.error(`[ui] timed out after ${TIMEOUT_MS / 1000} s`);
  mocha.kill('SIGKILL');
}, TIMEOUT_MS);
const code = await new Promise((resolve) => mocha.on('close', (c, s) => resolve(c ?? s)));
clearTimeout(timer);
await server.stop();
await restricted?.server.stop();

if (code !== 0) {
  console.log(`\n[ui] FAILED (mocha exited with ${code}); screenshots in test-results/`);
  const sessions = [{ dir: sessionDir, server, label: '' }];
  if (restricted) sessions.push({ ...restricted, label: ' (restricted)' });
  for (const { dir, server: s, label } of sessions) {
    for (const file of extensionHostLogs(dir)) {
      console.log(`\n[ui] extension host log${label} ${file} (last 100 lines):`);
      console.log(tail(readFileSync(file, 'utf8'), 100));
    }
    console.log(`\n[ui] code-server log${label} (last 40 lines):`);
    console.log(tail(s.log(), 40));
  }
} else {
  console.log(`[ui] passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
rmSync(sessionDir, { recursive: true, force: true });
process.exit(code === 0 ? 0 : 1);
