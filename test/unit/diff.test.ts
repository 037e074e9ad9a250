import * as assert from 'node:assert/strict';
import { parseUnifiedDiff } from '../../src/core/diff';
import type { FileChange } from '../../src/core/diff';

/** Joins lines with '\n' and ends with one, as git prints. */
function lines(...ls: string[]): string {
  return ls.join('\n') + '\n';
}

function modified(path: string, partial: Partial<FileChange> = {}): FileChange {
  return { path, status: 'modified', binary: false, added: [], removed: [], ...partial };
}

describe('parseUnifiedDiff', () => {
  it('gives no files for an empty diff', () => {
    assert.deepEqual(parseUnifiedDiff(''), []);
    assert.deepEqual(parseUnifiedDiff('\n'), []);
  });

  it('reads hunks with and without counts, numbering added lines in HEAD and removed in BASE', () => {
    const text = lines(
      'diff --git a/src/a.ts b/src/a.ts',
      'index 1111111..2222222 100644',
      '--- a/src/a.ts',
      '+++ b/src/a.ts',
      '@@ -3 +3 @@ export function a() {',
      '-  return 1;',
      '+  return 2;',
      '@@ -10,0 +11,2 @@',
      '+const x = 1;',
      '+const y = 2;',
      '@@ -20,2 +21,0 @@ function gone()',
      '-gone1',
      '-gone2',
    );
    assert.deepEqual(parseUnifiedDiff(text), [
      modified('src/a.ts', {
        added: [
          { line: 3, text: '  return 2;' },
          { line: 11, text: 'const x = 1;' },
          { line: 12, text: 'const y = 2;' },
        ],
        removed: [
          { line: 3, text: '  return 1;' },
          { line: 20, text: 'gone1' },
          { line: 21, text: 'gone2' },
        ],
      }),
    ]);
  });

  it('reads a new file and a deleted file', () => {
    const text = lines(
      'diff --git a/new.ts b/new.ts',
      'new file mode 100644',
      'index 0000000..3333333',
      '--- /dev/null',
      '+++ b/new.ts',
      '@@ -0,0 +1,2 @@',
      '+first',
      '+second',
      'diff --git a/old.ts b/old.ts',
      'deleted file mode 100644',
      'index 4444444..0000000',
      '--- a/old.ts',
      '+++ /dev/null',
      '@@ -1 +0,0 @@',
      '-only line',
    );
    assert.deepEqual(parseUnifiedDiff(text), [
      {
        path: 'new.ts',
        status: 'added',
        binary: false,
        added: [
          { line: 1, text: 'first' },
          { line: 2, text: 'second' },
        ],
        removed: [],
      },
      {
        path: 'old.ts',
        status: 'deleted',
        binary: false,
        added: [],
        removed: [{ line: 1, text: 'only line' }],
      },
    ]);
  });

  it('reads an empty new file, which has no hunk', () => {
    const text = lines(
      'diff --git a/empty.txt b/empty.txt',
      'new file mode 100644',
      'index 0000000..e69de29',
    );
    assert.deepEqual(parseUnifiedDiff(text), [
      { path: 'empty.txt', status: 'added', binary: false, added: [], removed: [] },
    ]);
  });

  it('reads a pure rename and a rename with edits', () => {
    const text = lines(
      'diff --git a/src/old name.ts b/src/new name.ts',
      'similarity index 100%',
      'rename from src/old name.ts',
      'rename to src/new name.ts',
      'diff --git a/lib/x.ts b/lib/y.ts',
      'similarity index 80%',
      'rename from lib/x.ts',
      'rename to lib/y.ts',
      'index 5555555..6666666 100644',
      '--- a/lib/x.ts',
      '+++ b/lib/y.ts',
      '@@ -2 +2 @@',
      '-old',
      '+new',
    );
    assert.deepEqual(parseUnifiedDiff(text), [
      {
        path: 'src/new name.ts',
        oldPath: 'src/old name.ts',
        status: 'renamed',
        binary: false,
        added: [],
        removed: [],
      },
      {
        path: 'lib/y.ts',
        oldPath: 'lib/x.ts',
        status: 'renamed',
        binary: false,
        added: [{ line: 2, text: 'new' }],
        removed: [{ line: 2, text: 'old' }],
      },
    ]);
  });

  it('reads a copy', () => {
    const text = lines(
      'diff --git a/a.ts b/b.ts',
      'similarity index 90%',
      'copy from a.ts',
      'copy to b.ts',
      'index 7777777..8888888 100644',
      '--- a/a.ts',
      '+++ b/b.ts',
      '@@ -5,0 +6 @@',
      '+extra',
    );
    assert.deepEqual(parseUnifiedDiff(text), [
      {
        path: 'b.ts',
        oldPath: 'a.ts',
        status: 'copied',
        binary: false,
        added: [{ line: 6, text: 'extra' }],
        removed: [],
      },
    ]);
  });

  it('reads a change of mode only, including for a path with spaces', () => {
    const text = lines(
      'diff --git a/run me.sh b/run me.sh',
      'old mode 100644',
      'new mode 100755',
      'diff --git a/b.sh b/b.sh',
      'old mode 100644',
      'new mode 100755',
    );
    assert.deepEqual(parseUnifiedDiff(text), [modified('run me.sh'), modified('b.sh')]);
  });

  it('marks binary files, new, changed and deleted', () => {
    const text = lines(
      'diff --git a/img/logo.png b/img/logo.png',
      'new file mode 100644',
      'index 0000000..9999999',
      'Binary files /dev/null and b/img/logo.png differ',
      'diff --git a/data.bin b/data.bin',
      'index aaaaaaa..bbbbbbb 100644',
      'Binary files a/data.bin and b/data.bin differ',
      'diff --git a/old.bin b/old.bin',
      'deleted file mode 100644',
      'index ccccccc..0000000',
      'Binary files a/old.bin and /dev/null differ',
    );
    assert.deepEqual(parseUnifiedDiff(text), [
      { path: 'img/logo.png', status: 'added', binary: true, added: [], removed: [] },
      { path: 'data.bin', status: 'modified', binary: true, added: [], removed: [] },
      { path: 'old.bin', status: 'deleted', binary: true, added: [], removed: [] },
    ]);
  });

  it('ignores "\\ No newline at end of file" inside and after a hunk', () => {
    const text = lines(
      'diff --git a/n.txt b/n.txt',
      '--- a/n.txt',
      '+++ b/n.txt',
      '@@ -1 +1,2 @@',
      '-last',
      '\\ No newline at end of file',
      '+last',
      '+more',
      '\\ No newline at end of file',
    );
    assert.deepEqual(parseUnifiedDiff(text), [
      modified('n.txt', {
        added: [
          { line: 1, text: 'last' },
          { line: 2, text: 'more' },
        ],
        removed: [{ line: 1, text: 'last' }],
      }),
    ]);
  });

  it('decodes quoted paths with C and octal (UTF-8) escapes', () => {
    const text = lines(
      'diff --git "a/caf\\303\\251 menu.ts" "b/caf\\303\\251 menu.ts"',
      'index 1111111..2222222 100644',
      '--- "a/caf\\303\\251 menu.ts"',
      '+++ "b/caf\\303\\251 menu.ts"',
      '@@ -1 +1 @@',
      '-a',
      '+b',
      'diff --git "a/tab\\there" "b/quote\\"back\\\\slash"',
      'similarity index 100%',
      'rename from "tab\\there"',
      'rename to "quote\\"back\\\\slash"',
      'diff --git "a/\\346\\227\\245\\346\\234\\254.bin" "b/\\346\\227\\245\\346\\234\\254.bin"',
      'index 1111111..2222222 100644',
      'Binary files "a/\\346\\227\\245\\346\\234\\254.bin" and "b/\\346\\227\\245\\346\\234\\254.bin" differ',
    );
    assert.deepEqual(parseUnifiedDiff(text), [
      modified('café menu.ts', {
        added: [{ line: 1, text: 'b' }],
        removed: [{ line: 1, text: 'a' }],
      }),
      {
        path: 'quote"back\\slash',
        oldPath: 'tab\there',
        status: 'renamed',
        binary: false,
        added: [],
        removed: [],
      },
      { path: '日本.bin', status: 'modified', binary: true, added: [], removed: [] },
    ]);
  });

  it('reads one quoted and one unquoted path in a rename header', () => {
    const text = lines(
      'diff --git a/plain.ts "b/new\\nline.ts"',
      'similarity index 100%',
      'rename from plain.ts',
      'rename to "new\\nline.ts"',
    );
    assert.deepEqual(parseUnifiedDiff(text), [
      {
        path: 'new\nline.ts',
        oldPath: 'plain.ts',
        status: 'renamed',
        binary: false,
        added: [],
        removed: [],
      },
    ]);
  });

  it('reads unquoted UTF-8 paths and drops the tab git adds after a path with a space', () => {
    const text = lines(
      'diff --git a/sp acé.ts b/sp acé.ts',
      'index 1111111..2222222 100644',
      '--- a/sp acé.ts\t',
      '+++ b/sp acé.ts\t',
      '@@ -0,0 +1 @@',
      '+hello',
    );
    assert.deepEqual(parseUnifiedDiff(text), [
      modified('sp acé.ts', { added: [{ line: 1, text: 'hello' }] }),
    ]);
  });

  it('keeps CRLF content without the \\r, in content and in a diff saved with CRLF', () => {
    const lf = lines(
      'diff --git a/w.txt b/w.txt',
      '--- a/w.txt',
      '+++ b/w.txt',
      '@@ -1 +1 @@',
      '-old\r',
      '+new\r',
    );
    const expected = [
      modified('w.txt', { added: [{ line: 1, text: 'new' }], removed: [{ line: 1, text: 'old' }] }),
    ];
    assert.deepEqual(parseUnifiedDiff(lf), expected);
    assert.deepEqual(parseUnifiedDiff(lf.replace(/\r?\n/g, '\r\n')), expected);
  });

  it('reads content lines that look like headers as content, thanks to the hunk counts', () => {
    const text = lines(
      'diff --git a/notes.md b/notes.md',
      '--- a/notes.md',
      '+++ b/notes.md',
      '@@ -1,2 +1,2 @@',
      '--- a/fake',
      '-diff --git a/x b/x',
      '+++ b/fake',
      '+@@ -1 +1 @@',
    );
    assert.deepEqual(parseUnifiedDiff(text), [
      modified('notes.md', {
        added: [
          { line: 1, text: '++ b/fake' },
          { line: 2, text: '@@ -1 +1 @@' },
        ],
        removed: [
          { line: 1, text: '-- a/fake' },
          { line: 2, text: 'diff --git a/x b/x' },
        ],
      }),
    ]);
  });

  it('reads a plain unified diff with context lines and two files', () => {
    const text = lines(
      '--- a/one.txt\t2026-01-01 10:00:00',
      '+++ b/one.txt\t2026-01-02 10:00:00',
      '@@ -1,3 +1,3 @@',
      ' keep',
      '-was',
      '+is',
      ' keep too',
      '--- a/two.txt',
      '+++ b/two.txt',
      '@@ -4,2 +4,3 @@ header text',
      ' same',
      '',
      '+added after a blank context line',
    );
    assert.deepEqual(parseUnifiedDiff(text), [
      modified('one.txt', {
        added: [{ line: 2, text: 'is' }],
        removed: [{ line: 2, text: 'was' }],
      }),
      modified('two.txt', { added: [{ line: 6, text: 'added after a blank context line' }] }),
    ]);
  });

  it('returns what it can from a truncated diff', () => {
    const text = [
      'diff --git a/t.ts b/t.ts',
      '--- a/t.ts',
      '+++ b/t.ts',
      '@@ -1,3 +1,3 @@',
      '-one',
      '+uno',
    ].join('\n');
    assert.deepEqual(parseUnifiedDiff(text), [
      modified('t.ts', { added: [{ line: 1, text: 'uno' }], removed: [{ line: 1, text: 'one' }] }),
    ]);
  });

  it('never throws on garbage', () => {
    const pieces = [
      'diff --git ',
      '"',
      '\\',
      '\\3',
      '@@ -',
      '@@ -1,x +',
      ' @@',
      '--- ',
      '+++ ',
      '/dev/null',
      'rename from ',
      'Binary files ',
      '\n',
      '\r\n',
      '+',
      '-',
      ' ',
      'a/',
      'b/',
      '99999999999999999999999',
      '\u0000',
      '\ud800',
    ];
    // A small deterministic generator, so a failure can be replayed.
    let seed = 42;
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed;
    };
    for (let round = 0; round < 500; round++) {
      let text = '';
      for (let k = next() % 60; k > 0; k--) text += pieces[next() % pieces.length];
      assert.doesNotThrow(() => parseUnifiedDiff(text), JSON.stringify(text));
    }
    assert.deepEqual(parseUnifiedDiff('hello\nworld'), []);
    assert.deepEqual(parseUnifiedDiff('@@ -1 +1 @@\n+orphan line\n'), []);
  });

  it('reads a large diff', () => {
    const body: string[] = [];
    for (let i = 1; i <= 100_000; i++) body.push(`+line ${i}`);
    const text = lines('--- /dev/null', '+++ b/big.txt', '@@ -0,0 +1,100000 @@', ...body);
    const [file] = parseUnifiedDiff(text);
    assert.equal(file?.status, 'added');
    assert.equal(file?.added.length, 100_000);
    assert.deepEqual(file?.added[99_999], { line: 100_000, text: 'line 100000' });
  });
});
