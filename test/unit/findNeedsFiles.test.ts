/**
 * Finding the needs files under a root (node/needsFiles.ts), the one way every
 * command finds them, on real temporary trees; and the commands that read
 * them, run as a process. Expected paths and lines are worked out by hand
 * from the trees written here and docs/needs-file.md.
 */
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { foldersAbove, isReached } from '../../src/core/gitignore';
import { findNeedsFiles } from '../../src/node/needsFiles';
import { walkFiles } from '../../src/node/walk';
import { TempRepo, makeTempDir, removeDir } from './helpers/gitRepo';
import { ensureCliBuilt, runCli } from './helpers/runCli';

function needs(id: string, keyword: string): string {
  return [
    'version: 1',
    'needs:',
    `  - id: ${id}`,
    `    title: Need ${id}`,
    '    evidence:',
    '      - source: Interviews',
    `    quote: I said ${id}`,
    '    match:',
    `      keywords: ["${keyword}"]`,
    '',
  ].join('\n');
}

const TREE: Record<string, string> = {
  // Two default names at the root: customer-needs.yaml comes first.
  'customer-needs.yaml': needs('root-need', 'checkout'),
  '.customer-needs.yaml': needs('hidden-need', 'checkout'),
  // Nested: a folder of its own, with a docs/ file that competes with it.
  'pkg/a/customer-needs.yml': needs('a-need', 'gift'),
  'pkg/a/docs/customer-needs.yaml': needs('a-docs-need', 'gift'),
  // Deeper still: its own folder, so it counts too.
  'pkg/a/b/.customer-needs.yml': needs('b-need', 'gift'),
  // Never scanned, or ignored by a .gitignore.
  'node_modules/lib/customer-needs.yaml': needs('lib-need', 'checkout'),
  'pkg/dist/customer-needs.yaml': needs('dist-need', 'checkout'),
  '.gitignore': 'generated/\n',
  'generated/customer-needs.yaml': needs('generated-need', 'checkout'),
  'pkg/.gitignore': 'local/\n',
  'pkg/local/customer-needs.yaml': needs('local-need', 'checkout'),
  'src/checkout.ts': 'export function checkout(): void {}\n',
};

function writeTree(dir: string, files: Record<string, string>): void {
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(dir, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
}

describe('findNeedsFiles: the needs files under a root', () => {
  const cleanUp: string[] = [];
  after(() => cleanUp.forEach(removeDir));

  function tempTree(files: Record<string, string>): string {
    const dir = makeTempDir('outside-in-find-');
    cleanUp.push(dir);
    writeTree(dir, files);
    return dir;
  }

  it('counts one per folder, nested ones included, and skips ignored and never-scanned folders', async () => {
    const dir = tempTree(TREE);
    const found = await findNeedsFiles(dir);
    assert.deepEqual([...found.counted].sort(), [
      'customer-needs.yaml',
      'pkg/a/b/.customer-needs.yml',
      'pkg/a/customer-needs.yml',
    ]);
    assert.deepEqual(
      [...found.shadowed].sort((x, y) => x.path.localeCompare(y.path)),
      [
        { path: '.customer-needs.yaml', by: 'customer-needs.yaml' },
        { path: 'pkg/a/docs/customer-needs.yaml', by: 'pkg/a/customer-needs.yml' },
      ],
    );
  });

  it('does not follow a symbolic link to a needs file', async function () {
    const dir = tempTree({ 'real/customer-needs.yaml': needs('real', 'checkout') });
    try {
      symlinkSync(path.join(dir, 'real'), path.join(dir, 'linked'), 'dir');
    } catch {
      this.skip(); // no symlinks here (Windows without the right)
    }
    assert.deepEqual((await findNeedsFiles(dir)).counted, ['real/customer-needs.yaml']);
  });

  it('uses the paths a caller already walked instead of walking again', async () => {
    const dir = tempTree({});
    const found = await findNeedsFiles(dir, {
      walked: ['src/a.ts', 'x/.customer-needs.yml', 'x/customer-needs.yml'],
    });
    assert.deepEqual(found.counted, ['x/customer-needs.yml']);
    assert.deepEqual(found.shadowed, [
      { path: 'x/.customer-needs.yml', by: 'x/customer-needs.yml' },
    ]);
  });

  it("the walk and the core's isReached agree on every file of the tree", async () => {
    const dir = tempTree({
      ...TREE,
      'pkg/local/keep.ts': 'x\n',
      'pkg/.gitignore': 'local/\n*.log\n!keep.log\n',
      'pkg/a.log': 'x\n',
      'pkg/keep.log': 'x\n',
    });
    const walked = new Set(await walkFiles(dir));
    const every = [...Object.keys(TREE), 'pkg/local/keep.ts', 'pkg/a.log', 'pkg/keep.log'];
    for (const rel of every) {
      const gitignores = new Map<string, string>();
      for (const folder of foldersAbove(rel)) {
        const file = path.join(dir, folder, '.gitignore');
        if (existsSync(file)) gitignores.set(folder, readFileSync(file, 'utf8'));
      }
      assert.equal(isReached(rel, gitignores), walked.has(rel), rel);
    }
  });
});

describe('the commands read the needs files that count (as a process)', function () {
  // The first run may have to bundle the CLI.
  this.timeout(120_000);
  const cleanUp: string[] = [];
  after(() => cleanUp.forEach(removeDir));
  before(() => ensureCliBuilt());

  it('check warns at line 1 of each shadowed needs file and exits 0', () => {
    const dir = makeTempDir('outside-in-find-');
    cleanUp.push(dir);
    writeTree(dir, TREE);
    const run = runCli(dir, ['check']);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.deepEqual(
      run.stdout.split('\n').filter((l) => l.includes('[shadowed-needs-file]')),
      [
        '.customer-needs.yaml:1:1: warning: This needs file is not read: customer-needs.yaml speaks for the same folder and comes first. Keep one needs file per folder: move these needs into it and delete this file. [shadowed-needs-file]',
        'pkg/a/docs/customer-needs.yaml:1:1: warning: This needs file is not read: pkg/a/customer-needs.yml speaks for the same folder and comes first. Keep one needs file per folder: move these needs into it and delete this file. [shadowed-needs-file]',
      ],
    );
    const json = JSON.parse(runCli(dir, ['check', '--format', 'json']).stdout) as {
      needsFiles: string[];
    };
    assert.deepEqual(json.needsFiles.sort(), [
      'customer-needs.yaml',
      'pkg/a/b/.customer-needs.yml',
      'pkg/a/customer-needs.yml',
    ]);
  });

  it('explain lists the needs of the needs file that counts, not of the shadowed one', () => {
    const dir = makeTempDir('outside-in-find-');
    cleanUp.push(dir);
    writeTree(dir, TREE);
    const run = runCli(dir, ['explain', 'src/checkout.ts', '--format', 'json']);
    assert.equal(run.code, 0, run.stderr);
    const out = JSON.parse(run.stdout) as { needs: { id: string }[] };
    assert.deepEqual(
      out.needs.map((n) => n.id),
      ['root-need'],
    );
  });

  it('checklist reads the same needs files as check, not what git lists', () => {
    const repo = new TempRepo();
    cleanUp.push(repo.dir);
    for (const [rel, content] of Object.entries(TREE)) repo.write(rel, content);
    repo.commitAll('start');
    // A needs file git tracks although .gitignore ignores it: the walk does not read it.
    repo.write('generated/customer-needs.yaml', needs('generated-need', 'checkout'));
    repo.git('add', '-f', 'generated/customer-needs.yaml');
    repo.commitAll('force-add an ignored needs file');
    repo.write('src/checkout.ts', 'export function checkout(): number { return 1; }\n');
    const run = runCli(repo.dir, ['checklist', '--format', 'json']);
    assert.equal(run.code, 0, run.stderr);
    const out = JSON.parse(run.stdout) as { needs: { id: string }[] };
    assert.deepEqual(
      out.needs.map((n) => n.id),
      ['root-need'],
    );
  });
});
