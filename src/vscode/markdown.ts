/**
 * Needs-file text rendered as hover Markdown. Pure (no `vscode` import) so it
 * is tested in plain Node. Everything that comes from the needs file is
 * escaped: the file is repository content, and a hover must never turn it into
 * links, images, HTML or commands.
 */
import type { Need } from '../core/model';

// CommonMark lets a backslash escape any ASCII punctuation, so escaping all of
// it is both safe and exact: the reader sees the original characters.
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;

/** `text` as literal Markdown text, on one line. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(ASCII_PUNCTUATION, (c) => `\\${c}`);
}

/** `text` as a Markdown block quote; the quote's own line breaks are kept. */
function blockQuote(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => `> ${escapeMarkdown(line)}`)
    .join('\n>\n');
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** The hover for a need: its title, priority and status, and the customer's words. */
export function needHoverMarkdown(need: Need): string {
  const parts = [
    `**${escapeMarkdown(need.title)}**`,
    `${capitalize(need.priority)} priority · ${need.status} · ${escapeMarkdown(need.id)}`,
  ];
  if (need.quote !== undefined && need.quote.trim() !== '') {
    parts.push(blockQuote(`“${need.quote.trim()}”`));
  }
  return parts.join('\n\n');
}
