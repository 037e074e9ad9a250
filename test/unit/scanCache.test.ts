/**
 * The scan cache never changes an answer: after every way a cache can go
 * wrong (a file edited, touched, deleted or added, the needs changed, the
 * cache truncated, corrupted or hand-edited), a cached scan gives what an
 * uncached one gives, and a warm scan of an unchanged tree reads no file.
 */
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { NeedsSet } from '../../src/core/needsSet';
import { loadNeedsFiles } from '../../src/node/needsFiles';
import { scanTree } from '../../src/node/scan';
import type { ScanResult } from '../../src/node/scan';
import { CACHE_DIR, ScanCache, cacheKey } from '../../src/node/scanCache';
import { makeTempDir, removeDir } from './helpers/gitRepo';
import { scanAnswer } from './helpers/scanAnswer';

const NEEDS = [
  'version: 1',
  'needs:',
  '  - id: fast-checkout',
  '    title: Checkout feels instant',
  '    evidence:',
  '      - source: NPS survey',
  '    quote: Paying should take a second',
  '    match:',
  '      paths: ["src/pay/**"]',
  '      keywords: ["checkout", "saved card"]',
  '  - id: old-cart',
  '    title: The old cart',
  '    status: retired',
  '    evidence:',
  '      - source: NPS survey',
  '    quote: It was fine',
  '',
].join('\n');

const TREE: Record<string, string> = {
  'customer-needs.yaml': NEEDS,
  // Line 0: keyword; line 1: annotation; line 2: an unknown id; line 3: a retired one.
  'src/a.ts': 'checkout();\n// @need fast-checkout\n// @need no-such\n// @need old-cart\n',
  'src/pay/b.ts': 'const savedCard = 1;\n',
  'src/c.ts': 'nothing here\n',
  'src/blob.bin': 'checkout\u0000\n',
};

/** A time well before the test, so the cache trusts the files' times. */
const OLD = new Date('2020-01-01T00:00:00Z');

function write(dir: string, rel: string, content: string, time = OLD): void {
  const abs = path.join(dir, rel);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, content);
  fs.utimesSync(abs, time, time);
}

describe('scan cache', function () {
  this.timeout(60000);
  let dir: string;
  let set: NeedsSet;
  let key: string;

  async function load(): Promise<void> {
    const loaded = await loadNeedsFiles(dir, ['customer-needs.yaml']);
    set = loaded.set;
    key = cacheKey(loaded.files, 'test');
  }
  const cached = (): Promise<ScanResult> =>
    scanTree(dir, set, { cache: ScanCache.open(dir, key, set) });
  const uncached = (): Promise<ScanResult> => scanTree(dir, set);
  const cacheFile = (): string => path.join(dir, CACHE_DIR, 'scan-cache.json');

  /**
   * A cached scan answers as an uncached one does, now and on the next run,
   * and the command line's blocking reads as the editor's do.
   */
  async function agrees(): Promise<void> {
    const want = scanAnswer(await uncached());
    assert.deepEqual(scanAnswer(await cached()), want);
    assert.deepEqual(scanAnswer(await cached()), want);
    assert.deepEqual(scanAnswer(await scanTree(dir, set, { blocking: true })), want);
    const blockingCached = { blocking: true, cache: ScanCache.open(dir, key, set) };
    assert.deepEqual(scanAnswer(await scanTree(dir, set, blockingCached)), want);
    // The editor's way: read and written in slices of the event loop's time.
    const sliced = await ScanCache.openInSlices(dir, key, set);
    assert.deepEqual(scanAnswer(await scanTree(dir, set, { cache: sliced })), want);
  }

  beforeEach(async () => {
    dir = makeTempDir('scan-cache');
    for (const [rel, content] of Object.entries(TREE)) write(dir, rel, content);
    await load();
  });
  afterEach(() => removeDir(dir));

  it('answers as an uncached scan, with the links written by hand', async () => {
    const r = await cached();
    const a = r.files.find((f) => f.path === 'src/a.ts');
    assert.deepEqual(
      a?.links.map((l) => [l.rule, l.needId, l.line, l.match]),
      [
        ['keyword', 'fast-checkout', 0, 'checkout'],
        ['annotation', 'fast-checkout', 1, 'fast-checkout'],
        // The annotated id's own words hold the keyword.
        ['keyword', 'fast-checkout', 1, 'checkout'],
      ],
    );
    assert.deepEqual(a?.unknown, [{ id: 'no-such', line: 2, start: 9, end: 16 }]);
    assert.deepEqual(a?.retired, [{ id: 'old-cart', line: 3, start: 9, end: 17 }]);
    assert.deepEqual(r.skipped, { binary: 1, large: 0, unreadable: 0 });
    assert.ok(fs.existsSync(cacheFile()), 'the first run writes the cache');
    await agrees();
  });

  it('reads no file when nothing changed: a cached entry is what it answers from', async () => {
    await cached();
    // Same size and time, new text: only a read could see it, and the cache is trusted.
    write(dir, 'src/c.ts', 'checkout(); \n');
    const r = await cached();
    assert.equal(
      r.files.find((f) => f.path === 'src/c.ts'),
      undefined,
    );
  });

  it('reads an edited file again (new size)', async () => {
    await cached();
    write(dir, 'src/c.ts', 'checkout();\ncheckout();\n');
    await agrees();
    const r = await cached();
    assert.deepEqual(
      r.files.find((f) => f.path === 'src/c.ts')?.links.map((l) => l.line),
      [0, 1],
    );
  });

  it('reads a touched file again (same size, new time)', async () => {
    await cached();
    write(dir, 'src/c.ts', 'checkout();\n'.padEnd(13, ' '), new Date('2021-01-01T00:00:00Z'));
    assert.equal(fs.statSync(path.join(dir, 'src/c.ts')).size, TREE['src/c.ts']?.length);
    await agrees();
    assert.ok((await cached()).files.some((f) => f.path === 'src/c.ts'));
  });

  it('forgets a deleted file and learns an added one', async () => {
    await cached();
    fs.rmSync(path.join(dir, 'src/a.ts'));
    write(dir, 'src/d.ts', 'checkout\n');
    await agrees();
    const paths = (await cached()).files.map((f) => f.path);
    assert.ok(!paths.includes('src/a.ts'));
    assert.ok(paths.includes('src/d.ts'));
  });

  it('is not used when the needs change', async () => {
    await cached();
    write(dir, 'customer-needs.yaml', NEEDS.replace('"checkout", ', ''));
    await load();
    await agrees();
    const a = (await cached()).files.find((f) => f.path === 'src/a.ts');
    assert.deepEqual(
      a?.links.map((l) => l.rule),
      ['annotation'],
    );
  });

  /** Edits the cache's JSON and signs it again, as the tool would: only the entries' own checks remain. */
  function resigned(f: string, edit: (json: string) => string): void {
    const text = fs.readFileSync(f, 'utf8');
    const json = edit(text.slice(text.indexOf('\n') + 1));
    fs.writeFileSync(f, `${createHash('sha256').update(json).digest('hex')}\n${json}`);
  }
  /** Edits the rows (`[size, time, outcome]` by path) of a cache: a line of tables, then a line a file. */
  function resignedData(f: string, edit: (data: { files: Record<string, unknown> }) => void): void {
    resigned(f, (json) => {
      const [head, ...lines] = json.split('\n');
      const files: Record<string, unknown> = {};
      for (const line of lines) {
        const [rel, ...row] = JSON.parse(line) as [string, ...unknown[]];
        files[rel] = row;
      }
      edit({ files });
      const rows = Object.entries(files).map(([rel, row]) =>
        JSON.stringify([rel, ...(row as unknown[])]),
      );
      return [head, ...rows].join('\n');
    });
  }

  for (const [name, damage] of [
    ['deleted', (f: string): void => fs.rmSync(f)],
    ['emptied', (f: string): void => fs.writeFileSync(f, '')],
    ['truncated', (f: string): void => fs.truncateSync(f, Math.floor(fs.statSync(f).size / 2))],
    ['not JSON', (f: string): void => fs.writeFileSync(f, '\u0000garbage')],
    ['JSON of another shape', (f: string): void => fs.writeFileSync(f, '[1,2,3]')],
    [
      'hand-edited without its checksum: a file’s unknown annotations dropped',
      (f: string): void =>
        fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace('no-such', 'checkout')),
    ],
    [
      'one character flipped',
      (f: string): void => {
        const text = fs.readFileSync(f, 'utf8');
        const at = text.length - 10;
        const flipped = text[at] === '1' ? '2' : '1';
        fs.writeFileSync(f, text.slice(0, at) + flipped + text.slice(at + 1));
      },
    ],
    [
      'signed again after naming a need that does not exist',
      (f: string): void => resigned(f, (json) => json.replaceAll('fast-checkout', 'nobody')),
    ],
    [
      'signed again with impossible positions',
      (f: string): void =>
        resignedData(f, (data) => {
          for (const row of Object.values(data.files))
            if (Array.isArray(row) && Array.isArray(row[2]))
              row[2] = [[1, 0, 0, -5, 9, 2], [], [], 0];
        }),
    ],
    [
      'signed again with a path link among the line links (path links are in the lists)',
      (f: string): void =>
        resignedData(f, (data) => {
          for (const row of Object.values(data.files))
            if (Array.isArray(row) && Array.isArray(row[2]))
              row[2] = [[0, 0, 0, 0, 0, 1], [], [], 0];
        }),
    ],
    [
      'signed again pointing at a path list that does not exist',
      (f: string): void =>
        resignedData(f, (data) => {
          for (const row of Object.values(data.files))
            if (Array.isArray(row) && Array.isArray(row[2])) row[2] = [[], [], [], 99];
        }),
    ],
    [
      'signed again with the old layout, which had no path lists',
      (f: string): void =>
        resignedData(f, (data) => {
          for (const row of Object.values(data.files))
            if (Array.isArray(row) && Array.isArray(row[2]))
              row[2] = (row[2] as unknown[]).slice(0, 3);
        }),
    ],
    [
      'signed again with a path list naming a need the tables do not hold',
      (f: string): void =>
        resigned(f, (json) => {
          const [head, ...rows] = json.split('\n');
          const tables = JSON.parse(head ?? '') as { pathLists: number[][] };
          tables.pathLists = tables.pathLists.map((l) => l.map((n, i) => (i % 2 === 0 ? 999 : n)));
          return [JSON.stringify(tables), ...rows].join('\n');
        }),
    ],
    [
      'signed again with a skip kind that does not exist',
      (f: string): void =>
        resignedData(f, (data) => {
          for (const row of Object.values(data.files)) if (Array.isArray(row)) row[2] = 7;
        }),
    ],
  ] as const) {
    it(`never changes an answer when ${name}`, async () => {
      await cached();
      damage(cacheFile());
      await agrees();
    });
  }

  it('does not remember a file written just now (its time cannot tell a later write apart)', async () => {
    await cached();
    write(dir, 'src/c.ts', 'checkout();\n', new Date());
    await cached();
    // Rewritten within the same moment, same size: a remembered entry would hide it.
    const abs = path.join(dir, 'src/c.ts');
    const { mtime } = fs.statSync(abs);
    fs.writeFileSync(abs, 'nothing(); \n');
    fs.utimesSync(abs, mtime, mtime);
    await agrees();
    assert.equal(
      (await cached()).files.find((f) => f.path === 'src/c.ts'),
      undefined,
    );
  });

  it('keeps itself out of git and out of the walk', async () => {
    await cached();
    assert.equal(
      fs.readFileSync(path.join(dir, CACHE_DIR, '.gitignore'), 'utf8').split('\n')[1],
      '*',
    );
    assert.ok(!(await uncached()).paths.some((p) => p.startsWith(CACHE_DIR)));
  });

  it('keeps each list of path links once, however often it is written again', async () => {
    write(dir, 'src/pay/d.ts', 'const d = 1;\n');
    await cached();
    // Each run reads the lists back (other objects than the set's) and adds files to them.
    for (const rel of ['src/pay/e.ts', 'src/pay/f.ts']) {
      write(dir, rel, 'const x = 1;\n');
      await cached();
    }
    const text = fs.readFileSync(cacheFile(), 'utf8').split('\n')[1] ?? '';
    const lists = (JSON.parse(text) as { pathLists: number[][] }).pathLists.map((l) => l.join());
    assert.ok(lists.length > 0);
    assert.equal(new Set(lists).size, lists.length, `a list written twice: ${lists.join(' | ')}`);
  });

  it('leaves no temporary file behind', async () => {
    await cached();
    write(dir, 'src/c.ts', 'x\n');
    await cached();
    assert.deepEqual(fs.readdirSync(path.join(dir, CACHE_DIR)).sort(), [
      '.gitignore',
      'scan-cache.json',
    ]);
  });
});

/**
 * A cache kept in a folder of its own (an editor's storage) instead of the
 * tree's `.outside-in/`: the same promise, and nothing written into the tree.
 */
describe('scan cache in a folder outside the tree', function () {
  this.timeout(60000);
  let dir: string;
  let store: string;
  let set: NeedsSet;
  let key: string;

  const cached = (root = dir): Promise<ScanResult> =>
    scanTree(root, set, { cache: ScanCache.open(root, key, set, { dir: store }) });
  const cacheFile = (): string => path.join(store, 'scan-cache.json');

  beforeEach(async () => {
    dir = makeTempDir('scan-cache-tree');
    store = path.join(makeTempDir('scan-cache-store'), 'folder-a');
    for (const [rel, content] of Object.entries(TREE)) write(dir, rel, content);
    const loaded = await loadNeedsFiles(dir, ['customer-needs.yaml']);
    set = loaded.set;
    key = cacheKey(loaded.files, 'test');
  });
  afterEach(() => {
    removeDir(dir);
    removeDir(path.dirname(store));
  });

  it('writes its file there, creating the folder, and nothing into the tree', async () => {
    await cached();
    assert.ok(fs.existsSync(cacheFile()));
    assert.deepEqual(fs.readdirSync(store), ['scan-cache.json']);
    assert.ok(!fs.existsSync(path.join(dir, CACHE_DIR)));
  });

  it('answers from it on the next run, and reads an edited file again', async () => {
    await cached();
    // Same size and time, new text: only a read could see it, so the answer came from the cache.
    write(dir, 'src/c.ts', 'checkout(); \n');
    assert.equal(
      (await cached()).files.find((f) => f.path === 'src/c.ts'),
      undefined,
    );
    write(dir, 'src/c.ts', 'checkout();\ncheckout();\n');
    assert.deepEqual(
      (await cached()).files.find((f) => f.path === 'src/c.ts')?.links.map((l) => l.line),
      [0, 1],
    );
  });

  it('is never another tree’s cache: a second tree with the same files and times reads its own', async () => {
    await cached();
    const other = makeTempDir('scan-cache-other');
    try {
      for (const [rel, content] of Object.entries(TREE)) write(other, rel, content);
      // Same size and time as the first tree's src/c.ts, other text.
      write(other, 'src/c.ts', 'checkout(); \n');
      const r = await cached(other);
      assert.deepEqual(
        r.files.find((f) => f.path === 'src/c.ts')?.links.map((l) => l.match),
        ['checkout'],
      );
    } finally {
      removeDir(other);
    }
  });

  for (const [name, damage] of [
    ['truncated', (f: string): void => fs.truncateSync(f, Math.floor(fs.statSync(f).size / 2))],
    ['not JSON', (f: string): void => fs.writeFileSync(f, '\u0000garbage')],
    [
      'hand-edited without its checksum',
      (f: string): void =>
        fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace('no-such', 'checkout')),
    ],
  ] as const) {
    it(`never changes an answer when ${name}`, async () => {
      await cached();
      damage(cacheFile());
      const want = scanAnswer(await scanTree(dir, set));
      assert.deepEqual(scanAnswer(await cached()), want);
      assert.deepEqual(scanAnswer(await cached()), want);
    });
  }
});
