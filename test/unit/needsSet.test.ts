import * as assert from 'node:assert/strict';
import type { UnknownAnnotation } from '../../src/core/match';
import { scopeDir } from '../../src/core/scopes';
import type { ScopedLink } from '../../src/core/needsSet';
import { needsSet, yaml } from './helpers/needsIndex';

const ROOT_FILE = 'customer-needs.yaml';
const A_FILE = 'packages/a/customer-needs.yaml';

const set = needsSet({
  [ROOT_FILE]: yaml(
    'version: 1',
    'needs:',
    '  - id: shared',
    '    title: Root shared',
    '    match:',
    '      paths: ["src/**"]',
    '      keywords: ["invoice"]',
    '  - id: root-only',
    '    title: Root only',
  ),
  [A_FILE]: yaml(
    'version: 1',
    'needs:',
    '  - id: shared',
    '    title: A shared',
    '    match:',
    '      paths: ["src/**"]',
    '      keywords: ["refund"]',
    '  - id: a-only',
    '    title: A only',
  ),
});

/** `needsFile need-title rule match`, for short, readable expectations. */
function summary(links: readonly ScopedLink[]): string[] {
  return links.map((l) => `${l.needsFile} ${l.need.title} ${l.rule} ${l.match}`).sort();
}

describe('NeedsSet: nested needs files', () => {
  it('applies the root file to a root path, its globs relative to the root', () => {
    assert.deepEqual(summary(set.pathLinks('src/x.ts')), [`${ROOT_FILE} Root shared path src/**`]);
  });

  it('applies a nested file to its folder, its globs relative to that folder', () => {
    assert.deepEqual(summary(set.pathLinks('packages/a/src/x.ts')), [
      `${A_FILE} A shared path src/**`,
    ]);
  });

  it('leaves files outside the nested folder alone', () => {
    assert.deepEqual(summary(set.pathLinks('packages/b/src/x.ts')), []);
    assert.deepEqual(summary(set.pathLinks('packages/ab/src/x.ts')), []);
    assert.deepEqual(summary(set.lineLinks('src/x.ts', 'refund()', 0)), []);
  });

  it('applies the root keywords below a nested folder too', () => {
    assert.deepEqual(summary(set.lineLinks('packages/a/src/x.ts', 'refund(invoice)', 0)), [
      `${ROOT_FILE} Root shared keyword invoice`,
      `${A_FILE} A shared keyword refund`,
    ]);
  });

  it('resolves an id defined in both files to the nearest file', () => {
    assert.equal(set.findNeed('shared', 'packages/a/src/x.ts')?.need.title, 'A shared');
    assert.equal(set.findNeed('shared', 'src/x.ts')?.need.title, 'Root shared');
    assert.equal(set.findNeed('root-only', 'packages/a/src/x.ts')?.need.title, 'Root only');
    assert.equal(set.findNeed('a-only', 'src/x.ts'), undefined);
  });

  it('links an annotation to the nearest definition only', () => {
    const links = set.lineLinks('packages/a/src/x.ts', '// @need shared', 3);
    assert.deepEqual(summary(links), [`${A_FILE} A shared annotation shared`]);
    assert.equal(links[0]?.line, 3);
  });

  it('reports an annotation of an id defined only in a folder the file is not in', () => {
    const unknown: UnknownAnnotation[] = [];
    assert.deepEqual(set.lineLinks('src/x.ts', '// @need a-only', 0, unknown), []);
    assert.deepEqual(unknown, [{ id: 'a-only', line: 0, start: 9, end: 15 }]);
  });

  it('gives every link of a file: path links, then lines', () => {
    const links = set.fileLinks('packages/a/src/x.ts', 'a\n// @need root-only\n');
    assert.deepEqual(
      links.map((l) => [l.needsFile, l.needId, l.rule, l.line]),
      [
        [A_FILE, 'shared', 'path', undefined],
        [ROOT_FILE, 'root-only', 'annotation', 1],
      ],
    );
  });
});

describe('scopeDir', () => {
  const TABLE: [string, string][] = [
    ['customer-needs.yaml', ''],
    ['.customer-needs.yml', ''],
    ['.github/customer-needs.yaml', ''],
    ['docs/customer-needs.yaml', ''],
    ['packages/a/customer-needs.yaml', 'packages/a'],
    ['packages/a/b/customer-needs.yml', 'packages/a/b'],
  ];
  for (const [file, dir] of TABLE) {
    it(`${file} -> ${JSON.stringify(dir)}`, () => {
      assert.equal(scopeDir(file), dir);
    });
  }

  it('makes a needs file in .github speak for the whole repository', () => {
    const github = needsSet({
      '.github/customer-needs.yaml': yaml(
        'version: 1',
        'needs:',
        '  - id: n',
        '    title: N',
        '    match:',
        '      paths: ["src/**"]',
      ),
    });
    assert.deepEqual(summary(github.pathLinks('src/x.ts')), [
      '.github/customer-needs.yaml N path src/**',
    ]);
  });
});

describe('NeedsSet: `!` globs keep keywords out too', () => {
  const ROOT = yaml(
    'version: 1',
    'needs:',
    '  - id: fast-checkout',
    '    title: Checkout feels instant',
    '    match:',
    '      paths: ["src/checkout/**", "!src/checkout/legacy/**"]',
    '      keywords: ["checkout"]',
    '  - id: legacy-free',
    '    title: Search shows no old results',
    '    match:',
    '      paths: ["!src/legacy/**"]',
    '      keywords: ["search"]',
    '  - id: cart-total',
    '    title: The total is right',
    '    match:',
    '      keywords: ["checkout"]',
  );
  const NESTED = yaml(
    'version: 1',
    'needs:',
    '  - id: a-refund',
    '    title: Refunds are quick',
    '    match:',
    '      paths: ["src/**", "!src/legacy/**"]',
    '      keywords: ["refund"]',
  );
  const excluding = needsSet({ [ROOT_FILE]: ROOT, [A_FILE]: NESTED });

  /** `needId rule line` of each link, in the order given. */
  function rows(links: readonly ScopedLink[]): string[] {
    return links.map((l) => `${l.needId} ${l.rule} ${l.line ?? '-'}`);
  }

  it('gives a file that a need excludes neither its path link nor its keyword link; other needs still link', () => {
    const text = 'startCheckout();\n// @need fast-checkout\n';
    assert.deepEqual(rows(excluding.fileLinks('src/checkout/legacy/old.ts', text)), [
      'cart-total keyword 0',
      // The annotation was written on purpose: it links.
      'fast-checkout annotation 1',
      'cart-total keyword 1',
    ]);
  });

  it('links a file the need includes by path and by keyword', () => {
    assert.deepEqual(rows(excluding.fileLinks('src/checkout/pay.ts', 'checkout();\n')), [
      'fast-checkout path -',
      'fast-checkout keyword 0',
      'cart-total keyword 0',
    ]);
  });

  it('links by keyword a file that no glob of the need matches at all', () => {
    assert.deepEqual(rows(excluding.fileLinks('src/cart/total.ts', 'checkout();\n')), [
      'fast-checkout keyword 0',
      'cart-total keyword 0',
    ]);
  });

  it('lets a need with only `!` globs keep its keywords out of those files and nowhere else', () => {
    assert.deepEqual(rows(excluding.fileLinks('src/legacy/find.ts', 'search();\n')), []);
    assert.deepEqual(rows(excluding.fileLinks('src/find.ts', 'search();\n')), [
      'legacy-free keyword 0',
    ]);
  });

  it('answers line by line as for the whole file, whatever path was asked before', () => {
    const legacy = 'src/checkout/legacy/old.ts';
    assert.deepEqual(rows(excluding.lineLinks(legacy, 'checkout', 4)), ['cart-total keyword 4']);
    assert.deepEqual(rows(excluding.lineLinks('src/cart/a.ts', 'checkout', 4)), [
      'fast-checkout keyword 4',
      'cart-total keyword 4',
    ]);
    assert.deepEqual(rows(excluding.lineLinks(legacy, 'checkout', 5)), ['cart-total keyword 5']);
    assert.deepEqual(rows(excluding.pathLinks(legacy)), []);
    assert.deepEqual(rows(excluding.pathLinks('src/checkout/a.ts')), ['fast-checkout path -']);
  });

  it("reads a nested needs file's `!` globs relative to its own folder", () => {
    assert.deepEqual(rows(excluding.fileLinks('packages/a/src/legacy/r.ts', 'refund()\n')), []);
    assert.deepEqual(rows(excluding.fileLinks('packages/a/src/r.ts', 'refund()\n')), [
      'a-refund path -',
      'a-refund keyword 0',
    ]);
    assert.deepEqual(rows(excluding.fileLinks('packages/a/lib/r.ts', 'refund()\n')), [
      'a-refund keyword 0',
    ]);
  });
});
