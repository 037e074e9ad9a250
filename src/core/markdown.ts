/**
 * Needs-file text made safe to show: escaped for Markdown (it must show
 * literally, never become a link, an image, HTML or a heading) or flattened to
 * one plain line. The text is untrusted.
 */

const SPECIAL = /[\\`*_[\]<>&|~#]/g;

/** Inline text: Markdown and HTML specials escaped, line breaks folded to spaces. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(SPECIAL, (c) => `\\${c}`);
}

/** A code span that holds `text` whatever backticks it contains. */
export function codeSpan(text: string): string {
  const line = text.replace(/[\r\n]+/g, ' ');
  let fence = '`';
  while (line.includes(fence)) fence += '`';
  const pad = line.startsWith('`') || line.endsWith('`') || line === '' ? ' ' : '';
  return `${fence}${pad}${line}${pad}${fence}`;
}

/**
 * For Markdown pasted into a pull request: a word joiner (U+2060, invisible)
 * after an `@` or `#` that GitHub would read as a mention (`@alice`,
 * `@org/team`) or an issue reference (`#12`), so a needs file cannot notify
 * people or cross-link issues from every pull request. An e-mail address
 * (`@` after a word character) is no mention and is left alone.
 */
export function quietReferences(text: string): string {
  return text.replace(/(?<!\w)(@(?=[A-Za-z0-9])|#(?=\d))/g, '$1\u2060');
}

/** Plain one-line text for labels (CodeLens, tree, quick pick): no control characters. */
export function flat(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    .trim();
}
