/**
 * How to write `@need id` as a comment in a language, by VS Code language id:
 * a line comment where the language has one, a block comment where it has
 * none (CSS, HTML, Markdown), the bare text in plain text, and nothing where
 * any text outside the data would break the file (JSON).
 */

/** The comment markers of a language: `open` and, for a block comment, `close`. */
export interface CommentSyntax {
  readonly open: string;
  readonly close?: string;
}

const SLASHES: CommentSyntax = { open: '//' };
const HASH: CommentSyntax = { open: '#' };
const DASHES: CommentSyntax = { open: '--' };
const SEMICOLON: CommentSyntax = { open: ';' };
const PERCENT: CommentSyntax = { open: '%' };
const SLASH_STAR: CommentSyntax = { open: '/*', close: '*/' };
const ANGLE: CommentSyntax = { open: '<!--', close: '-->' };

const BY_LANGUAGE: Readonly<Record<string, CommentSyntax>> = {
  c: SLASHES,
  cpp: SLASHES,
  csharp: SLASHES,
  cuda: SLASHES,
  dart: SLASHES,
  fsharp: SLASHES,
  go: SLASHES,
  groovy: SLASHES,
  java: SLASHES,
  javascript: SLASHES,
  javascriptreact: SLASHES,
  jsonc: SLASHES,
  kotlin: SLASHES,
  less: SLASHES,
  'objective-c': SLASHES,
  'objective-cpp': SLASHES,
  php: SLASHES,
  proto: SLASHES,
  rust: SLASHES,
  scala: SLASHES,
  scss: SLASHES,
  swift: SLASHES,
  typescript: SLASHES,
  typescriptreact: SLASHES,
  zig: SLASHES,
  coffeescript: HASH,
  dockerfile: HASH,
  elixir: HASH,
  graphql: HASH,
  julia: HASH,
  makefile: HASH,
  perl: HASH,
  powershell: HASH,
  properties: HASH,
  python: HASH,
  r: HASH,
  ruby: HASH,
  shellscript: HASH,
  terraform: HASH,
  toml: HASH,
  yaml: HASH,
  elm: DASHES,
  haskell: DASHES,
  lua: DASHES,
  sql: DASHES,
  clojure: SEMICOLON,
  ini: SEMICOLON,
  lisp: SEMICOLON,
  scheme: SEMICOLON,
  erlang: PERCENT,
  latex: PERCENT,
  matlab: PERCENT,
  tex: PERCENT,
  bat: { open: 'REM' },
  vb: { open: "'" },
  css: SLASH_STAR,
  html: ANGLE,
  markdown: ANGLE,
  svelte: ANGLE,
  vue: ANGLE,
  xml: ANGLE,
  xsl: ANGLE,
  razor: { open: '@*', close: '*@' },
};

/** Files that are prose: the annotation stands as it is. */
const BARE = new Set(['plaintext']);
/** Files where text outside the data is an error: no annotation can go in. */
const NO_COMMENTS = new Set(['json', 'jsonl']);

/**
 * The comment syntax of `languageId`: `//` for a language not in the table
 * (most languages have it), `{ open: '' }` for plain text, undefined for a
 * language with no comments at all.
 */
export function commentSyntax(languageId: string): CommentSyntax | undefined {
  if (NO_COMMENTS.has(languageId)) return undefined;
  if (BARE.has(languageId)) return { open: '' };
  return BY_LANGUAGE[languageId] ?? SLASHES;
}

/**
 * The line to put above a line of code that starts with `indent`: `@need id`
 * in the language's comment, at the same indentation, ending with `eol`;
 * undefined when the language has no comments.
 */
export function annotationLine(
  languageId: string,
  indent: string,
  id: string,
  eol: string,
): string | undefined {
  const syntax = commentSyntax(languageId);
  if (syntax === undefined) return undefined;
  const open = syntax.open === '' ? '' : `${syntax.open} `;
  const close = syntax.close === undefined ? '' : ` ${syntax.close}`;
  return `${indent}${open}@need ${id}${close}${eol}`;
}

/** The whitespace a line starts with. */
export function lineIndent(lineText: string): string {
  return /^[ \t]*/.exec(lineText)?.[0] ?? '';
}
