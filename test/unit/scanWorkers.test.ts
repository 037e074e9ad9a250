import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadNeedsFiles } from '../../src/node/needsFiles';
import { scanTree } from '../../src/node/scan';
import type { ScanResult } from '../../src/node/scan';
import { ScanCache, cacheKey } from '../../src/node/scanCache';
import { outcomesOnCores } from '../../src/node/scanWorkers';
import { scanWorkers } from '../../src/cli/scanWorkers';
import { readSourceBytesSync } from '../../src/node/walk';
import type { UnknownAnnotation } from '../../src/core/match';
import type { CachedOutcome } from '../../src/node/scanCache';
import { makeTempDir, removeDir } from './helpers/gitRepo';
import { scanAnswer } from './helpers/scanAnswer';

// A scan on several cores must answer as a scan on one thread does: the
// workers rebuild only what matching needs, and their answers come back by
// need id. The tree holds every kind of outcome, in two needs files.
const ROOT_NEEDS = [
  'version: 1',
  'exclude: ["gen/**"]',
  'needs:',
  '  - id: fast-checkout',
  '    title: Checkout feels instant',
  '    match:',
  '      paths: ["src/pay/**", "!src/pay/legacy/**"]',
  '      keywords: ["checkout", "saved card", "wallet*"]',
  '  - id: old-cart',
  '    title: The old cart',
  '    status: retired',
  '  - id: half-written',
  '',
].join('\n');
const NESTED_NEEDS = [
  'version: 1',
  'needs:',
  '  - id: gift-note',
  '    title: A note travels with the gift',
  '    match:',
  '      keywords: ["gift note"]',
  '',
].join('\n');

/** `copies` of each kind of file, so the workers get batches of their own. */
function tree(copies: number): Record<string, string> {
  const files: Record<string, string> = {
    'customer-needs.yaml': ROOT_NEEDS,
    'packages/gifts/customer-needs.yaml': NESTED_NEEDS,
    'src/big.ts': `${'checkout\n'.repeat(50)}`,
  };
  for (let i = 0; i < copies; i++) {
    files[`src/a${i}.ts`] =
      'checkout();\n// @need fast-checkout\r\n// @need no-such\r// @need old-cart\n// @need half-written';
    files[`src/pay/b${i}.ts`] = 'const savedCard = 1; walletTop();\n';
    files[`src/pay/legacy/c${i}.ts`] = 'checkout(); // excluded from fast-checkout by its ! glob\n';
    files[`src/blob${i}.bin`] = 'checkout\u0000\n';
    files[`packages/gifts/src/n${i}.ts`] = 'add a gift note at checkout\n// @need gift-note\n';
    files[`gen/g${i}.ts`] = 'checkout\n';
    files[`src/plain${i}.ts`] = 'nothing here, café\n';
  }
  return files;
}

const SCRIPT = path.join(__dirname, '..', '..', 'src', 'node', 'scanWorkerMain.js');

describe('how many workers the command line starts', () => {
  it('starts none on two cores, where one measured slower than none, and one a core past the main thread from three', () => {
    assert.equal(scanWorkers(1), undefined);
    assert.equal(scanWorkers(2), undefined);
    assert.equal(scanWorkers(3)?.count, 2);
    assert.equal(scanWorkers(8)?.count, 7);
    // Past eight, the reads are what waits: no more than seven.
    assert.equal(scanWorkers(64)?.count, 7);
  });
});

describe('scan on several cores', function () {
  this.timeout(60000);
  let dir: string;

  beforeEach(() => {
    dir = makeTempDir('scan-workers');
    for (const [rel, content] of Object.entries(tree(40))) {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), content);
    }
  });
  afterEach(() => removeDir(dir));

  const scan = async (workers?: { count: number; script: string }): Promise<ScanResult> => {
    const { set } = await loadNeedsFiles(dir, [
      'customer-needs.yaml',
      'packages/gifts/customer-needs.yaml',
    ]);
    const options = { blocking: true, maxFileBytes: 200 };
    return scanTree(
      dir,
      set,
      workers ? { ...options, workers: { ...workers, minFiles: 0 } } : options,
    );
  };

  it('answers as one thread does, with one worker or three', async () => {
    const want = scanAnswer(await scan());
    // The tree holds what it should: links of both needs files, unknown and retired ids, skips.
    const w = want as { files: { path: string }[]; skipped: { binary: number; large: number } };
    assert.ok(w.files.some((f) => f.path === 'packages/gifts/src/n0.ts'));
    assert.deepEqual([w.skipped.binary, w.skipped.large], [40, 1]);
    assert.deepEqual(scanAnswer(await scan({ count: 1, script: SCRIPT })), want);
    assert.deepEqual(scanAnswer(await scan({ count: 3, script: SCRIPT })), want);
  });

  it('answers as one thread does when no worker can start', async () => {
    const want = scanAnswer(await scan());
    const missing = path.join(dir, 'no-such-worker.js');
    assert.deepEqual(scanAnswer(await scan({ count: 2, script: missing })), want);
    // A script that is no scan worker: it never answers, and exits.
    const elsewhere = makeTempDir('scan-workers-script');
    try {
      const wrong = path.join(elsewhere, 'wrong.js');
      fs.writeFileSync(wrong, 'process.exit(3);\n');
      assert.deepEqual(scanAnswer(await scan({ count: 2, script: wrong })), want);
    } finally {
      removeDir(elsewhere);
    }
  });

  it('remembers what the workers read in the cache, as one thread does', async () => {
    const loaded = await loadNeedsFiles(dir, ['customer-needs.yaml']);
    const key = cacheKey(loaded.files, 'test');
    const workers = { count: 2, script: SCRIPT, minFiles: 0 };
    const old = new Date('2020-01-01T00:00:00Z');
    for (const rel of Object.keys(tree(40))) fs.utimesSync(path.join(dir, rel), old, old);
    const first = await scanTree(dir, loaded.set, {
      blocking: true,
      workers,
      cache: ScanCache.open(dir, key, loaded.set),
    });
    // Same size and time, new text: only a read could see it, so the cached answer stands.
    fs.writeFileSync(path.join(dir, 'src/plain0.ts'), 'checkout her, café\n');
    fs.utimesSync(path.join(dir, 'src/plain0.ts'), old, old);
    const second = await scanTree(dir, loaded.set, {
      blocking: true,
      workers,
      cache: ScanCache.open(dir, key, loaded.set),
    });
    assert.deepEqual(scanAnswer(second), scanAnswer(first));
  });

  it('shares the files out, and what the workers answer is what this thread would make', async () => {
    const { set } = await loadNeedsFiles(dir, [
      'customer-needs.yaml',
      'packages/gifts/customer-needs.yaml',
    ]);
    const sources = Object.keys(tree(40)).filter(
      (p) => !p.endsWith('.yaml') && !p.startsWith('gen/'),
    );
    const made = (rel: string): CachedOutcome | undefined => {
      // The text path, as the editor reads: the workers read bytes.
      const r = readSourceBytesSync(path.join(dir, rel), 200);
      if ('skipped' in r.outcome)
        return r.outcome.skipped === 'unreadable'
          ? undefined
          : { read: false, skipped: r.outcome.skipped };
      const unknown: UnknownAnnotation[] = [];
      const retired: UnknownAnnotation[] = [];
      const links = set.fileLinks(rel, r.outcome.bytes.toString('utf8'), unknown, retired);
      return { read: true, links, unknown, retired };
    };
    const outcomes: (CachedOutcome | undefined)[] = [];
    const ours = new Set<string>();
    await outcomesOnCores(
      dir,
      set,
      sources,
      sources.map((_, i) => i),
      { count: 1, script: SCRIPT },
      { maxFileBytes: 200 },
      (rel) => {
        ours.add(rel);
        // A slow thread of our own, so the worker is surely up before the queue is empty.
        const until = performance.now() + 2;
        while (performance.now() < until);
        return made(rel);
      },
      outcomes,
    );
    const theirs = sources.filter((rel) => !ours.has(rel));
    assert.ok(theirs.length > 0, 'this thread read every file: no worker answered');
    const plain = (o: CachedOutcome | undefined): unknown =>
      o?.read === true
        ? { ...o, links: o.links.map(({ need, ...l }) => ({ ...l, title: need.title })) }
        : o;
    for (const rel of theirs)
      assert.deepEqual(plain(outcomes[sources.indexOf(rel)]), plain(made(rel)), rel);
  });
});
