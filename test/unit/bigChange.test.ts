/**
 * A big change, the size of a real compiler upgrade (30 files, about 600,000
 * changed lines, most of them matching one keyword): the Markdown checklist
 * still fits GitHub's comment limit and reads as a list of files, while the
 * JSON keeps every reason.
 */
import * as assert from 'node:assert/strict';
import { buildChecklist } from '../../src/core/checklist';
import type { FileChange } from '../../src/core/diff';
import {
  GITHUB_COMMENT_LIMIT,
  renderJson,
  renderMarkdown,
  renderText,
} from '../../src/core/render';
import { groupReasons, linesText, moreReasonsText } from '../../src/core/reasonGroups';
import type { Because } from '../../src/core/checklist';
import { needsSet, yaml } from './helpers/needsIndex';

const FILES = 30;
const LINES_PER_FILE = 20_000;

/** Every third line mentions the token, like a generated compiler bundle. */
function bigChange(): FileChange[] {
  const files: FileChange[] = [];
  for (let f = 0; f < FILES; f++) {
    const added = [];
    for (let line = 1; line <= LINES_PER_FILE; line++)
      added.push({ line, text: line % 3 === 0 ? `emit(token, ${line});` : `x${line}();` });
    files.push({ path: `lib/part${f}.js`, status: 'modified', binary: false, added, removed: [] });
  }
  return files;
}

/** One need on a keyword in every third line, forty wordy ones on every file by path. */
function manyNeeds(): ReturnType<typeof needsSet> {
  const lines = ['version: 1', 'needs:'];
  lines.push(
    '  - id: token-need',
    '    title: Tokens are emitted',
    '    priority: critical',
    '    match:',
    '      keywords: ["token"]',
    '    review:',
    '      - Is every token still emitted?',
  );
  for (let i = 0; i < 40; i++)
    lines.push(
      `  - id: emit-${String(i).padStart(2, '0')}`,
      `    title: Emitted output number ${i} stays the same ${'and is long '.repeat(20)}`,
      '    priority: medium',
      `    quote: "${'The output changed under me and nobody said so. '.repeat(30)}"`,
      '    match:',
      '      paths: ["lib/**"]',
      '    review:',
      '      - Did the emitted output change?',
    );
  return needsSet({ 'customer-needs.yaml': yaml(...lines) });
}

describe('a big change stays readable and fits where it goes', function () {
  this.timeout(120_000);
  const checklist = buildChecklist(manyNeeds(), bigChange(), { base: 'a', head: 'b' });

  it('the JSON keeps every reason', () => {
    const token = checklist.needs.find((n) => n.id === 'token-need');
    // 6,666 matching lines in each of 30 files.
    assert.equal(token?.because.length, FILES * Math.floor(LINES_PER_FILE / 3));
    const json = JSON.parse(renderJson(checklist)) as { needs: { because: unknown[] }[] };
    assert.equal(json.needs[0]?.because.length, FILES * 6_666);
  });

  it('the Markdown fits a pull request comment, the critical need first, and counts what it left out', () => {
    const md = renderMarkdown(checklist);
    assert.ok(md.length <= GITHUB_COMMENT_LIMIT, `${md.length} characters`);
    assert.ok(md.indexOf('Tokens are emitted') < md.indexOf('Emitted output number 0'));
    assert.match(
      md,
      /- `lib\/part0\.js`: keyword `token` on lines 3, 6, 9, 12, 15, 18, 21, 24 and 6,658 more/,
    );
    assert.match(
      md,
      /- _133,320 more reasons in 20 more files \(the JSON output lists every reason\)_/,
    );
    assert.match(md, /_\d+ more needs of lower or equal priority did not fit in 65,536 characters/);
  });

  it('a smaller limit is kept too', () => {
    const md = renderMarkdown(checklist, new Set(), { maxChars: 10_000 });
    assert.ok(md.length <= 10_000, `${md.length} characters`);
    assert.ok(md.includes('Is every token still emitted?'));
  });

  it('the text output groups the same way', () => {
    const text = renderText(checklist);
    assert.ok(
      text.includes(
        'lib/part0.js: keyword "token" on lines 3, 6, 9, 12, 15, 18, 21, 24 and 6,658 more',
      ),
    );
    assert.ok(text.split('\n').length < 2_000, 'a few lines per need');
  });
});

describe('groupReasons', () => {
  const r = (file: string, line?: number, extra: Partial<Because> = {}): Because => ({
    file,
    rule: 'keyword',
    match: 'pay',
    ...(line === undefined ? {} : { line }),
    ...extra,
  });

  it('one entry per file, rule, match and side, lines ascending and deduplicated', () => {
    const g = groupReasons([
      r('a.ts', 9),
      r('a.ts', 2),
      r('a.ts', 2),
      r('a.ts', 4, { removed: true }),
      r('b.ts', 1),
      r('a.ts', 5, { rule: 'annotation', match: 'x' }),
    ]);
    assert.deepEqual(
      g.groups.map((x) => [x.file, x.rule, x.removed, x.lines]),
      [
        ['a.ts', 'keyword', false, [2, 9]],
        ['a.ts', 'keyword', true, [4]],
        ['b.ts', 'keyword', false, [1]],
        ['a.ts', 'annotation', false, [5]],
      ],
    );
    assert.equal(moreReasonsText(g), undefined);
  });

  it('caps groups and lines and says how many were left out', () => {
    const because = [
      r('a.ts', 1),
      r('a.ts', 2),
      r('a.ts', 3),
      r('b.ts', 1),
      r('c.ts'),
      r('c.ts', 4),
    ];
    const g = groupReasons(because, { groups: 1, lines: 2 });
    assert.equal(g.groups.length, 1);
    assert.equal(linesText(g.groups[0]!), '1, 2 and 1 more');
    assert.equal(
      moreReasonsText(g),
      '3 more reasons in 2 more files (the JSON output lists every reason)',
    );
  });
});
