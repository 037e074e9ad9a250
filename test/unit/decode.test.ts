/**
 * decodeNeedsBytes: a needs file's bytes to text, with one `invalid-utf8`
 * error at the first byte that is not UTF-8. Every byte sequence is from the
 * Unicode standard's Table 3-7 (well-formed UTF-8); every line and column is
 * counted by hand in UTF-16 code units, as editors and the loader count them.
 */
import * as assert from 'node:assert/strict';
import { decodeNeedsBytes, firstInvalidUtf8 } from '../../src/core/decode';
import { loadNeedsText } from '../../src/core/load';

/** Text as UTF-8, with raw bytes where a number stands. */
function bytes(...parts: (string | number)[]): Uint8Array {
  const out: number[] = [];
  for (const p of parts) {
    if (typeof p === 'number') out.push(p);
    else out.push(...new TextEncoder().encode(p));
  }
  return new Uint8Array(out);
}

/** The problem as an editor shows it: 1-based line and column, and the span's width. */
function seen(data: Uint8Array): string[] {
  return decodeNeedsBytes(data).problems.map(
    (p) =>
      `${p.span.start.line + 1}:${p.span.start.character + 1}-${p.span.end.line + 1}:${p.span.end.character + 1} ${p.severity} ${p.rule}`,
  );
}

describe('decodeNeedsBytes', () => {
  it('valid UTF-8: the text, no problem', () => {
    const r = decodeNeedsBytes(bytes('version: 1\nproduct: Café 🍰 — €\n'));
    assert.equal(r.text, 'version: 1\nproduct: Café 🍰 — €\n');
    assert.deepEqual(r.problems, []);
  });

  it('an empty file: empty text, no problem', () => {
    assert.deepEqual(decodeNeedsBytes(new Uint8Array(0)), { text: '', problems: [] });
  });

  it('a byte-order mark is dropped, as the loader always did', () => {
    const r = decodeNeedsBytes(bytes(0xef, 0xbb, 0xbf, 'version: 1\n'));
    assert.equal(r.text, 'version: 1\n');
    assert.deepEqual(r.problems, []);
  });

  it('after a byte-order mark, columns count from the text after it', () => {
    // "ab" then 0xFF: column 3 whether or not the file starts with a BOM.
    assert.deepEqual(seen(bytes(0xef, 0xbb, 0xbf, 'ab', 0xff)), ['1:3-1:4 error invalid-utf8']);
    assert.deepEqual(seen(bytes('ab', 0xff)), ['1:3-1:4 error invalid-utf8']);
  });

  it('an invalid lead byte: at that byte, named in hex, the rest still decoded', () => {
    const r = decodeNeedsBytes(bytes('title: caf', 0xe9, ' au lait\n'));
    assert.equal(r.text, 'title: caf\uFFFD au lait\n');
    assert.equal(r.problems.length, 1);
    const [p] = r.problems;
    assert.equal(p?.severity, 'error');
    assert.equal(p?.rule, 'invalid-utf8');
    assert.deepEqual(p?.span, {
      start: { line: 0, character: 10 },
      end: { line: 0, character: 11 },
    });
    assert.match(p?.message ?? '', /\b0xE9\b/);
    assert.match(p?.message ?? '', /\uFFFD/);
    assert.match(p?.message ?? '', /save the file as UTF-8/);
  });

  it('a lone continuation byte, and bytes that never occur in UTF-8', () => {
    for (const b of [0x80, 0xbf, 0xc0, 0xc1, 0xf5, 0xff]) {
      const r = decodeNeedsBytes(bytes('x: ', b, '\n'));
      assert.equal(r.text, 'x: \uFFFD\n', `0x${b.toString(16)}`);
      assert.deepEqual(seen(bytes('x: ', b, '\n')), ['1:4-1:5 error invalid-utf8']);
      assert.match(r.problems[0]?.message ?? '', new RegExp(`0x${b.toString(16).toUpperCase()}`));
    }
  });

  it('a sequence cut short at the end of the file: at its first byte', () => {
    // E2 82 AC is "€"; the file ends after E2 82.
    const r = decodeNeedsBytes(bytes('price: 5 ', 0xe2, 0x82));
    assert.equal(r.text, 'price: 5 \uFFFD');
    assert.deepEqual(seen(bytes('price: 5 ', 0xe2, 0x82)), ['1:10-1:11 error invalid-utf8']);
    assert.match(r.problems[0]?.message ?? '', /0xE2/);
  });

  it('a sequence cut short by an ASCII byte: at its first byte; the ASCII byte stays', () => {
    const r = decodeNeedsBytes(bytes('a', 0xf0, 0x9f, 0x8d, 'b'));
    assert.equal(r.text, 'a\uFFFDb');
    assert.deepEqual(seen(bytes('a', 0xf0, 0x9f, 0x8d, 'b')), ['1:2-1:3 error invalid-utf8']);
  });

  it('an overlong encoding', () => {
    // "/" as C0 AF and as E0 80 AF; U+20AC as F0 82 82 AC.
    assert.deepEqual(seen(bytes('a', 0xc0, 0xaf)), ['1:2-1:3 error invalid-utf8']);
    assert.deepEqual(seen(bytes('ab', 0xe0, 0x80, 0xaf)), ['1:3-1:4 error invalid-utf8']);
    assert.deepEqual(seen(bytes('abc', 0xf0, 0x82, 0x82, 0xac)), ['1:4-1:5 error invalid-utf8']);
    assert.match(decodeNeedsBytes(bytes(0xe0, 0x80, 0xaf)).problems[0]?.message ?? '', /0xE0/);
  });

  it('a surrogate code point encoded in UTF-8 (CESU-8 style)', () => {
    // U+D83C U+DF70 (the halves of 🍰) as ED A0 BC ED BD B0.
    const data = bytes('q: ', 0xed, 0xa0, 0xbc, 0xed, 0xbd, 0xb0, '\n');
    assert.deepEqual(seen(data), ['1:4-1:5 error invalid-utf8']);
    assert.match(decodeNeedsBytes(data).problems[0]?.message ?? '', /0xED/);
  });

  it('past U+10FFFF is invalid; U+10FFFF itself and the largest of each length are fine', () => {
    assert.deepEqual(seen(bytes('ab', 0xf4, 0x90, 0x80, 0x80)), ['1:3-1:4 error invalid-utf8']);
    assert.deepEqual(
      seen(bytes(0x7f, 0xdf, 0xbf, 0xed, 0x9f, 0xbf, 0xef, 0xbf, 0xbf, 0xf4, 0x8f, 0xbf, 0xbf)),
      [],
    );
  });

  it('on line 3 after multi-byte characters: the column in UTF-16 code units, not bytes', () => {
    const data = bytes(
      'version: 1\n', // line 1
      'needs:\n', // line 2
      '  - title: Crème brûlée 🍰 caf', // line 3: 11 + 5 + 1 + 6 + 1 + 2 (🍰) + 1 + 3 = 30 units
      0xe9,
      '\n',
    );
    // Column 31, where counting bytes (35 before it on the line) would say 36.
    assert.deepEqual(seen(data), ['3:31-3:32 error invalid-utf8']);
  });

  it('in a CRLF file: the same line and column as with LF', () => {
    const data = bytes('version: 1\r\n', 'needs:\r\n', '  x', 0xff, '\r\n');
    assert.deepEqual(seen(data), ['3:4-3:5 error invalid-utf8']);
  });

  it('several bad bytes: one problem, at the first', () => {
    assert.deepEqual(seen(bytes('a\nb', 0xff, '\n', 0xfe, 0xe9)), ['2:2-2:3 error invalid-utf8']);
  });

  it('the rest of the file still loads', () => {
    const { text, problems } = decodeNeedsBytes(
      bytes(
        'version: 1\nneeds:\n  - id: cafe\n    title: Caf',
        0xe9,
        ' menu\n    evidence:\n      - source: Interviews\n',
      ),
    );
    const result = loadNeedsText(text, { today: '2026-11-26' });
    assert.deepEqual(result.problems, []);
    assert.equal(result.file?.needs[0]?.title, 'Caf\uFFFD menu');
    assert.deepEqual(
      problems.map((p) => p.span.start),
      [{ line: 3, character: 14 }],
    );
  });
});

describe('firstInvalidUtf8 agrees with a strict TextDecoder', () => {
  /** Deterministic noise, biased to bytes of multi-byte sequences. */
  function noise(seed: number, length: number): Uint8Array {
    let x = seed;
    const out = new Uint8Array(length);
    for (let i = 0; i < length; i++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      const r = x >> 8;
      out[i] = r % 3 === 0 ? r % 128 : 0x80 + (r % 128);
    }
    return out;
  }

  it('on 2,000 short random byte strings: the same verdict, and the U+FFFD at the offset', () => {
    const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    const lenient = new TextDecoder('utf-8', { ignoreBOM: true });
    let invalid = 0;
    for (let seed = 1; seed <= 2000; seed++) {
      const data = noise(seed, 1 + (seed % 7));
      const at = firstInvalidUtf8(data);
      let valid = true;
      try {
        strict.decode(data);
      } catch {
        valid = false;
      }
      assert.equal(at === -1, valid, `seed ${seed}: ${Buffer.from(data).toString('hex')}`);
      if (valid) continue;
      invalid++;
      const before = lenient.decode(data.subarray(0, at));
      assert.ok(
        lenient.decode(data).startsWith(before + '\uFFFD'),
        `seed ${seed}: ${Buffer.from(data).toString('hex')} at ${at}`,
      );
    }
    // The noise must exercise both answers.
    assert.ok(invalid > 100 && invalid < 1900, `${invalid} invalid of 2000`);
  });
});
