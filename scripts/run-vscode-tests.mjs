// Runs the integration tests (test/integration, compiled to out/) inside a real
// VS Code extension host: code-server, driven by Debian's Chromium.
//
// One session per row of the suites table (test/integration/suites.ts, read
// through scripts/lib/integrationSuites.mjs, which also stops the run when a
// suite folder and the table disagree): a fresh code-server on a free port with
// fresh HOME, user data and extensions, opening a fresh copy of the row's
// fixture workspace, so suites cannot leak into each other. The row's options:
// "workspace" opens that .code-workspace file of the fixture (multi-root);
// install "vsix" installs the packaged extension instead of loading the
// repository in development mode; "restricted" opens the workspace untrusted
// (Restricted Mode). The suite's name reaches out/test/integration/index.js in
// the extension host as the environment variable SUITE_ENV of code-server. The
// result is what the workbench reports through window.codeAutomationExit; a
// timeout, a crash or a missing result is a failure.
//
// `--vscode oldest` runs the suites on the oldest VS Code that engines.vscode
// names (code-server 4.100.3, VS Code 1.100) instead of the newest (4.139.1),
// so an API newer than the engine cannot break users unseen.
//
// A row with "web" runs the extension's browser entry in the web worker
// extension host (the setting remote.extensionKind), with its tests bundled
// for the worker; `--web` runs those rows, without it the others.
//
// Usage: node scripts/run-vscode-tests.mjs [suite...] [--vscode oldest|newest]
//          [--web] [--stats-file F] [--keep]
// Needs `npm run compile`, `npm run build` and scripts/setup-vscode.mjs first.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  codeServerCli,
  copyWorkspace,
  extensionHostLogs,
  makeSessionDir,
  tail,
} from './lib/codeServer.mjs';
import { runExtensionTestSession } from './lib/extensionTestSession.mjs';
import { loadIntegrationSuites } from './lib/integrationSuites.mjs';
import { bundleWebSuite } from './lib/webTests.mjs';
import { packageVsix as packageVsixTo } from './package.mjs';
import { codeServerFromArgs, paths } from './setup-vscode.mjs';

const SESSION_TIMEOUT_MS = Number(process.env.OUTSIDE_IN_SESSION_TIMEOUT_MS ?? 120_000);
const NOISE = [
  /^\[AgentHost\] No signed-in session/,
  /\[info\] (Getting|Got \d+) sessions for/,
  /^\[ChatModelSelection\]/,
];

const args = process.argv.slice(2);
const keep = args.includes('--keep');
// Web suites (browser entry, web worker extension host) are a step of their own in `npm test`.
const web = args.includes('--web');
const statsIndex = args.indexOf('--stats-file');
const statsFile = statsIndex >= 0 ? args[statsIndex + 1] : undefined;
const vscode = codeServerFromArgs(args);
const optionValues = new Set(
  ['--stats-file', '--vscode']
    .map((o) => args.indexOf(o))
    .filter((i) => i >= 0)
    .map((i) => i + 1),
);
const only = args.filter((a, i) => !a.startsWith('--') && !optionValues.has(i));

const compiledDir = join(paths.root, 'out', 'test', 'integration');
const testsIndex = join(compiledDir, 'index.js');

// The extension has both entries; this setting makes VS Code run it (and so
// the tests) where a web extension runs in vscode.dev: the web worker
// extension host. (The payload's `extensionDevelopmentKind` would be the
// natural way, but the browser workbench does not pass it on.)
const WEB_SETTINGS = { 'remote.extensionKind': { 'outside-in.outside-in': ['web'] } };

function fail(message) {
  console.error(`[integration] ${message}`);
  process.exit(1);
}

if (!existsSync(testsIndex)) fail(`${testsIndex} is missing: run \`npm run compile\` first.`);
if (!existsSync(join(paths.root, 'dist', 'extension.js')))
  fail('dist/extension.js is missing: run `npm run build`.');
if (!existsSync(vscode.entry))
  fail(`${vscode.label} is missing: run \`node scripts/setup-vscode.mjs\`.`);

let table;
try {
  table = await loadIntegrationSuites();
} catch (e) {
  fail(e.message);
}
const { SUITE_ENV, START_MARKER, STATS_MARKER, TEST_TIMEOUT_ENV } = table;

function suites() {
  const names = table.SUITES.map((s) => s.name);
  const unknown = only.filter((n) => !names.includes(n));
  if (unknown.length > 0) fail(`unknown suite ${unknown.join(', ')}; have ${names.join(', ')}`);
  if (only.length > 0) return table.SUITES.filter((s) => only.includes(s.name));
  return table.SUITES.filter((s) => s.web === web);
}

let vsixPath;
/** Packages the extension once per run, the way `npm run package` does. */
function packageVsix() {
  if (vsixPath) return vsixPath;
  const dir = mkdtempSync(join(tmpdir(), 'outside-in-vsix-'));
  vsixPath = join(dir, 'outside-in.vsix');
  const started = Date.now();
  // dist/ was just built by the caller (npm test, npm run test:integration).
  packageVsixTo(vsixPath, { build: false });
  console.log(
    `[integration] packaged ${vsixPath} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return vsixPath;
}

async function runSuite(suite) {
  const started = Date.now();
  const fixture = join(paths.root, 'test', 'fixtures', 'workspaces', suite.fixture);
  const sessionDir = makeSessionDir(suite.name);
  const workspace = copyWorkspace(fixture, sessionDir, suite.name);
  const extensionsDir = join(sessionDir, 'extensions');
  if (suite.install === 'vsix') {
    await codeServerCli(
      ['--extensions-dir', extensionsDir, '--install-extension', packageVsix()],
      sessionDir,
      vscode,
    );
  }
  // VS Code runs extensionTestsPath only in a development session; for the
  // .vsix check an empty probe extension is the one under development.
  const developed =
    suite.install === 'vsix'
      ? join(paths.root, 'test', 'fixtures', 'extensions', 'probe')
      : paths.root;
  const session = await runExtensionTestSession({
    vscode,
    sessionDir,
    folder: workspace,
    workspace: suite.workspace && join(workspace, suite.workspace),
    extensionsDir,
    restricted: suite.restricted,
    env: { [SUITE_ENV]: suite.name, [TEST_TIMEOUT_ENV]: String(vscode.testTimeoutMs) },
    developmentPath: developed,
    testsPath: suite.web ? await bundleWebSuite(suite.name) : testsIndex,
    timeoutMs: SESSION_TIMEOUT_MS,
    settings: suite.web ? WEB_SETTINGS : undefined,
  });
  const { logLines, server } = session;
  let outcome = session.outcome;

  const startIndex = logLines.findIndex((l) => l.text === START_MARKER);
  const statsIndex = logLines.findIndex((l) => l.text.startsWith(STATS_MARKER));
  const stats =
    statsIndex >= 0 ? JSON.parse(logLines[statsIndex].text.slice(STATS_MARKER.length)) : undefined;
  if (outcome.code === 0 && stats === undefined) {
    outcome = { code: 1, reason: 'the tests reported success but mocha never reported its counts' };
  }
  if (outcome.code === 0 && stats.tests === 0) outcome = { code: 1, reason: 'no test ran' };

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `\n── integration suite "${suite.name}" on ${vscode.label} (fixture ${suite.fixture}, ${suite.install}${suite.restricted ? ', Restricted Mode' : ''}) ──`,
  );
  // On success, only mocha's report; on failure everything the workbench and
  // the extension host said, less known noise of an offline code-server.
  const shown =
    outcome.code === 0 && startIndex >= 0
      ? logLines
          .slice(startIndex + 1, statsIndex)
          .filter((l) => !NOISE.some((re) => re.test(l.text)))
      : logLines.filter((l) => !NOISE.some((re) => re.test(l.text)));
  for (const l of shown) {
    if (l.text === START_MARKER || l.text.startsWith(STATS_MARKER)) continue;
    console.log(l.type === 'error' || l.type === 'warn' ? `[${l.type}] ${l.text}` : l.text);
  }
  if (outcome.code !== 0) {
    console.log(
      `\n[integration] suite "${suite.name}" FAILED${outcome.reason ? `: ${outcome.reason}` : ''}`,
    );
    printDiagnostics(sessionDir, server);
  } else {
    console.log(`[integration] suite "${suite.name}" passed in ${seconds} s`);
  }
  if (!keep) rmSync(sessionDir, { recursive: true, force: true });
  else console.log(`[integration] kept ${sessionDir}`);
  return {
    ok: outcome.code === 0,
    passes: stats?.passes ?? 0,
    // A session that failed without mocha counting a failure still counts as one.
    failures: Math.max(stats?.failures ?? 0, outcome.code === 0 ? 0 : 1),
    pending: stats?.pending ?? 0,
    failed: (stats?.failed ?? [])
      .map((t) => `${suite.name}: ${t}`)
      .concat(
        outcome.code !== 0 && !(stats?.failures > 0)
          ? [`${suite.name}: ${outcome.reason ?? 'failed'}`]
          : [],
      ),
  };
}

function printDiagnostics(sessionDir, server) {
  const logs = extensionHostLogs(sessionDir);
  if (logs.length === 0) console.log('[integration] no extension host log was written');
  for (const file of logs) {
    console.log(`\n[integration] extension host log ${file} (last 150 lines):`);
    console.log(tail(readFileSync(file, 'utf8'), 150));
  }
  console.log(`\n[integration] code-server log (last 60 lines):`);
  console.log(tail(server.log(), 60));
}

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    interrupted = true;
    // The 'exit' handlers of lib/codeServer.mjs kill every server group.
    process.exit(130);
  });
}

const totals = { passes: 0, failures: 0, pending: 0, failed: [] };
let allOk = true;
for (const suite of suites()) {
  if (interrupted) break;
  let result;
  try {
    result = await runSuite(suite);
  } catch (e) {
    console.error(`[integration] suite "${suite.name}" could not run: ${e.stack ?? e}`);
    result = {
      ok: false,
      passes: 0,
      failures: 1,
      pending: 0,
      failed: [`${suite.name}: could not run`],
    };
  }
  allOk &&= result.ok;
  totals.passes += result.passes;
  totals.failures += result.failures;
  totals.pending += result.pending;
  totals.failed.push(...result.failed);
}
if (vsixPath) rmSync(join(vsixPath, '..'), { recursive: true, force: true });
console.log(
  `\n[integration] ${vscode.label}: ${totals.passes} passing, ${totals.failures} failing, ${totals.pending} pending`,
);
if (statsFile) writeFileSync(statsFile, JSON.stringify(totals));
process.exit(allOk && totals.failures === 0 ? 0 : 1);
