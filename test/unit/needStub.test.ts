/**
 * The one edit the extension makes to a needs file (the "add need" quick fix)
 * is a plain insertion at a line boundary, so every original line, comments
 * included, stays byte for byte; the result loads with exactly one more need.
 */
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { loadNeedsText } from '../../src/core/load';
import { needStubInsertion } from '../../src/core/needStub';

const ROOT = path.resolve(__dirname, '../../..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'needs');

/** Valid needs files with at least one need in a block list: where the quick fix is offered. */
const files: { name: string; text: string }[] = [
  ...readdirSync(FIXTURES)
    .filter((f) => f.startsWith('valid-'))
    .map((f) => ({ name: f, text: readFileSync(path.join(FIXTURES, f), 'utf8') })),
  {
    name: 'examples/shop',
    text: readFileSync(path.join(ROOT, 'examples', 'shop', 'customer-needs.yaml'), 'utf8'),
  },
];

function errors(text: string): string[] {
  return loadNeedsText(text)
    .problems.filter((p) => p.severity === 'error')
    .map((p) => p.rule);
}

describe('adding a need stub keeps the file byte for byte outside the insertion', () => {
  for (const { name, text } of [
    ...files,
    ...files.map((f) => ({ name: `${f.name} (CRLF)`, text: f.text.replace(/\r?\n/g, '\r\n') })),
  ]) {
    it(name, () => {
      const before = loadNeedsText(text).file;
      const edit = needStubInsertion(text, 'brand-new-need');
      if (!before || before.needs.length === 0) {
        // `needs: []` or no needs: the fix is not offered rather than rewrite the list.
        if (edit === undefined) return;
      }
      assert.ok(edit, 'an insertion');
      const after = text.slice(0, edit.offset) + edit.text + text.slice(edit.offset);
      // An insertion at a line boundary: no original line (or comment) is split or touched.
      assert.ok(
        edit.offset === text.length || edit.offset === 0 || text[edit.offset - 1] === '\n',
        `inserted mid-line at ${edit.offset}`,
      );
      assert.ok(edit.text.endsWith('\n'), 'the insertion ends its own last line');
      // Line ends follow the file's own.
      if (text.includes('\r\n')) assert.ok(!/[^\r]\n/.test(edit.text), 'CRLF kept');
      else assert.ok(!edit.text.includes('\r'), 'LF kept');
      // It loads, without new errors, with exactly the new need added, assumed.
      assert.deepEqual(errors(after), errors(text));
      const loaded = loadNeedsText(after).file;
      assert.deepEqual(
        loaded?.needs.map((n) => n.id),
        [...(before?.needs.map((n) => n.id) ?? []), 'brand-new-need'],
      );
      assert.equal(loaded?.needs.at(-1)?.status, 'assumed');
    });
  }
});
