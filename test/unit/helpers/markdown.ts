/**
 * Reading the repository's Markdown documents in tests: a section under a
 * heading, the fenced code blocks in it, and the rows of its tables. Small on
 * purpose: the documents are ours, written to be read this way.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from './runCli';

/** A document of the repository, by its path relative to the root. */
export function readDoc(rel: string): string {
  return readFileSync(path.join(REPO_ROOT, rel), 'utf8').replace(/\r\n/g, '\n');
}

/** The text under `heading` (a whole heading line, e.g. `## Problems`) up to the next heading of its level or above. */
export function section(markdown: string, heading: string): string {
  const lines = markdown.split('\n');
  const start = lines.indexOf(heading);
  assert.ok(start >= 0, `no heading "${heading}"`);
  const level = /^#+/.exec(heading)?.[0].length ?? 1;
  let end = start + 1;
  while (end < lines.length) {
    const m = /^(#+) /.exec(lines[end] as string);
    if (m && (m[1] as string).length <= level && !insideFence(lines, end)) break;
    end++;
  }
  return lines.slice(start + 1, end).join('\n');
}

/** Whether line `i` stands inside a fenced code block (a YAML comment starts with `#` too). */
function insideFence(lines: readonly string[], i: number): boolean {
  let inside = false;
  for (let j = 0; j < i; j++) if ((lines[j] as string).startsWith('```')) inside = !inside;
  return inside;
}

/** The fenced code blocks of `markdown` written in `language`, in order. */
export function fencedBlocks(markdown: string, language: string): string[] {
  const blocks: string[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] !== '```' + language) continue;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i] !== '```'; i++) body.push(lines[i] as string);
    blocks.push(body.join('\n') + '\n');
  }
  return blocks;
}

/** The first fenced block in `language` under `heading`. */
export function firstBlock(markdown: string, heading: string, language: string): string {
  const block = fencedBlocks(section(markdown, heading), language)[0];
  assert.ok(block !== undefined, `no \`\`\`${language} block under "${heading}"`);
  return block;
}

/**
 * The body rows of the table whose header cells are `header` (exactly, in
 * order), each row as its cells' text.
 */
export function tableRows(markdown: string, header: readonly string[]): string[][] {
  const lines = markdown.split('\n');
  const at = lines.findIndex((l) => l.startsWith('|') && sameCells(cells(l), header));
  assert.ok(at >= 0, `no table with the header | ${header.join(' | ')} |`);
  const rows: string[][] = [];
  for (let i = at + 2; i < lines.length && (lines[i] as string).startsWith('|'); i++)
    rows.push(cells(lines[i] as string));
  return rows;
}

function cells(line: string): string[] {
  return line
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((c) => c.trim());
}

function sameCells(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((c, i) => c === b[i]);
}

/** `markdown` without its fenced code blocks. */
function prose(markdown: string): string {
  return markdown.replace(/^```[^\n]*\n[\s\S]*?^```$/gm, '');
}

/** The texts of the code spans in a piece of Markdown, in order (code blocks left out). */
export function codeSpans(text: string): string[] {
  return [...prose(text).matchAll(/`([^`]+)`/g)].map((m) => m[1] as string);
}

/** Every link target in `markdown` (`[text](target)`), code blocks left out. */
export function linkTargets(markdown: string): string[] {
  return [...prose(markdown).matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1] as string);
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as `-`. */
export function headingAnchor(heading: string): string {
  return heading
    .replace(/^#+ /, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The anchors of every heading of `markdown`. */
export function anchors(markdown: string): Set<string> {
  const lines = markdown.split('\n');
  const out = new Set<string>();
  lines.forEach((line, i) => {
    if (/^#+ /.test(line) && !insideFence(lines, i)) out.add(headingAnchor(line));
  });
  return out;
}
