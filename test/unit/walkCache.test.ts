/**
 * The walk cache never changes which files a walk finds: after every way a
 * tree or the cache can change (a file or folder added, removed or renamed,
 * permissions taken away, a `.gitignore` edited, added or removed, the cache
 * damaged or another tree's), a walk with the cache lists what a walk
 * without it lists. And it is used: a folder whose change time is unchanged
 * is not read again, which the tests see by counting the folders read.
 */
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CACHE_DIR } from '../../src/node/scanCache';
import { walkFiles } from '../../src/node/walk';
import { WalkCache } from '../../src/node/walkCache';
import { makeTempDir, removeDir } from './helpers/gitRepo';
import { createRequire } from 'node:module';

/** The module object itself, whose functions a test may wrap (the namespace import's are read-only). */
const nodeFs = createRequire(__filename)('node:fs') as typeof fs;

const TREE: Record<string, string> = {
  '.gitignore': 'build/\n*.log\n',
  'src/a.ts': 'a',
  'src/b.log': 'ignored',
  'src/pay/c.ts': 'c',
  'src/pay/deep/d.ts': 'd',
  'build/out.js': 'ignored',
  'docs/.gitignore': 'draft.md\n',
  'docs/draft.md': 'ignored',
  'docs/guide.md': 'g',
  'docs/api/e.md': 'e',
};

function write(root: string, rel: string, content: string): void {
  const abs = path.join(root, rel);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, content);
}

/** The folders (relative to `root`) the walk reads while `fn` runs, sorted. */
async function foldersRead(root: string, fn: () => Promise<unknown>): Promise<string[]> {
  const read: string[] = [];
  const seen = (p: fs.PathLike): void => {
    read.push(path.relative(root, String(p)).split(path.sep).join('/'));
  };
  const sync = nodeFs.readdirSync;
  const async = nodeFs.promises.readdir;
  nodeFs.readdirSync = ((p: fs.PathLike, o?: unknown) => {
    seen(p);
    return (sync as (p: fs.PathLike, o?: unknown) => unknown)(p, o);
  }) as typeof fs.readdirSync;
  nodeFs.promises.readdir = ((p: fs.PathLike, o?: unknown) => {
    seen(p);
    return (async as (p: fs.PathLike, o?: unknown) => unknown)(p, o);
  }) as typeof fs.promises.readdir;
  try {
    await fn();
  } finally {
    nodeFs.readdirSync = sync;
    nodeFs.promises.readdir = async;
  }
  return read.sort();
}

for (const blocking of [true, false]) {
  describe(`walk cache (${blocking ? 'blocking, the command line' : 'callbacks, the editor'})`, function () {
    this.timeout(60000);
    let root: string;

    beforeEach(() => {
      root = makeTempDir('outside-in-walkcache-');
      for (const [rel, content] of Object.entries(TREE)) write(root, rel, content);
    });
    afterEach(() => removeDir(root));

    const uncached = (): Promise<string[]> => walkFiles(root, { blocking });
    /** A walk with the cache, as a run a minute from now: the tree's times are not too recent. */
    const cached = async (key = 'k', now = Date.now() + 60_000): Promise<string[]> => {
      const listings = WalkCache.open(root, key, { now });
      const paths = await walkFiles(root, { blocking, listings });
      if (blocking) listings.save();
      else await listings.saveInBackground();
      return paths;
    };
    const agrees = async (): Promise<void> => {
      assert.deepEqual(await cached(), await uncached());
    };
    /** Two runs, as after the cache's first write: the root changed when `.outside-in/` came. */
    const settled = async (): Promise<void> => {
      await cached();
      await cached();
    };

    it('lists what an uncached walk lists, the first time and the next', async () => {
      const first = await cached();
      assert.deepEqual(first, await uncached());
      assert.ok(first.includes('src/pay/deep/d.ts') && !first.includes('docs/draft.md'));
      await agrees();
    });

    it('reads no folder of an unchanged tree, and writes nothing', async () => {
      await settled();
      const file = path.join(root, CACHE_DIR, 'walk-cache.json');
      const before = fs.statSync(file);
      assert.deepEqual(await foldersRead(root, cached), []);
      const after = fs.statSync(file);
      assert.equal(after.ino, before.ino, 'the cache was written again');
      assert.equal(after.mtimeMs, before.mtimeMs, 'the cache was written again');
    });

    it('reads only the folder that changed', async () => {
      await settled();
      write(root, 'src/pay/e.ts', 'e');
      assert.deepEqual(await foldersRead(root, cached), ['src/pay']);
      assert.ok((await cached()).includes('src/pay/e.ts'));
    });

    it('never enters its own folder', async () => {
      await settled();
      assert.ok(fs.existsSync(path.join(root, CACHE_DIR, 'walk-cache.json')));
      const read = await foldersRead(root, uncached);
      assert.ok(!read.includes(CACHE_DIR) && read.includes('src'));
    });

    for (const [name, change] of [
      ['a file is added', (r: string): void => write(r, 'src/pay/e.ts', 'e')],
      ['a file is removed', (r: string): void => fs.rmSync(path.join(r, 'src/pay/c.ts'))],
      [
        'a folder is renamed',
        (r: string): void => fs.renameSync(path.join(r, 'src/pay'), path.join(r, 'src/billing')),
      ],
      [
        'a folder is removed',
        (r: string): void => fs.rmSync(path.join(r, 'docs/api'), { recursive: true }),
      ],
      [
        'a file becomes a folder',
        (r: string): void => {
          fs.rmSync(path.join(r, 'src/a.ts'));
          write(r, 'src/a.ts/inner.ts', 'i');
        },
      ],
      [
        'the root .gitignore is edited in place to leave out a folder further down',
        (r: string): void => write(r, '.gitignore', 'build/\n*.log\ndeep/\n'),
      ],
      [
        'the root .gitignore is edited in place to let a folder back in',
        (r: string): void => write(r, '.gitignore', '*.log\n'),
      ],
      [
        'a .gitignore is edited in place to leave out a folder below it',
        (r: string): void => write(r, 'docs/.gitignore', 'api/\n'),
      ],
      [
        'a .gitignore is added above a folder',
        (r: string): void => write(r, 'src/.gitignore', 'deep/\n'),
      ],
      ['a .gitignore is removed', (r: string): void => fs.rmSync(path.join(r, 'docs/.gitignore'))],
      [
        'a .gitignore comes in by a link that was dangling',
        (r: string): void => {
          fs.rmSync(path.join(r, 'docs/.gitignore'));
          fs.symlinkSync(path.join(r, 'rules.txt'), path.join(r, 'docs/.gitignore'));
        },
      ],
    ] as const) {
      it(`lists what an uncached walk lists when ${name}`, async () => {
        await settled();
        change(root);
        await agrees();
        await agrees();
        if (name.includes('dangling')) {
          // The link's target appears: neither the folder nor the link changes.
          write(root, 'rules.txt', 'guide.md\n');
          await agrees();
          assert.ok(!(await cached()).includes('docs/guide.md'));
        }
      });
    }

    it('reads again a folder whose permissions changed (its change time moved)', async () => {
      await settled();
      fs.chmodSync(path.join(root, 'src/pay'), 0o700);
      assert.deepEqual(await foldersRead(root, cached), ['src/pay']);
    });

    const file = (): string => path.join(root, CACHE_DIR, 'walk-cache.json');
    /** Edits the cache's JSON and signs it again, as the tool would. */
    const resigned = (edit: (data: { rows: unknown[][] }) => void): void => {
      const text = fs.readFileSync(file(), 'utf8');
      const data = JSON.parse(text.slice(text.indexOf('\n') + 1)) as { rows: unknown[][] };
      edit(data);
      const json = JSON.stringify(data);
      fs.writeFileSync(file(), `${createHash('sha256').update(json).digest('hex')}\n${json}`);
    };
    const rowOf = (data: { rows: unknown[][] }, dir: string): unknown[] => {
      const row = data.rows.find((r) => r[0] === dir);
      assert.ok(row, `no row for ${dir}`);
      return row;
    };
    for (const [name, damage] of [
      ['deleted', (): void => fs.rmSync(file())],
      ['truncated', (): void => fs.truncateSync(file(), Math.floor(fs.statSync(file()).size / 2))],
      ['not JSON', (): void => fs.writeFileSync(file(), '\u0000garbage')],
      [
        'hand-edited without its checksum: a file slipped into a listing',
        (): void =>
          fs.writeFileSync(
            file(),
            fs.readFileSync(file(), 'utf8').replace('"a.ts"', '"a.ts","z.ts"'),
          ),
      ],
      [
        'signed again with an entry that leaves its folder',
        (): void => resigned((data) => (rowOf(data, 'src')[2] as string[]).push('../../etc/')),
      ],
      [
        'signed again with an entry that is not a name',
        (): void => resigned((data) => (rowOf(data, 'src')[2] as unknown[]).push(7)),
      ],
    ] as const) {
      it(`reads every folder again when the cache is ${name}`, async () => {
        await settled();
        damage();
        assert.ok((await foldersRead(root, cached)).includes('src'));
        await agrees();
      });
    }

    it('is keyed: another key (other excludes, another build) reads every folder', async () => {
      await settled();
      assert.ok((await foldersRead(root, () => cached('two'))).includes('src/pay/deep'));
    });

    it('is never another tree’s: a copy of the tree with a cache of the same key reads its own', async () => {
      const store = makeTempDir('outside-in-walkcache-store-');
      try {
        const now = Date.now() + 60_000;
        const walkWith = async (r: string): Promise<string[]> => {
          const listings = WalkCache.open(r, 'k', { dir: store, now });
          const paths = await walkFiles(r, { blocking, listings });
          listings.save();
          return paths;
        };
        await walkWith(root);
        const other = makeTempDir('outside-in-walkcache-other-');
        try {
          fs.cpSync(root, other, { recursive: true });
          write(other, 'src/only-here.ts', 'x');
          assert.ok((await walkWith(other)).includes('src/only-here.ts'));
        } finally {
          removeDir(other);
        }
      } finally {
        removeDir(store);
      }
    });

    it('reads again a folder changed just before the walk (its time cannot tell a later change apart)', async () => {
      // A run now: every folder of the tree was made within the clock's tick.
      const now = Date.now();
      await cached('k', now);
      await cached('k', now);
      assert.ok((await foldersRead(root, () => cached('k', now))).includes('src/pay'));
      // A minute later the times are old enough: kept after one more walk.
      const later = now + 60_000;
      await cached('k', later);
      assert.deepEqual(await foldersRead(root, () => cached('k', later)), []);
    });

    it('never throws when its file cannot be written', async () => {
      const blocked = path.join(root, 'not-a-folder');
      write(root, 'not-a-folder', 'a file where the cache folder should be');
      const listings = WalkCache.open(root, 'k', { dir: blocked, now: Date.now() + 60_000 });
      await walkFiles(root, { blocking, listings });
      listings.save();
      await listings.saveInBackground();
    });
  });
}
