/**
 * Writing texts into a needs file as YAML scalars that read back as exactly
 * the same text, whatever the user typed: `: ` and ` #` (which would end a
 * plain scalar or start a comment), quotes, line breaks, leading spaces,
 * words YAML reads as booleans or numbers, and characters YAML may not hold.
 */
import { parseDocument } from 'yaml';

/**
 * Plain only for calm text: a letter or digit first, then letters, digits,
 * spaces and a few marks that mean nothing to YAML there. `:` and `#` are
 * never plain, so `a: b` and `a #b` cannot become a mapping or a comment,
 * nor `,` `[` `]` `{` `}`, which end a plain scalar inside `[...]`.
 */
const CALM = /^[\p{L}\p{N}](?:[\p{L}\p{N} ._/'()-]*[\p{L}\p{N}._/')-])?$/u;

/**
 * What YAML may hold inside single quotes: printable, and no line break
 * (surrogates too, as long as they pair up: checked apart).
 */
const SINGLE_QUOTABLE = /^[\t\x20-\x7e\xa0-\u2027\u202a-\ufefe\uff00-\ufffd]*$/;

/**
 * `value` as a YAML scalar that reads back as `value`, in a block mapping or
 * inside a flow collection alike: plain when that is safe, else quoted.
 */
export function yamlScalar(value: string): string {
  if (CALM.test(value) && readsAsText(value)) return value;
  if (SINGLE_QUOTABLE.test(value) && !hasLoneSurrogate(value))
    return `'${value.replace(/'/g, "''")}'`;
  return doubleQuoted(value);
}

/** A flow sequence of texts: `['src/a.ts', saved card]`. */
export function yamlFlowList(values: readonly string[]): string {
  return `[${values.map((v) => yamlScalar(v)).join(', ')}]`;
}

/** YAML 1.2 would read `true`, `null`, `12` or `1e3` as something other than text. */
function readsAsText(value: string): boolean {
  const doc = parseDocument(value);
  return doc.errors.length === 0 && doc.warnings.length === 0 && doc.toJS() === value;
}

/**
 * Double quotes with escapes: the one YAML style that holds any text,
 * line breaks and control characters included, on one line.
 */
function doubleQuoted(value: string): string {
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    const ch = value.charAt(i);
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (
      c < 0x20 ||
      (c >= 0x7f && c <= 0x9f) ||
      c === 0x2028 ||
      c === 0x2029 ||
      c === 0xfeff ||
      c === 0xfffe ||
      c === 0xffff ||
      isLoneSurrogate(value, i)
    )
      out += `\\u${c.toString(16).padStart(4, '0')}`;
    else if (c >= 0xd800 && c <= 0xdbff) {
      // A surrogate pair: both halves together, as written.
      out += value.slice(i, i + 2);
      i++;
    } else out += ch;
  }
  return `${out}"`;
}

function hasLoneSurrogate(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (isLoneSurrogate(value, i)) return true;
  return false;
}

function isLoneSurrogate(value: string, i: number): boolean {
  const c = value.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff) {
    const next = value.charCodeAt(i + 1);
    return !(next >= 0xdc00 && next <= 0xdfff);
  }
  if (c >= 0xdc00 && c <= 0xdfff) {
    const prev = value.charCodeAt(i - 1);
    return !(prev >= 0xd800 && prev <= 0xdbff);
  }
  return false;
}
