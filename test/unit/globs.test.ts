import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { PathMatcher, compileGlob, matchesGlobs } from '../../src/core/globs';

// Gitignore-style, as docs/needs-file.md says: `!` excludes, later patterns win, a
// pattern without a slash matches at any depth, a folder matches what is below.
const TABLE: [globs: string[], path: string, expected: boolean][] = [
  [['src/checkout/**', '!src/checkout/legacy/**'], 'src/checkout/pay.ts', true],
  [['src/checkout/**', '!src/checkout/legacy/**'], 'src/checkout/a/b/c.ts', true],
  [['src/checkout/**', '!src/checkout/legacy/**'], 'src/checkout/legacy/old.ts', false],
  [['src/checkout/**', '!src/checkout/legacy/**'], 'src/checkout/legacy/x/y.ts', false],
  [['src/checkout/**', '!src/checkout/legacy/**'], 'src/checkoutx/a.ts', false],
  [['src/checkout/**', '!src/checkout/legacy/**'], 'lib/src/checkout/a.ts', false],
  // Later patterns win: re-include after an exclude, and exclude after include.
  [['src/**', '!src/gen/**', 'src/gen/keep.ts'], 'src/gen/keep.ts', true],
  [['src/**', '!src/gen/**', 'src/gen/keep.ts'], 'src/gen/other.ts', false],
  [['!src/gen/**', 'src/**'], 'src/gen/x.ts', true],
  [['src/**', '!**/*.test.ts'], 'src/a.test.ts', false],
  [['src/**', '!**/*.test.ts'], 'src/a.ts', true],
  // No slash: any depth.
  [['*.css'], 'a.css', true],
  [['*.css'], 'src/styles/a.css', true],
  [['*.css'], 'a.css.map', false],
  [['*.css'], 'src/a.ts', false],
  [['cart'], 'src/cart/a.ts', true],
  [['cart'], 'cart', true],
  // A folder name matches everything below it, and nothing beside it.
  [['src/cart'], 'src/cart/a.ts', true],
  [['src/cart'], 'src/cart/x/y.ts', true],
  [['src/cart'], 'src/cart', true],
  [['src/cart'], 'src/cartx/a.ts', false],
  [['src/cart'], 'src/car', false],
  [['src/cart'], 'lib/src/cart/a.ts', false],
  // `*` stays within one folder.
  [['src/*.ts'], 'src/a.ts', true],
  [['src/*.ts'], 'src/x/a.ts', false],
  // Leading `/` and `./` anchor at the needs file's folder.
  [['/src/cart/**'], 'src/cart/a.ts', true],
  [['/src/cart/**'], 'x/src/cart/a.ts', false],
  [['/README.md'], 'README.md', true],
  [['/README.md'], 'docs/README.md', false],
  [['./src/cart/**'], 'src/cart/a.ts', true],
  [['./src/cart/**'], 'x/src/cart/a.ts', false],
  // Trailing `/`: a folder only.
  [['src/cart/'], 'src/cart/a.ts', true],
  [['src/cart/'], 'src/cartx/a.ts', false],
  [['cart/'], 'x/cart/a.ts', true],
  // Dotfiles and dot-folders are files like any other.
  [['.github/**'], '.github/workflows/ci.yml', true],
  [['*.yml'], '.github/workflows/ci.yml', true],
  [['src/**'], 'src/.hidden/x.ts', true],
  [['.env'], 'config/.env', true],
  // Blank patterns and lone exclusions include nothing.
  [[''], 'a.ts', false],
  [['   '], 'a.ts', false],
  [['!src/**'], 'src/a.ts', false],
  [[], 'a.ts', false],
];

describe('matchesGlobs', () => {
  for (const [globs, path, expected] of TABLE) {
    it(`${JSON.stringify(globs)} ${expected ? 'includes' : 'excludes'} ${path}`, () => {
      assert.equal(matchesGlobs(path, globs), expected);
    });
  }
});

describe('compileGlob', () => {
  it('gives undefined for a blank glob', () => {
    assert.equal(compileGlob(''), undefined);
    assert.equal(compileGlob('  '), undefined);
    assert.equal(compileGlob('!'), undefined);
  });

  it('marks a negated glob, which still tests the path it names', () => {
    const g = compileGlob('!src/legacy/**');
    assert.ok(g);
    assert.equal(g.negated, true);
    assert.equal(g.test('src/legacy/a.ts'), true);
    assert.equal(g.test('src/a.ts'), false);
  });
});

describe('PathMatcher', () => {
  it('reports every owner that includes a path, with the glob that decided it', () => {
    const m = new PathMatcher<string>();
    m.add('checkout', ['src/checkout/**', '!src/checkout/legacy/**']);
    m.add('styles', ['*.css']);
    m.add('everything', ['src/**', '!src/checkout/**', 'src/checkout/legacy/**']);
    const byOwner = (path: string): string[] =>
      m
        .match(path)
        .map((r) => `${r.owner} ${r.glob}`)
        .sort();
    assert.deepEqual(byOwner('src/checkout/pay.css'), ['checkout src/checkout/**', 'styles *.css']);
    assert.deepEqual(byOwner('src/checkout/legacy/a.ts'), ['everything src/checkout/legacy/**']);
    assert.deepEqual(byOwner('src/cart/a.ts'), ['everything src/**']);
    assert.deepEqual(byOwner('README.md'), []);
  });

  it('classifies each owner of a path as including it, excluding it (its last matching glob is a `!` glob) or neither', () => {
    const m = new PathMatcher<string>();
    m.add('checkout', ['src/checkout/**', '!src/checkout/legacy/**']);
    m.add('not-legacy', ['!src/checkout/legacy/**']);
    m.add('keep', ['src/**', '!src/gen/**', 'src/gen/keep.ts']);
    m.add('plain', ['src/checkout/**']);
    const view = (path: string): { included: string[]; excluded: string[] | undefined } => {
      const c = m.classify(path);
      return {
        included: c.included.map((r) => `${r.owner} ${r.glob}`).sort(),
        excluded: c.excluded && [...c.excluded].sort(),
      };
    };
    assert.deepEqual(view('src/checkout/legacy/old.ts'), {
      included: ['keep src/**', 'plain src/checkout/**'],
      excluded: ['checkout', 'not-legacy'],
    });
    assert.deepEqual(view('src/checkout/pay.ts'), {
      included: ['checkout src/checkout/**', 'keep src/**', 'plain src/checkout/**'],
      excluded: undefined,
    });
    // A later glob takes the file back in: not excluded.
    assert.deepEqual(view('src/gen/keep.ts'), {
      included: ['keep src/gen/keep.ts'],
      excluded: undefined,
    });
    assert.deepEqual(view('src/gen/other.ts'), { included: [], excluded: ['keep'] });
    // No glob matches at all: neither included nor excluded.
    assert.deepEqual(view('README.md'), { included: [], excluded: undefined });
  });

  it("answers as each owner's last matching glob does, whatever order files of a folder are asked in", () => {
    // The reference: every glob of every owner tested against the path, no buckets, no sharing.
    const segment = fc.constantFrom('src', 'a', 'b', 'legacy', 'x.ts', 'y.css', '*', '**', '*.ts');
    const glob = fc
      .tuple(
        fc.boolean(),
        fc.constantFrom('', '/', './', '././'),
        fc.array(segment, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
      )
      .map(
        ([neg, rooted, segs, slash]) =>
          `${neg ? '!' : ''}${rooted}${segs.join('/')}${slash ? '/' : ''}`,
      );
    const owners = fc.array(fc.array(glob, { minLength: 1, maxLength: 4 }), {
      minLength: 1,
      maxLength: 5,
    });
    const file = fc.constantFrom('src', 'a', 'b', 'legacy', 'x.ts', 'y.css', 'z.md');
    const paths = fc.array(
      fc.array(file, { minLength: 1, maxLength: 4 }).map((s) => s.join('/')),
      { minLength: 1, maxLength: 12 },
    );
    fc.assert(
      fc.property(owners, paths, (globsOf, asked) => {
        const m = new PathMatcher<number>();
        globsOf.forEach((globs, owner) => m.add(owner, globs));
        for (const path of asked) {
          const included: string[] = [];
          const excluded: number[] = [];
          globsOf.forEach((globs, owner) => {
            const last = [...globs].reverse().find((g) => compileGlob(g)?.test(path) === true);
            if (last === undefined) return;
            if (compileGlob(last)?.negated === true) excluded.push(owner);
            else included.push(`${owner} ${last}`);
          });
          const got = m.classify(path);
          assert.deepEqual(got.included.map((r) => `${r.owner} ${r.glob}`).sort(), included.sort());
          assert.deepEqual(got.excluded === undefined ? [] : [...got.excluded].sort(), excluded);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('lists as matching nothing exactly the including globs no path matches (property)', () => {
    const segment = fc.constantFrom('src', 'a', 'b', 'legacy', 'x.ts', '*', '**', '*.ts');
    const glob = fc
      .tuple(
        fc.boolean(),
        fc.constantFrom('', '/', './'),
        fc.array(segment, { minLength: 1, maxLength: 3 }),
      )
      .map(([neg, rooted, segs]) => `${neg ? '!' : ''}${rooted}${segs.join('/')}`);
    const file = fc.constantFrom('src', 'a', 'b', 'legacy', 'x.ts', 'z.md');
    const paths = fc.array(
      fc.array(file, { minLength: 1, maxLength: 4 }).map((s) => s.join('/')),
      { maxLength: 10 },
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(glob, { minLength: 1, maxLength: 3 }), { maxLength: 4 }),
        paths,
        (globsOf, asked) => {
          const m = new PathMatcher<number>();
          globsOf.forEach((globs, owner) => m.add(owner, globs));
          const want = globsOf.flatMap((globs, owner) =>
            globs
              .filter((g) => {
                const c = compileGlob(g);
                return c !== undefined && !c.negated && !asked.some((p) => c.test(p));
              })
              .map((g) => `${owner} ${g}`),
          );
          const got = m.globsMatchingNothing(asked).map((r) => `${r.owner} ${r.glob}`);
          assert.deepEqual(got.sort(), want.sort());
        },
      ),
      { numRuns: 500 },
    );
  });

  it('excludes nothing when no owner has a `!` glob', () => {
    const m = new PathMatcher<string>();
    m.add('a', ['src/**']);
    m.add('b', ['*.css']);
    assert.equal(m.classify('src/a.css').excluded, undefined);
    assert.equal(m.classify('lib/a.ts').excluded, undefined);
  });

  it('lists the including globs that match none of the paths', () => {
    const m = new PathMatcher<string>();
    m.add('a', ['src/**', '!src/gen/**', 'docs/**']);
    m.add('b', ['*.css']);
    assert.deepEqual(m.globsMatchingNothing(['src/a.ts', 'src/gen/b.ts']), [
      { owner: 'a', glob: 'docs/**' },
      { owner: 'b', glob: '*.css' },
    ]);
  });
});
