/**
 * Hostile inputs (issue: hardening): huge and odd needs files and code files
 * are refused or skipped with a clear word, never a crash or a hang.
 */
import * as assert from 'node:assert/strict';
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  writeFileSync,
  ftruncateSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { loadNeedsText } from '../../src/core/load';
import { buildIndex } from '../../src/core/match';
import { loadNeedsFiles } from '../../src/node/needsFiles';
import { scanTree } from '../../src/node/scan';
import { buildChecklist } from '../../src/core/checklist';
import { changeUnderReview } from '../../src/node/changeUnderReview';
import type { GitError } from '../../src/node/git';
import { TempRepo, removeDir } from './helpers/gitRepo';
import { rootSet } from './helpers/needsIndex';
import { execFileSync } from 'node:child_process';
import { walkFiles } from '../../src/node/walk';

const NEEDS =
  'version: 1\nneeds:\n  - id: a\n    title: A\n    match:\n      keywords: [saved card]\n';

describe('hostile needs files', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'outside-in-hostile-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('a 50 MB needs file is refused by its size before it is read', async () => {
    // A sparse file: 50 MB on stat, nothing written, so reading it would be the bug.
    const fd = openSync(path.join(dir, 'customer-needs.yaml'), 'w');
    ftruncateSync(fd, 50 * 1024 * 1024);
    closeSync(fd);
    const loaded = await loadNeedsFiles(dir, ['customer-needs.yaml']);
    const [file] = loaded.files;
    assert.equal(file?.text, undefined, 'the text was never read');
    assert.deepEqual(
      file?.problems.map((p) => [p.rule, p.severity, p.span.start.line, p.span.start.character]),
      [['too-large', 'error', 0, 0]],
    );
    assert.match(file?.problems[0]?.message ?? '', /50\.0 MB; the limit is 20\.0 MB/);
  });

  it('a title of one million characters on one line loads', () => {
    const text = `version: 1\nneeds:\n  - id: a\n    evidence: [{source: s}]\n    title: ${'x'.repeat(1_000_000)}\n`;
    const result = loadNeedsText(text);
    assert.deepEqual(result.problems, []);
    assert.equal(result.file?.needs[0]?.title.length, 1_000_000);
  });

  it('a path glob that makes a backtracking RegExp take minutes is answered at once', async () => {
    // Compiled to a JavaScript RegExp (picomatch), this glob takes minutes against
    // a name of sixty `a`s; the check below would hang on it.
    const glob = `**/${'*a'.repeat(40)}*b`;
    const text = `version: 1\nneeds:\n  - id: a\n    title: A\n    evidence: [{source: s}]\n    match:\n      paths: ["${glob}"]\n`;
    writeFileSync(path.join(dir, 'customer-needs.yaml'), text);
    mkdirSync(path.join(dir, 'src'));
    writeFileSync(path.join(dir, 'src', 'a'.repeat(200)), 'x\n');
    writeFileSync(path.join(dir, 'src', `${'a'.repeat(200)}b`), 'x\n');
    const loaded = await loadNeedsFiles(dir, ['customer-needs.yaml']);
    const result = await scanTree(dir, loaded.set);
    const linked = result.files.filter((f) => f.links.length > 0).map((f) => f.path);
    assert.deepEqual(linked, [`src/${'a'.repeat(200)}b`]);
  });

  it('20,000 needs load, and the last one matches like the first', function () {
    // Seconds of parsing on a busy machine; a hang guard, not a benchmark (see npm run bench).
    this.timeout(120_000);
    const lines = ['version: 1', 'needs:'];
    for (let i = 0; i < 20_000; i++) {
      lines.push(
        `  - id: n${i}`,
        `    title: Need ${i}`,
        `    evidence: [{source: s}]`,
        `    match: {keywords: [word${i}]}`,
      );
    }
    const result = loadNeedsText(lines.join('\n'));
    assert.deepEqual(result.problems, []);
    assert.equal(result.file?.needs.length, 20_000);
    const index = buildIndex(result.file!);
    assert.deepEqual(
      rootSet(index)
        .lineLinks('src/a.ts', 'const word19999 = word0;', 0)
        .map((l) => l.needId),
      ['n19999', 'n0'],
    );
  });

  it('deep block nesting is read or refused, never thrown', function () {
    this.timeout(120_000);
    let text = 'version: 1\nneeds:\n';
    for (let i = 0; i < 2000; i++) text += `${' '.repeat(2 * i)}- \n`;
    const result = loadNeedsText(text);
    assert.ok(result.problems.length > 0);
  });
});

describe('hostile code files', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'outside-in-hostile-'));
    writeFileSync(path.join(dir, 'customer-needs.yaml'), NEEDS);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function scan(): Promise<Awaited<ReturnType<typeof scanTree>>> {
    const { set } = await loadNeedsFiles(dir, ['customer-needs.yaml']);
    return scanTree(dir, set);
  }

  it('a minified one-line file of 1.5 MB is read and its matches found', async () => {
    const line = 'var a=1;'.repeat(180_000) + 'var savedCard=2;';
    writeFileSync(path.join(dir, 'app.min.js'), line);
    const result = await scan();
    assert.equal(result.read, 1);
    const links = result.files.find((f) => f.path === 'app.min.js')?.links ?? [];
    assert.deepEqual(
      links.map((l) => [l.needId, l.line, l.start]),
      [['a', 0, line.length - 'savedCard=2;'.length]],
    );
  });

  it('a file over 2 MB and a binary file are skipped and counted, not read', async () => {
    writeFileSync(path.join(dir, 'huge.ts'), '// saved card\n'.repeat(200_000));
    writeFileSync(
      path.join(dir, 'image.png'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0x73, 0x61]),
    );
    const result = await scan();
    assert.deepEqual(result.skipped, { binary: 1, large: 1, unreadable: 0 });
    assert.equal(result.read, 0);
    assert.deepEqual(result.files, []);
  });

  it('a file that vanishes while the tree is scanned is counted as unreadable', async () => {
    mkdirSync(path.join(dir, 'src'));
    for (let i = 0; i < 50; i++)
      writeFileSync(path.join(dir, 'src', `f${i}.ts`), '// saved card\n');
    const { set } = await loadNeedsFiles(dir, ['customer-needs.yaml']);
    // Delete every file once the walk has listed them: the reads then fail.
    const paths = await walkFiles(dir);
    rmSync(path.join(dir, 'src'), { recursive: true });
    const result = await scanTree(dir, set, { paths });
    assert.equal(result.skipped.unreadable, 50);
    assert.equal(result.read, 0);
  });
});

describe('a diff of 50,000 files', () => {
  let repo: TempRepo;
  before(function () {
    this.timeout(120_000);
    repo = new TempRepo();
    repo.write('customer-needs.yaml', NEEDS + '    review: ["Still one tap?"]\n');
    repo.git('add', '-A');
    repo.git('commit', '-qm', 'needs');
    repo.git('checkout', '-qb', 'feature');
    // One fast-import stream, not 50,000 commands: a commit adding every file.
    const lines = [
      'commit refs/heads/feature',
      'committer T <t@example.com> 0 +0000',
      'data 4',
      'many',
      'from refs/heads/feature^0',
    ];
    for (let i = 0; i < 50_000; i++) {
      const body = i === 49_999 ? 'const savedCard = 1;\n' : `export const x${i} = ${i};\n`;
      lines.push(
        `M 100644 inline src/f${i}.ts`,
        `data ${Buffer.byteLength(body)}`,
        body.slice(0, -1),
      );
    }
    execFileSync('git', ['fast-import', '--quiet'], {
      cwd: repo.dir,
      input: lines.join('\n') + '\n',
    });
  });
  after(() => removeDir(repo.dir));

  it('gives the checklist, naming the one related file, without hanging', async function () {
    this.timeout(120_000);
    const change = await changeUnderReview(repo.dir, {
      mode: 'compare',
      base: 'main',
      head: 'feature',
    });
    assert.equal(change.files.length, 50_000);
    const { set } = await loadNeedsFiles(repo.dir, ['customer-needs.yaml']);
    const checklist = buildChecklist(set, change.files, change);
    assert.deepEqual(checklist.files.changed, 50_000);
    assert.deepEqual(checklist.files.related, 1);
    assert.deepEqual(
      checklist.needs.map((n) => [n.id, n.because.map((b) => `${b.file}:${b.line}`)]),
      [['a', ['src/f49999.ts:1']]],
    );
  });

  it('refuses it with a clear message when it is bigger than the limit', async () => {
    await assert.rejects(
      changeUnderReview(
        repo.dir,
        { mode: 'compare', base: 'main', head: 'feature' },
        { maxBytes: 1024 * 1024 },
      ),
      (e: Error) => {
        assert.equal((e as GitError).code, 'too-large');
        return true;
      },
    );
  });
});
