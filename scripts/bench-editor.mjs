// The editor half of `npm run bench` (issue 6, part 5): one code-server session
// on a copy of the workspace bench/editor.ts generated, with the repository as
// the extension under development and out/bench/editor/index.js as the
// extension tests, which measure inside the extension host and print one JSON
// line. This writes that JSON to --out and exits 0, or prints what the
// workbench and the extension host said and exits 1. Never part of `npm test`.
//
// Usage: node scripts/bench-editor.mjs --workspace DIR --out FILE [--keep]
// Needs `npm run compile`, `npm run build` and scripts/setup-vscode.mjs first.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import {
  copyWorkspace,
  extensionHostLogs,
  launchBrowser,
  makeSessionDir,
  startCodeServer,
  tail,
} from './lib/codeServer.mjs';
import { paths } from './setup-vscode.mjs';

const RESULT_MARKER = 'OUTSIDE-IN-BENCH-RESULT ';
const TIMEOUT_MS = Number(process.env.OUTSIDE_IN_BENCH_TIMEOUT_MS ?? 300_000);

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const source = option('--workspace');
const out = option('--out');
const keep = args.includes('--keep');
const entry = join(paths.root, 'out', 'bench', 'editor', 'index.js');

function fail(message) {
  console.error(`[bench-editor] ${message}`);
  process.exit(1);
}

if (!source || !out) fail('usage: bench-editor.mjs --workspace DIR --out FILE');
if (!existsSync(entry)) fail(`${entry} is missing: run \`npm run compile\` first.`);
if (!existsSync(join(paths.root, 'dist', 'extension.js')))
  fail('dist/extension.js is missing: run `npm run build`.');
if (!existsSync(paths.codeServerEntry))
  fail('code-server is missing: run `node scripts/setup-vscode.mjs`.');

const sessionDir = makeSessionDir('bench');
const workspace = copyWorkspace(source, sessionDir, 'bench');
const server = await startCodeServer({ sessionDir, folder: workspace });
const logLines = [];
let browser;
let outcome;
try {
  browser = await launchBrowser(join(sessionDir, 'chromium'));
  const page = browser.pages()[0] ?? (await browser.newPage());
  let done;
  const finished = new Promise((resolve) => (done = resolve));
  // Both hooks must exist before the workbench loads: await them before goto.
  await page.exposeFunction('codeAutomationLog', (type, logArgs) => {
    logLines.push({ type, text: format(...(Array.isArray(logArgs) ? logArgs : [logArgs])) });
  });
  await page.exposeFunction('codeAutomationExit', (code) => done({ code: Number(code) }));
  const timer = setTimeout(
    () => done({ code: 1, reason: `timed out after ${TIMEOUT_MS / 1000} s` }),
    TIMEOUT_MS,
  );
  page.on('crash', () => done({ code: 1, reason: 'the browser page crashed' }));
  void server.exited.then((c) => done({ code: 1, reason: `code-server exited (${c})` }));
  const payload = [
    ['extensionDevelopmentPath', server.remoteUri(paths.root)],
    ['extensionTestsPath', server.remoteUri(entry)],
    ['skipWelcome', 'true'],
  ];
  page
    .goto(server.workbenchUrl({ folder: workspace, payload }))
    .catch((e) => done({ code: 1, reason: `could not open the workbench: ${e.message}` }));
  outcome = await finished;
  clearTimeout(timer);
} catch (e) {
  outcome = { code: 1, reason: e.stack ?? String(e) };
} finally {
  await browser?.close().catch(() => {});
  await server.stop();
}

const line = logLines.find((l) => l.text.startsWith(RESULT_MARKER));
if (outcome.code === 0 && line) {
  writeFileSync(out, line.text.slice(RESULT_MARKER.length));
} else {
  console.error(`[bench-editor] failed: ${outcome.reason ?? 'no result was reported'}`);
  for (const l of logLines) console.error(`[${l.type}] ${l.text}`);
  for (const file of extensionHostLogs(sessionDir))
    console.error(`\n${file}:\n${tail(readFileSync(file, 'utf8'), 80)}`);
  console.error(`\ncode-server log:\n${tail(server.log(), 40)}`);
}
if (!keep) rmSync(sessionDir, { recursive: true, force: true });
else console.error(`[bench-editor] kept ${sessionDir}`);
process.exit(outcome.code === 0 && line ? 0 : 1);
