// `npm test`: format check, lint, type-check and compile, bundle, unit tests,
// then the integration and UI tests in a real VS Code (code-server; set up by
// scripts/setup-vscode.mjs on first use), and the integration tests once more
// on the oldest VS Code that engines.vscode names (1.100), each test counted
// once per editor it ran in. Every step runs even when an earlier
// one failed, unless it depends on it. The last line is the summary
// `N passed, N failed`, counting mocha tests across unit, integration and UI;
// a failed step that counted no failing test (lint, a crash, a timeout) adds one
// failure, so the line never says 0 failed when the run failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { paths } from './setup-vscode.mjs';

const root = paths.root;
const bin = {
  prettier: join(root, 'node_modules', 'prettier', 'bin', 'prettier.cjs'),
  eslint: join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'),
  tsc: join(root, 'node_modules', 'typescript', 'bin', 'tsc'),
  mocha: join(root, 'node_modules', 'mocha', 'bin', 'mocha.js'),
};
const statsDir = mkdtempSync(join(tmpdir(), 'outside-in-stats-'));
const reporter = join(root, 'scripts', 'lib', 'statsReporter.cjs');
const node = process.execPath;

const steps = [
  { name: 'format', cmd: [node, bin.prettier, '--check', '.'] },
  { name: 'lint', cmd: [node, bin.eslint, '.'] },
  { name: 'compile', cmd: [node, bin.tsc, '-p', '.'] },
  { name: 'build', cmd: [node, join(root, 'scripts', 'build.mjs')] },
  {
    name: 'unit',
    needs: ['compile'],
    stats: true,
    skipUnless: () => hasTests(join(root, 'out', 'test', 'unit')),
    cmd: [node, bin.mocha, '--reporter', reporter],
  },
  { name: 'setup', cmd: [node, join(root, 'scripts', 'setup-vscode.mjs')] },
  {
    name: 'integration',
    needs: ['compile', 'build', 'setup'],
    stats: true,
    cmd: (f) => [node, join(root, 'scripts', 'run-vscode-tests.mjs'), '--stats-file', f],
  },
  {
    name: 'integration-oldest',
    needs: ['compile', 'build', 'setup'],
    stats: true,
    cmd: (f) => [
      node,
      join(root, 'scripts', 'run-vscode-tests.mjs'),
      '--vscode',
      'oldest',
      '--stats-file',
      f,
    ],
  },
  {
    // The browser entry in the web worker extension host (vscode.dev, github.dev).
    name: 'web',
    needs: ['compile', 'build', 'setup'],
    stats: true,
    cmd: (f) => [node, join(root, 'scripts', 'run-vscode-tests.mjs'), '--web', '--stats-file', f],
  },
  {
    name: 'ui',
    needs: ['compile', 'build', 'setup'],
    stats: true,
    cmd: (f) => [node, join(root, 'scripts', 'run-ui-tests.mjs'), '--stats-file', f],
  },
];

function hasTests(dir) {
  if (!existsSync(dir)) return false;
  return readdirSync(dir, { recursive: true }).some((f) => String(f).endsWith('.test.js'));
}

const results = new Map();
let passed = 0;
let failed = 0;
/** The failed tests' titles, as the steps' stats name them, repeated at the end. */
const failedTitles = [];
for (const step of steps) {
  const blocked = (step.needs ?? []).filter((n) => results.get(n)?.ok !== true);
  if (blocked.length > 0) {
    console.log(`\n=== ${step.name}: not run, it needs ${blocked.join(', ')} ===`);
    results.set(step.name, { ok: false, seconds: 0, note: 'not run' });
    failed += 1;
    continue;
  }
  if (step.skipUnless && !step.skipUnless()) {
    console.log(`\n=== ${step.name}: no tests found, skipped ===`);
    results.set(step.name, { ok: true, seconds: 0, note: 'no tests' });
    continue;
  }
  const statsFile = join(statsDir, `${step.name}.json`);
  const cmd = typeof step.cmd === 'function' ? step.cmd(statsFile) : step.cmd;
  console.log(`\n=== ${step.name} ===`);
  const started = Date.now();
  const r = spawnSync(cmd[0], cmd.slice(1), {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, OUTSIDE_IN_STATS_FILE: statsFile },
  });
  const seconds = (Date.now() - started) / 1000;
  const ok = r.status === 0;
  let counted = { passes: 0, failures: 0 };
  if (step.stats && existsSync(statsFile)) counted = JSON.parse(readFileSync(statsFile, 'utf8'));
  passed += counted.passes;
  failed += counted.failures;
  for (const title of counted.failed ?? []) failedTitles.push(`${step.name}: ${title}`);
  if (!ok && counted.failures === 0) {
    failed += 1;
    failedTitles.push(`${step.name}: exit ${r.status ?? r.signal}, no failing test counted`);
  }
  if (ok && step.stats && counted.passes === 0) {
    console.log(`=== ${step.name}: exited 0 but counted no passing test ===`);
  }
  results.set(step.name, { ok, seconds, note: ok ? '' : `exit ${r.status ?? r.signal}` });
}
rmSync(statsDir, { recursive: true, force: true });

console.log('\n=== summary ===');
for (const [name, r] of results) {
  const state = r.note === 'not run' ? 'NOT RUN' : r.ok ? 'ok' : 'FAILED';
  console.log(
    `${name.padEnd(18)} ${state.padEnd(8)} ${r.seconds.toFixed(1).padStart(6)} s ${r.note}`,
  );
}
const allOk = [...results.values()].every((r) => r.ok);
if (failedTitles.length > 0)
  console.log(`failed:\n${failedTitles.map((t) => `  ${t}`).join('\n')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(allOk && failed === 0 ? 0 : 1);
