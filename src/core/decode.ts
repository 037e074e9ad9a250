/**
 * A needs file's bytes to text. Bytes that are not UTF-8 still decode (each bad
 * sequence becomes U+FFFD, as editors show it) so the rest of the file loads,
 * but the first of them is reported where it stands, instead of a title or a
 * keyword silently holding a `�`.
 */
import type { Problem } from './model';

export const INVALID_UTF8 = 'invalid-utf8';

/** The text of a needs file and, when its bytes are not UTF-8, the one problem saying so. */
export interface DecodedText {
  /** Without a leading byte-order mark, as the loader expects. */
  readonly text: string;
  /** Empty, or one `invalid-utf8` error at the first bad byte. */
  readonly problems: readonly Problem[];
}

/**
 * Decodes a needs file's bytes as UTF-8. A leading byte-order mark is dropped
 * (an editor's habit, not content); lines and columns of the problem count the
 * text after it, in UTF-16 code units like every other span.
 */
export function decodeNeedsBytes(bytes: Uint8Array): DecodedText {
  // One native pass for the usual, valid file; the default drops the BOM.
  const text = new TextDecoder('utf-8').decode(bytes);
  const bad = firstInvalidUtf8(bytes);
  if (bad < 0) return { text, problems: [] };
  // The bytes before the bad one are valid, so they decode to exactly the text
  // in front of the first U+FFFD.
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, bad));
  const lineStart = before.lastIndexOf('\n') + 1;
  let line = 0;
  for (let i = before.indexOf('\n'); i >= 0; i = before.indexOf('\n', i + 1)) line++;
  const start = { line, character: before.length - lineStart };
  const byte = (bytes[bad] as number).toString(16).toUpperCase().padStart(2, '0');
  return {
    text,
    problems: [
      {
        severity: 'error',
        rule: INVALID_UTF8,
        message: `Byte 0x${byte} is not valid UTF-8 (the first such byte in the file) and is shown as \uFFFD: save the file as UTF-8.`,
        span: { start, end: { line, character: start.character + 1 } },
      },
    ],
  };
}

/**
 * The offset of the first byte that does not start a well-formed UTF-8
 * sequence (Unicode Table 3-7: no overlong forms, no surrogates, nothing past
 * U+10FFFF, no sequence cut short), or -1 when every byte is well-formed.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    // The second byte's range is narrower after E0, ED, F0 and F4.
    let follow: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) follow = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      follow = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      follow = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= follow; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < lo || c > hi) return i;
      lo = 0x80;
      hi = 0xbf;
    }
    i += follow + 1;
  }
  return -1;
}
