/**
 * The quick fuzz run in `npm test` (`npm run fuzz` runs 100,000 cases): the
 * loader and the CLI take generated and mutated needs files without throwing,
 * and every problem points inside the document.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { main } from '../../src/cli/main';
import { loadNeedsText } from '../../src/core/load';
import { buildIndex } from '../../src/core/match';
import { SEED, needsText, spanOutside } from '../fuzz/cases';

describe('fuzz: the loader', function () {
  // A guard against hangs and throws, not a benchmark: generous on a busy machine.
  this.timeout(120_000);

  it('the seed itself is a valid needs file', () => {
    const result = loadNeedsText(SEED, { today: '2026-11-26' });
    assert.deepEqual(
      result.problems.filter((p) => p.severity === 'error'),
      [],
    );
    assert.deepEqual(
      result.file?.needs.map((n) => n.id),
      ['fast-checkout', 'gift-note', 'old'],
    );
  });

  it('never throws, and every problem lies inside the text (1,000 cases)', () => {
    fc.assert(
      fc.property(needsText, (text) => {
        const result = loadNeedsText(text.replace(/^\ufeff/, ''));
        for (const p of result.problems) {
          const outside = spanOutside(text.replace(/^\ufeff/, ''), p);
          assert.equal(outside, undefined, outside);
        }
        if (result.file) buildIndex(result.file);
      }),
      { numRuns: 1000, seed: 20261126 },
    );
  });
});

describe('fuzz: the CLI', function () {
  this.timeout(120_000);

  it('check exits 0, 1 or 2 and never throws on a fuzzed needs file (100 cases)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'outside-in-fuzz-'));
    try {
      writeFileSync(path.join(dir, 'a.ts'), '// @need fast-checkout\nconst savedCard = 1;\n');
      await fc.assert(
        fc.asyncProperty(needsText, async (text) => {
          writeFileSync(path.join(dir, 'customer-needs.yaml'), text);
          const err: string[] = [];
          const code = await main(['check', '--root', dir], {
            cwd: dir,
            out: () => undefined,
            err: (t) => err.push(t),
          });
          assert.ok([0, 1, 2].includes(code), `exit ${code}`);
          assert.ok(!err.join('').includes('unexpected failure'), err.join(''));
        }),
        { numRuns: 100, seed: 20261126 },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
