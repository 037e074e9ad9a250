/**
 * Escaping needs-file text for Markdown. The text is untrusted: it must show
 * literally, never become a link, an image, HTML or a heading.
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
  const flat = text.replace(/[\r\n]+/g, ' ');
  let fence = '`';
  while (flat.includes(fence)) fence += '`';
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat === '' ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
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
