/**
 * A need whose fields have errors is still a known id: an `@need` naming it is
 * no "unknown need", while its own errors stay reported in the needs file.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { withIdsOf } from '../../src/core/knownIds';
import { loadNeedsText } from '../../src/core/load';
import { buildIndex } from '../../src/core/match';
import type { UnknownAnnotation } from '../../src/core/match';
import type { NeedsFile } from '../../src/core/model';
import { NeedsSet } from '../../src/core/needsSet';
import { makeTempDir, removeDir } from './helpers/gitRepo';
import { yaml } from './helpers/needsIndex';
import { ensureCliBuilt, runCli } from './helpers/runCli';

const TODAY = { today: '2026-11-26' };

/** Need `bad-priority` (priority urgent), `no-title` (no title), `ok` (valid). */
const NEEDS = yaml(
  'version: 1',
  'needs:',
  '  - id: bad-priority',
  '    title: Checkout is fast',
  '    priority: urgent', // line 5, the value in column 15
  '  - id: no-title', // line 6, the need starts in column 5
  '    priority: high',
  '  - id: ok',
  '    title: Fine',
);

const CODE = ['// @need bad-priority', '// @need no-title', '// @need ok', '// @need nowhere'].join(
  '\n',
);

function load(text: string): NeedsFile {
  const { file } = loadNeedsText(text, TODAY);
  assert.ok(file);
  return file;
}

function setOf(file: NeedsFile): NeedsSet {
  return new NeedsSet([{ needsFile: 'customer-needs.yaml', dir: '', index: buildIndex(file) }]);
}

describe('known ids: a need with field errors', () => {
  it('keeps a need with a bad priority, at the default priority, and still reports it', () => {
    const { file, problems } = loadNeedsText(NEEDS, TODAY);
    const need = file?.needs.find((n) => n.id === 'bad-priority');
    assert.equal(need?.priority, 'medium');
    const errors = problems.filter((p) => p.severity === 'error');
    assert.deepEqual(
      errors.map((p) => `${p.span.start.line + 1}:${p.span.start.character + 1} ${p.rule}`),
      ['5:15 invalid-enum', '6:5 missing-field'],
    );
  });

  it('names a need without a title as a known but invalid id, with the span of its id', () => {
    const file = load(NEEDS);
    assert.deepEqual(
      file.needs.map((n) => n.id),
      ['bad-priority', 'ok'],
    );
    assert.deepEqual(file.invalidIds?.get('no-title'), {
      start: { line: 5, character: 8 },
      end: { line: 5, character: 16 },
    });
  });

  it('NeedsSet: only the id no needs file names is unknown; the invalid need links nothing', () => {
    const unknown: UnknownAnnotation[] = [];
    const links = setOf(load(NEEDS)).fileLinks('src/a.ts', CODE, unknown);
    assert.deepEqual(
      unknown.map((u) => `${u.line + 1}:${u.start + 1} ${u.id}`),
      ['4:10 nowhere'],
    );
    assert.deepEqual(
      links.map((l) => `${(l.line ?? 0) + 1} ${l.rule} ${l.needId}`),
      ['1 annotation bad-priority', '3 annotation ok'],
    );
  });

  it('a need whose title a syntax error swallowed is still known', () => {
    const text = yaml(
      'version: 1',
      'needs:',
      '  - id: fast',
      '    title: Fast',
      '      priority: high', // indented too deep: "title" becomes a mapping
    );
    const unknown: UnknownAnnotation[] = [];
    setOf(load(text)).fileLinks('a.ts', '// @need fast', unknown);
    assert.deepEqual(unknown, []);
  });

  it('a duplicate of a broken need is still a duplicate, at the second id', () => {
    const text = yaml(
      'version: 1',
      'needs:',
      '  - id: a',
      '  - id: a', // line 4, the id in column 9
      '    title: A',
    );
    const { file, problems } = loadNeedsText(text, TODAY);
    const dup = problems.filter((p) => p.rule === 'duplicate-id');
    assert.deepEqual(
      dup.map((p) => `${p.span.start.line + 1}:${p.span.start.character + 1} ${p.message}`),
      ['4:9 Duplicate id "a": first defined on line 3.'],
    );
    assert.deepEqual(file?.needs, []);
  });

  it('a need with no id is known by nothing', () => {
    const file = load(yaml('version: 1', 'needs:', '  - title: T'));
    assert.equal(file.invalidIds?.size, 0);
  });

  it('an older load answering for a broken text still knows the ids of the latest', () => {
    const older = load(yaml('version: 1', 'needs:', '  - id: ok', '    title: Fine'));
    const latest = load(NEEDS);
    const merged = withIdsOf(older, latest);
    assert.deepEqual(
      merged.needs.map((n) => n.id),
      ['ok'],
    );
    assert.deepEqual([...(merged.invalidIds?.keys() ?? [])].sort(), ['bad-priority', 'no-title']);
    const unknown: UnknownAnnotation[] = [];
    setOf(merged).fileLinks('src/a.ts', CODE, unknown);
    assert.deepEqual(
      unknown.map((u) => u.id),
      ['nowhere'],
    );
    assert.equal(withIdsOf(older, older), older);
    assert.equal(withIdsOf(older, undefined), older);
  });
});

describe('known ids: outside-in check, end to end', function () {
  this.timeout(120_000);
  let dir: string;

  before(() => {
    ensureCliBuilt();
    dir = makeTempDir('outside-in-known-');
    mkdirSync(path.join(dir, 'src'));
    writeFileSync(path.join(dir, 'customer-needs.yaml'), NEEDS);
    writeFileSync(path.join(dir, 'src', 'a.ts'), CODE + '\n');
  });
  after(() => removeDir(dir));

  it('reports the field errors in the needs file and only the truly unknown @need', () => {
    const run = runCli(dir, ['check', '--root', dir]);
    assert.equal(run.code, 1);
    const lines = run.stdout.split('\n').filter((l) => l !== '');
    assert.deepEqual(lines, [
      'customer-needs.yaml:3:9: warning: Need "bad-priority" rests on no evidence: an assumption. [no-evidence]',
      'customer-needs.yaml:5:15: error: "urgent" is not a valid priority; use one of: critical, high, medium, low. [invalid-enum]',
      'customer-needs.yaml:6:5: error: Missing required field "title" in need "no-title". [missing-field]',
      'customer-needs.yaml:8:9: warning: Need "ok" rests on no evidence: an assumption. [no-evidence]',
      'src/a.ts:4:10: error: @need names an unknown need "nowhere". [unknown-need]',
    ]);
  });

  it('prints a YAML slip once, where it starts, in plain words', () => {
    writeFileSync(
      path.join(dir, 'customer-needs.yaml'),
      yaml('version: 1', 'needs:', '  - id: ok', '    title: "Fine', '    priority: high'),
    );
    writeFileSync(path.join(dir, 'src', 'a.ts'), '// @need ok\n');
    const run = runCli(dir, ['check', '--root', dir]);
    assert.equal(run.code, 1);
    assert.deepEqual(
      run.stdout.split('\n').filter((l) => l.startsWith('customer-needs.yaml:')),
      [
        'customer-needs.yaml:3:9: warning: Need "ok" rests on no evidence: an assumption. [no-evidence]',
        'customer-needs.yaml:4:12: error: Unclosed quote: the text that starts here has no closing " . [yaml-syntax]',
      ],
    );
  });
});
