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
