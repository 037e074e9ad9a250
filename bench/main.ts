/**
 * `npm run bench [-- --json] [-- --quick] [-- --only=1,3b,5]`: generates the inputs once, runs
 * every measure against its baseline, prints the table (or JSON) and writes
 * docs/benchmarks.md. Not part of `npm test`: timings are no pass/fail for CI.
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import * as path from 'node:path';
import { ripgrepPath } from './baselines';
import { editorMeasures } from './editor';
import { ensureInputs } from './generate';
import { describeMachine } from './machine';
import type { MeasureOptions, Result } from './measures';
import {
  checklistMeasure,
  loadMeasure,
  nodeModulesMeasure,
  relateMeasures,
  scanMeasure,
  sinkValue,
  warmScanMeasure,
} from './measures';
import { jsonReport, markdownReport, textReport } from './report';

async function main(argv: readonly string[]): Promise<void> {
  const json = argv.includes('--json');
  const quick = argv.includes('--quick');
  const only = argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  // Progress goes to stderr so `--json` leaves stdout one JSON document.
  const log = (msg: string): void => void process.stderr.write(`${msg}\n`);
  const root = path.resolve(__dirname, '..', '..');
  const loadAtStart = loadavg()[0] ?? 0;
  const inputs = ensureInputs(root, log);
  const o: MeasureOptions = { quick, log };
  const results: Result[] = [];
  const want = (n: string): boolean => only === undefined || only.split(',').includes(n);
  if (want('1')) results.push(await loadMeasure(inputs, o));
  if (want('2')) results.push(...(await relateMeasures(inputs, o)));
  if (want('3')) results.push(await scanMeasure(inputs, o));
  if (want('3b')) results.push(await warmScanMeasure(inputs, o));
  if (want('6')) results.push(await nodeModulesMeasure(root, o));
  if (want('4')) results.push(await checklistMeasure(inputs, o));
  // Part 5: a code-server session of its own, a minute or two.
  if (want('5')) results.push(...editorMeasures(inputs, o));
  log(`(checksum ${sinkValue()})`);
  const machine = describeMachine(await ripgrepPath(), loadAtStart);
  process.stdout.write(`${json ? jsonReport(machine, results) : textReport(results)}\n`);
  // Only a full run speaks for the project.
  if (!quick && only === undefined) {
    // Formatted as `npm run format:check` expects, so the generated file passes it.
    const prettier = await import('prettier');
    const md = await prettier.format(markdownReport(machine, results), { parser: 'markdown' });
    writeFileSync(path.join(root, 'docs', 'benchmarks.md'), md);
    log('wrote docs/benchmarks.md');
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
