// The editor half of `npm run bench`: one code-server session
// on a copy of the workspace bench/editor.ts generated, with the repository as
// the extension under development and out/bench/editor/index.js as the
// extension tests, which measure inside the extension host and print one JSON
// line. This writes that JSON to --out and exits 0, or prints what the
// workbench and the extension host said and exits 1. Never part of `npm test`.
//
// `--mode index` runs the workspace-index measure instead (BENCH_MODE_ENV).
//
// Usage: node scripts/bench-editor.mjs --workspace DIR --out FILE [--mode index] [--keep]
// Needs `npm run compile`, `npm run build` and scripts/setup-vscode.mjs first.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { copyWorkspace, extensionHostLogs, makeSessionDir, tail } from './lib/codeServer.mjs';
import { runExtensionTestSession } from './lib/extensionTestSession.mjs';
import { paths } from './setup-vscode.mjs';

const TIMEOUT_MS = Number(process.env.OUTSIDE_IN_BENCH_TIMEOUT_MS ?? 300_000);

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const source = option('--workspace');
const out = option('--out');
const keep = args.includes('--keep');
const mode = option('--mode');
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
// The marker as the extension host's side defines it (bench/editor/shared.ts).
const { RESULT_MARKER, BENCH_MODE_ENV } = await import(
  pathToFileURL(join(paths.root, 'out', 'bench', 'editor', 'shared.js')).href
);

const sessionDir = makeSessionDir('bench');
const workspace = copyWorkspace(source, sessionDir, 'bench');
const { outcome, logLines, server } = await runExtensionTestSession({
  sessionDir,
  folder: workspace,
  developmentPath: paths.root,
  testsPath: entry,
  timeoutMs: TIMEOUT_MS,
  env: mode === undefined ? {} : { [BENCH_MODE_ENV]: mode },
});

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
