/**
 * Which needs files count (docs/needs-file.md, "Where needs files are found"):
 * the core rule on paths alone, and the `.gitignore` rule the CLI's walk and
 * the editor's search share. Expected values are worked out by hand from the
 * documented order of preference.
 */
import * as assert from 'node:assert/strict';
import { foldersAbove, isReached } from '../../src/core/gitignore';
import {
  NEEDS_FILE_PREFERENCE,
  NEVER_SCANNED_GLOB,
  chooseNeedsFiles,
  isNeedsFileName,
  shadowedProblem,
} from '../../src/core/needsFileChoice';

describe('chooseNeedsFiles: one needs file per folder', () => {
  it('keeps customer-needs.yaml over .customer-needs.yaml in one folder, and says which', () => {
    assert.deepEqual(chooseNeedsFiles(['.customer-needs.yaml', 'customer-needs.yaml']), {
      counted: ['customer-needs.yaml'],
      shadowed: [{ path: '.customer-needs.yaml', by: 'customer-needs.yaml' }],
    });
  });

  it('prefers .yaml to .yml, and a name in the folder to one in its .github/ or docs/', () => {
    assert.deepEqual(chooseNeedsFiles(['customer-needs.yml', 'customer-needs.yaml']).counted, [
      'customer-needs.yaml',
    ]);
    assert.deepEqual(
      chooseNeedsFiles([
        'docs/customer-needs.yaml',
        '.github/customer-needs.yml',
        '.customer-needs.yml',
      ]).counted,
      ['.customer-needs.yml'],
    );
  });

  it('prefers .github/ to docs/, the dotted name of .github/ included', () => {
    assert.deepEqual(
      chooseNeedsFiles(['docs/customer-needs.yaml', '.github/.customer-needs.yml']),
      {
        counted: ['.github/.customer-needs.yml'],
        shadowed: [{ path: 'docs/customer-needs.yaml', by: '.github/.customer-needs.yml' }],
      },
    );
  });

  it('decides each folder on its own: nested needs files all count', () => {
    const paths = [
      'customer-needs.yaml',
      'pkg/a/customer-needs.yml',
      'pkg/a/b/.customer-needs.yaml',
      'pkg/docs/customer-needs.yaml',
    ];
    assert.deepEqual(chooseNeedsFiles(paths), { counted: paths, shadowed: [] });
  });

  it('a nested docs/ file competes with the file of the folder above it', () => {
    assert.deepEqual(
      chooseNeedsFiles(['pkg/docs/customer-needs.yaml', 'pkg/customer-needs.yaml']),
      {
        counted: ['pkg/customer-needs.yaml'],
        shadowed: [{ path: 'pkg/docs/customer-needs.yaml', by: 'pkg/customer-needs.yaml' }],
      },
    );
  });

  it('keeps the order given and counts a path given twice once', () => {
    assert.deepEqual(
      chooseNeedsFiles(['b/customer-needs.yaml', 'a/customer-needs.yaml', 'b/customer-needs.yaml']),
      {
        counted: ['b/customer-needs.yaml', 'a/customer-needs.yaml'],
        shadowed: [],
      },
    );
  });

  it('shadows every file but the first of three in one folder', () => {
    const { counted, shadowed } = chooseNeedsFiles([
      'p/docs/customer-needs.yml',
      'p/.customer-needs.yaml',
      'p/.github/customer-needs.yaml',
    ]);
    assert.deepEqual(counted, ['p/.customer-needs.yaml']);
    assert.deepEqual(
      shadowed.map((s) => [s.path, s.by]),
      [
        ['p/docs/customer-needs.yml', 'p/.customer-needs.yaml'],
        ['p/.github/customer-needs.yaml', 'p/.customer-needs.yaml'],
      ],
    );
  });

  it('lists twelve names, in the documented order', () => {
    assert.deepEqual(NEEDS_FILE_PREFERENCE, [
      'customer-needs.yaml',
      'customer-needs.yml',
      '.customer-needs.yaml',
      '.customer-needs.yml',
      '.github/customer-needs.yaml',
      '.github/customer-needs.yml',
      '.github/.customer-needs.yaml',
      '.github/.customer-needs.yml',
      'docs/customer-needs.yaml',
      'docs/customer-needs.yml',
      'docs/.customer-needs.yaml',
      'docs/.customer-needs.yml',
    ]);
  });
});

describe('shadowedProblem', () => {
  it('is a warning at line 1, column 1 of the shadowed file, naming the one that counts', () => {
    const p = shadowedProblem({ path: 'pkg/.customer-needs.yaml', by: 'pkg/customer-needs.yaml' });
    assert.equal(p.file, 'pkg/.customer-needs.yaml');
    assert.equal(p.severity, 'warning');
    assert.equal(p.rule, 'shadowed-needs-file');
    assert.deepEqual(p.span, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    assert.match(
      p.message,
      /^This needs file is not read: pkg\/customer-needs\.yaml speaks for the same folder/,
    );
  });
});

describe('needs-file names and the never-scanned glob', () => {
  it('knows the default names in any folder, and nothing else', () => {
    assert.ok(isNeedsFileName('a/b/.customer-needs.yml'));
    assert.ok(isNeedsFileName('customer-needs.yaml'));
    assert.ok(!isNeedsFileName('customer-needs.json'));
    assert.ok(!isNeedsFileName('customer-needs.yaml/x.ts'));
    assert.ok(!isNeedsFileName('my-customer-needs.yaml'));
  });

  it('builds the editor search exclusion from the same folder list as the walk', () => {
    assert.equal(NEVER_SCANNED_GLOB, '**/{node_modules,dist,out,.git}/**');
  });
});

describe('isReached: what a walk from the root reaches', () => {
  it('names the folders whose .gitignore count, root first', () => {
    assert.deepEqual(foldersAbove('a/b/c.yaml'), ['', 'a', 'a/b']);
    assert.deepEqual(foldersAbove('c.yaml'), ['']);
  });

  it('leaves out never-scanned folders at any depth', () => {
    assert.ok(!isReached('node_modules/x/customer-needs.yaml', new Map()));
    assert.ok(!isReached('pkg/dist/customer-needs.yaml', new Map()));
    assert.ok(isReached('pkg/distant/customer-needs.yaml', new Map()));
  });

  it('honours a .gitignore for its folder and below, not above or beside it', () => {
    const gitignores = new Map([['pkg', 'gen/\n']]);
    assert.ok(!isReached('pkg/gen/customer-needs.yaml', gitignores));
    assert.ok(!isReached('pkg/sub/gen/customer-needs.yaml', gitignores));
    assert.ok(isReached('gen/customer-needs.yaml', gitignores));
    assert.ok(isReached('other/gen/customer-needs.yaml', gitignores));
  });

  it('ignores a file by name, and a ! rule cannot take a file back from an ignored folder', () => {
    assert.ok(!isReached('a/.customer-needs.yaml', new Map([['', '.customer-needs.yaml\n']])));
    const gitignores = new Map([['', 'build/\n!build/customer-needs.yaml\n']]);
    assert.ok(!isReached('build/customer-needs.yaml', gitignores));
    const files = new Map([['', '*.yml\n!customer-needs.yml\n']]);
    assert.ok(isReached('customer-needs.yml', files));
  });

  it('reads no .gitignore inside an ignored folder', () => {
    // gen/.gitignore would take the file back, but the walk never enters gen/.
    const gitignores = new Map([
      ['', 'gen/\n'],
      ['gen', '!customer-needs.yaml\n'],
    ]);
    assert.ok(!isReached('gen/customer-needs.yaml', gitignores));
  });
});
