/**
 * Splitting code and prose into comparable tokens, exactly as docs/needs-file.md says:
 * identifiers break at camelCase, PascalCase, snake_case, kebab-case and digits,
 * and tokens compare case-insensitively. One pass over the text; no regular
 * expression is ever built from needs-file text.
 */

/** A lower-cased token and where it stands in the text (end exclusive). */
export interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

const enum Kind {
  Other,
  Upper,
  Lower,
  Digit,
}

/** The kind of code point `code`; takes a number so ASCII needs no one-character string. */
function kindOf(code: number): Kind {
  // ASCII fast path: almost all code is ASCII.
  if (code < 128) {
    if (code >= 97 && code <= 122) return Kind.Lower;
    if (code >= 65 && code <= 90) return Kind.Upper;
    if (code >= 48 && code <= 57) return Kind.Digit;
    return Kind.Other;
  }
  const ch = String.fromCodePoint(code);
  if (/\p{Nd}/u.test(ch)) return Kind.Digit;
  if (/\p{Lu}|\p{Lt}/u.test(ch)) return Kind.Upper;
  if (/\p{L}|\p{M}/u.test(ch)) return Kind.Lower;
  return Kind.Other;
}

/**
 * Tokens of `text` in order. `HTTPServer2Go` gives `http`, `server`, `2`, `go`;
 * `saved_card` and `saved-card` give `saved`, `card`.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let start = -1;
  let prev = Kind.Other;
  const push = (end: number): void => {
    if (start >= 0 && end > start) {
      tokens.push({ text: text.slice(start, end).toLowerCase(), start, end });
    }
  };
  // Iterate by code point so astral letters stay whole.
  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    const kind = kindOf(cp);
    if (kind === Kind.Other) {
      push(i);
      start = -1;
    } else if (start < 0) {
      start = i;
    } else if (breaksBefore(prev, kind, text, i + width)) {
      push(i);
      start = i;
    }
    prev = kind;
    i += width;
  }
  push(text.length);
  return tokens;
}

function breaksBefore(prev: Kind, kind: Kind, text: string, next: number): boolean {
  if (prev === Kind.Digit) return kind !== Kind.Digit;
  if (kind === Kind.Digit) return true;
  // camelCase: a lower letter followed by an upper one.
  if (prev === Kind.Lower && kind === Kind.Upper) return true;
  // An acronym ends where an upper letter starts a lower-case word: HTTPServer.
  if (prev === Kind.Upper && kind === Kind.Upper && next < text.length) {
    return kindOf(text.codePointAt(next) ?? 0) === Kind.Lower;
  }
  return false;
}

/** A keyword from a needs file, ready to compare against tokens. */
export interface KeywordPattern {
  readonly tokens: readonly string[];
  /** True for a trailing `*`: the last token matches any token it prefixes. */
  readonly prefix: boolean;
}

/**
 * Compiles a keyword (`saved card`, `pay*`) into tokens. Returns undefined when
 * it holds no letter or digit, which the loader reports.
 */
export function keywordPattern(keyword: string): KeywordPattern | undefined {
  const trimmed = keyword.trim();
  const prefix = trimmed.endsWith('*');
  const tokens = tokenize(prefix ? trimmed.slice(0, -1) : trimmed).map((t) => t.text);
  if (tokens.length === 0) return undefined;
  return { tokens, prefix };
}
