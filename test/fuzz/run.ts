/**
 * `npm run fuzz`: 100,000 generated and mutated needs files through the loader
 * (and every 100th through the CLI). Reports the count, the problems seen by
 * rule, and the slowest case; fails on an exception, a problem outside its
 * document, or a case over a second (a hang, not a benchmark).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { main } from '../../src/cli/main';
import { loadNeedsText } from '../../src/core/load';
import { buildIndex } from '../../src/core/match';
import { needsText, spanOutside } from './cases';

const CASES = Number(process.env.FUZZ_CASES ?? 100_000);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const LIMIT_MS = 1000;

async function run(): Promise<number> {
  const dir = mkdtempSync(path.join(tmpdir(), 'outside-in-fuzz-'));
  writeFileSync(path.join(dir, 'a.ts'), '// @need fast-checkout\nconst savedCard = 1;\n');
  const rules = new Map<string, number>();
  const cliRules = new Map<string, number>();
  let slowest = { ms: 0, text: '' };
  let cli = 0;
  let n = 0;
  try {
    await fc.assert(
      fc.asyncProperty(needsText, async (raw) => {
        const text = raw.replace(/^\ufeff/, '');
        const started = performance.now();
        const result = loadNeedsText(text);
        if (result.file) buildIndex(result.file);
        const ms = performance.now() - started;
        if (ms > slowest.ms) slowest = { ms, text };
        if (ms > LIMIT_MS) throw new Error(`a case took ${ms.toFixed(0)} ms`);
        for (const p of result.problems) {
          const outside = spanOutside(text, p);
          if (outside) throw new Error(outside);
          rules.set(p.rule, (rules.get(p.rule) ?? 0) + 1);
        }
        if (++n % 100 === 0) {
          // Every other CLI case is written as bytes with one of them made
          // invalid UTF-8: the loader above only ever sees decoded text.
          const bytes = Buffer.from(raw, 'utf8');
          if (n % 200 === 0 && bytes.length > 0) bytes[(n * 7919) % bytes.length] = 0xff;
          writeFileSync(path.join(dir, 'customer-needs.yaml'), bytes);
          const decoded = bytes.toString('utf8').replace(/^\ufeff/, '');
          const err: string[] = [];
          const out: string[] = [];
          const code = await main(['check', '--root', dir, '--format', 'json'], {
            cwd: dir,
            out: (t) => out.push(t),
            err: (t) => err.push(t),
          });
          if (![0, 1, 2].includes(code) || err.join('').includes('unexpected failure')) {
            throw new Error(`CLI: exit ${code}: ${err.join('')}`);
          }
          if (code !== 2) {
            const report = JSON.parse(out.join('')) as { problems: CliProblem[] };
            for (const p of report.problems) {
              if (p.file !== 'customer-needs.yaml') continue;
              const outside = cliPositionOutside(decoded, p);
              if (outside) throw new Error(`CLI: ${outside}`);
              cliRules.set(p.rule, (cliRules.get(p.rule) ?? 0) + 1);
            }
          }
          cli++;
        }
      }),
      // FUZZ_PATH replays a reported failure (fast-check's `path`) without the cases before it.
      { numRuns: CASES, seed: SEED, path: process.env.FUZZ_PATH },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    `fuzz: ${n} cases (seed ${SEED}), ${cli} of them through the CLI: no exception, every problem inside its document`,
  );
  console.log(
    `fuzz: slowest case ${slowest.ms.toFixed(1)} ms (limit ${LIMIT_MS} ms), ${slowest.text.length} characters`,
  );
  console.log(`fuzz: problems by rule: ${byCount(rules)}`);
  console.log(
    `fuzz: through the CLI (half of them with a byte made invalid UTF-8): ${byCount(cliRules)}`,
  );
  return 0;
}

interface CliProblem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly rule: string;
}

/** Why a CLI problem's 1-based line and column are not inside `text`, or undefined. */
function cliPositionOutside(text: string, p: CliProblem): string | undefined {
  const lines = text.split('\n');
  const line = lines[p.line - 1];
  if (line === undefined) return `${p.rule} at line ${p.line} of ${lines.length}`;
  if (p.column < 1 || p.column > line.length + 1)
    return `${p.rule} at ${p.line}:${p.column}, past the line's ${line.length} characters`;
  return undefined;
}

function byCount(counts: ReadonlyMap<string, number>): string {
  const sorted = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  return sorted.map(([r, c]) => `${r} ${c}`).join(', ');
}

run().then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    // fast-check keeps what the property threw as the cause: say which check failed.
    if (e instanceof Error && e.cause !== undefined) console.error('cause:', e.cause);
    process.exitCode = 1;
  },
);
