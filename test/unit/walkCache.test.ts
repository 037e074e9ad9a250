/**
 * The walk cache never changes which files a walk finds: after every way a
 * tree or the cache can change (a file or folder added, removed or renamed,
 * a `.gitignore` edited or added, the cache damaged or another tree's), a
 * walk with the cache lists what a walk without it lists. And it is used: a
 * folder whose time is unchanged is not read again, which a test shows by
 * slipping a file in and setting the folder's time back.
 */
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CACHE_DIR } from '../../src/node/scanCache';
import { walkFiles } from '../../src/node/walk';
import { WalkCache } from '../../src/node/walkCache';
import { makeTempDir, removeDir } from './helpers/gitRepo';

/** A time well before the test, so the cache trusts the folders' times. */
const OLD = new Date('2020-01-01T00:00:00Z');

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

/** Sets every file and folder under `root` (the root too) to OLD. */
function age(root: string, rel = ''): void {
  const abs = path.join(root, rel);
  for (const e of fs.readdirSync(abs, { withFileTypes: true }))
    if (e.isDirectory()) age(root, path.join(rel, e.name));
    else fs.utimesSync(path.join(abs, e.name), OLD, OLD);
  fs.utimesSync(abs, OLD, OLD);
}

/** Runs `change` on the folder `rel` and sets its time back: the change a folder's time cannot show. */
function unseen(root: string, rel: string, change: () => void): void {
  const abs = path.join(root, rel);
  const { mtime } = fs.statSync(abs);
  change();
  fs.utimesSync(abs, mtime, mtime);
}

for (const blocking of [true, false]) {
  describe(`walk cache (${blocking ? 'blocking, the command line' : 'callbacks, the editor'})`, function () {
    this.timeout(60000);
    let root: string;

    beforeEach(() => {
      root = makeTempDir('outside-in-walkcache-');
      for (const [rel, content] of Object.entries(TREE)) write(root, rel, content);
      age(root);
    });
    afterEach(() => removeDir(root));

    const uncached = (): Promise<string[]> => walkFiles(root, { blocking });
    const cached = async (key = 'k'): Promise<string[]> => {
      const listings = WalkCache.open(root, key);
      const paths = await walkFiles(root, { blocking, listings });
      listings.save();
      // The cache's own folder changes at every save: its time says so.
      age(root, CACHE_DIR);
      fs.utimesSync(root, OLD, OLD);
      return paths;
    };
    const agrees = async (): Promise<void> => {
      assert.deepEqual(await cached(), await uncached());
    };

    it('lists what an uncached walk lists, the first time and the next', async () => {
      const first = await cached();
      assert.deepEqual(first, await uncached());
      assert.ok(first.includes('src/pay/deep/d.ts') && !first.includes('docs/draft.md'));
      await agrees();
    });

    it('does not read a folder whose time is unchanged', async () => {
      await cached();
      unseen(root, 'src/pay', () => write(root, 'src/pay/slipped.ts', 'x'));
      assert.ok(!(await cached()).includes('src/pay/slipped.ts'));
      assert.ok((await uncached()).includes('src/pay/slipped.ts'));
    });

    it('reads a folder below one that changed, only if its own time changed', async () => {
      await cached();
      write(root, 'src/new.ts', 'n');
      unseen(root, 'src/pay/deep', () => write(root, 'src/pay/deep/slipped.ts', 'x'));
      const paths = await cached();
      assert.ok(paths.includes('src/new.ts'));
      assert.ok(!paths.includes('src/pay/deep/slipped.ts'));
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
        'a .gitignore is edited in place, its folder’s time set back',
        (r: string): void => unseen(r, '', () => write(r, '.gitignore', '*.log\n')),
      ],
      [
        'a .gitignore is edited to leave out a folder below, its folder’s time set back',
        (r: string): void => unseen(r, 'docs', () => write(r, 'docs/.gitignore', 'api/\n')),
      ],
      [
        'a .gitignore is added above a folder',
        (r: string): void => write(r, 'src/.gitignore', 'deep/\n'),
      ],
      ['a .gitignore is removed', (r: string): void => fs.rmSync(path.join(r, 'docs/.gitignore'))],
    ] as const) {
      it(`lists what an uncached walk lists when ${name}`, async () => {
        await cached();
        change(root);
        await agrees();
        await agrees();
      });
    }

    const file = (): string => path.join(root, CACHE_DIR, 'walk-cache.json');
    /** Edits the cache's JSON and signs it again, as the tool would. */
    const resigned = (edit: (data: { rows: unknown[][] }) => void): void => {
      const text = fs.readFileSync(file(), 'utf8');
      const data = JSON.parse(text.slice(text.indexOf('\n') + 1)) as { rows: unknown[][] };
      edit(data);
      const json = JSON.stringify(data);
      fs.writeFileSync(file(), `${createHash('sha256').update(json).digest('hex')}\n${json}`);
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
        (): void =>
          resigned((data) => {
            for (const row of data.rows)
              if (row[0] === 'src') (row[2] as string[]).push('../../etc/');
          }),
      ],
      [
        'signed again with a row of another shape',
        (): void =>
          resigned((data) => {
            data.rows.push(['src', 'yesterday', [], null]);
          }),
      ],
    ] as const) {
      it(`lists what an uncached walk lists when the cache is ${name}`, async () => {
        await cached();
        // A change the folder's time cannot show: only a used cache would hide it.
        unseen(root, 'src', () => write(root, 'src/slipped.ts', 'x'));
        damage();
        assert.ok((await cached()).includes('src/slipped.ts'));
      });
    }

    it('is keyed: another key (other excludes, another build) walks afresh', async () => {
      await cached('one');
      unseen(root, 'src', () => write(root, 'src/slipped.ts', 'x'));
      assert.ok((await cached('two')).includes('src/slipped.ts'));
    });

    it('is never another tree’s: a copy of the tree with the same times walks afresh', async () => {
      const store = makeTempDir('outside-in-walkcache-store-');
      const other = makeTempDir('outside-in-walkcache-other-');
      try {
        const listings = WalkCache.open(root, 'k', { dir: store });
        await walkFiles(root, { blocking, listings });
        listings.save();
        fs.cpSync(root, other, { recursive: true, preserveTimestamps: true });
        unseen(other, 'src', () => write(other, 'src/slipped.ts', 'x'));
        const theirs = WalkCache.open(other, 'k', { dir: store });
        assert.ok(
          (await walkFiles(other, { blocking, listings: theirs })).includes('src/slipped.ts'),
        );
      } finally {
        removeDir(store);
        removeDir(other);
      }
    });

    it('does not remember a folder changed just now (its time cannot tell a later change apart)', async () => {
      write(root, 'src/pay/fresh.ts', 'f');
      await cached();
      // cached() set the cache folder and the root back; src/pay keeps its new time.
      unseen(root, 'src/pay', () => write(root, 'src/pay/slipped.ts', 'x'));
      assert.ok((await cached()).includes('src/pay/slipped.ts'));
    });
  });
}
