/**
 * Checklist renderers: Markdown (a GitHub task list for a pull request), JSON
 * (the contract of docs/checklist-json.md) and plain text. The CLI and the editor share
 * them, so a copied checklist equals `outside-in checklist --format markdown`.
 * Wording comes from phrases.ts; a need's reasons are grouped per file
 * (reasonGroups.ts), so a big change still reads as a list of files.
 */
import type { Checklist, ChecklistNeed } from './checklist';
import { questionKey } from './checklist';
import { codeSpan, escapeMarkdown, flat, quietReferences } from './markdown';
import type { PhraseStyle } from './phrases';
import {
  NO_RELATED_NEEDS,
  changedFilesPhrase,
  checklistEvidence,
  evidenceLine,
  groupPhrase,
  reasonPhrase,
  wherePhrase,
} from './phrases';
import { shortRevision } from './present';
import type { ReasonGroup } from './reasonGroups';
import { groupReasons, moreReasonsText } from './reasonGroups';

/** Which questions are ticked, by `questionKey`; absent means none are. */
export type Ticks = ReadonlySet<string>;

/**
 * GitHub's limit for a pull request comment or description, in characters. A
 * Markdown checklist stays under it, so it can always be pasted or posted.
 */
export const GITHUB_COMMENT_LIMIT = 65_536;

export interface RenderOptions {
  /** `YYYY-MM-DD` the evidence is aged against; default today. */
  readonly today?: string;
  /** Markdown only: the most characters it may have (default: GitHub's comment limit). */
  readonly maxChars?: number;
}

export function renderJson(checklist: Checklist): string {
  return JSON.stringify(checklist, null, 2) + '\n';
}

/** Needs-file text in the pull request: escaped, and quiet about mentions. */
function text(s: string): string {
  return quietReferences(escapeMarkdown(s));
}

export function renderMarkdown(
  checklist: Checklist,
  ticks: Ticks = new Set(),
  options: RenderOptions = {},
): string {
  const heading =
    checklist.product === undefined
      ? 'Customer needs this change touches'
      : `${text(checklist.product)}: customer needs this change touches`;
  const head: string[] = [`## ${heading}`, ''];
  head.push(
    `_Outside-In checklist for ${codeSpan(revRange(checklist))}: ${changedFilesPhrase(checklist.files)}._`,
    '',
  );
  if (checklist.needs.length === 0) head.push(NO_RELATED_NEEDS, '');
  // What always stays: code that still speaks for ended needs, and the values.
  const tail: string[] = [];
  if (checklist.endedAnnotations !== undefined) {
    tail.push('### Code that still speaks for needs this change ends', '');
    for (const e of checklist.endedAnnotations)
      tail.push(
        `- ${codeSpan(wherePhrase(e))}: ${codeSpan(`@need ${e.id}`)}, ${endedText(e.change)}`,
      );
    tail.push('');
  }
  if (checklist.values.length > 0) {
    tail.push('### Standing values', '');
    for (const value of checklist.values) {
      tail.push(`**${text(value.statement)}** ${codeSpan(value.id)}`, '');
      for (const q of value.review)
        tail.push(`- [${ticks.has(questionKey(value.id, q)) ? 'x' : ' '}] ${text(q)}`);
      tail.push('');
    }
  }
  // Needs go in priority order until the next would not fit; a note says how
  // many were left out.
  const limit = options.maxChars ?? GITHUB_COMMENT_LIMIT;
  const room = limit - size(head) - size(tail) - LEFT_OUT_ROOM;
  const body: string[] = [];
  let used = 0;
  let shown = 0;
  for (const need of checklist.needs) {
    const section = needSection(need, ticks, options.today);
    if (used + size(section) > room) break;
    body.push(...section);
    used += size(section);
    shown++;
  }
  const left = checklist.needs.length - shown;
  if (left > 0)
    body.push(
      `_${left} more ${left === 1 ? 'need' : 'needs'} of lower or equal priority did not fit in ${limit.toLocaleString('en-US')} characters: \`outside-in checklist --format json\` lists every need._`,
      '',
    );
  const out = [...head, ...body, ...tail].join('\n');
  return out.length <= limit ? out : cutAtLine(out, limit);
}

/** Room kept for the note on needs left out. */
const LEFT_OUT_ROOM = 200;

function size(lines: readonly string[]): number {
  return lines.reduce((n, line) => n + line.length + 1, 0);
}

/** The last resort when even the heading and the values are too long (absurd needs files). */
function cutAtLine(markdown: string, limit: number): string {
  const note = '\n\n_The checklist was cut here: it is longer than the limit._\n';
  const cut = markdown.lastIndexOf('\n', limit - note.length);
  return markdown.slice(0, Math.max(0, cut)) + note;
}

function needSection(need: ChecklistNeed, ticks: Ticks, today: string | undefined): string[] {
  const out: string[] = [`### ${text(need.title)} (${need.priority})`, ''];
  if (need.quote !== undefined) out.push(`> “${text(need.quote)}”`, '');
  const who = need.persona !== undefined ? `${text(need.personaName ?? need.persona)} · ` : '';
  const evidence = evidenceLine(checklistEvidence(need, today));
  out.push(`${who}${evidence} · ${codeSpan(need.id)}`, '');
  for (const signal of need.signals) out.push(`- Observed: ${text(signal)}`);
  if (need.signals.length > 0) out.push('');
  for (const q of need.review)
    out.push(`- [${ticks.has(questionKey(need.id, q)) ? 'x' : ' '}] ${text(q)}`);
  if (need.review.length === 0)
    out.push('- [ ] (no review questions: ask whether this change still serves the need)');
  out.push('');
  if (need.changed) {
    out.push(`**${changedLine(need)}** ${suspectLine(need)}`, '');
    for (const g of suspectGroups(need)) out.push(`- ${groupLine(g, 'markdown')}`);
    if (need.suspectsMore) out.push(`- and ${need.suspectsMore} more`);
    if (need.suspects?.length) out.push('');
  }
  if (need.because.length > 0) {
    out.push('<details><summary>Why this need</summary>', '');
    const grouped = groupReasons(need.because);
    for (const g of grouped.groups) out.push(`- ${groupLine(g, 'markdown')}`);
    const more = moreReasonsText(grouped);
    if (more !== undefined) out.push(`- _${more}_`);
    out.push('', '</details>', '');
  }
  return out;
}

export function renderText(checklist: Checklist, options: RenderOptions = {}): string {
  const range =
    checklist.product === undefined
      ? revRange(checklist)
      : `${flat(checklist.product)} (${revRange(checklist)})`;
  const out: string[] = [
    `Outside-In checklist for ${range}: ${changedFilesPhrase(checklist.files)}`,
    '',
  ];
  if (checklist.needs.length === 0) out.push(NO_RELATED_NEEDS, '');
  for (const need of checklist.needs) {
    const who = need.persona !== undefined ? ` (${flat(need.personaName ?? need.persona)})` : '';
    out.push(`[${need.priority}] ${flat(need.title)}${who}  ${need.id}`);
    if (need.quote !== undefined) out.push(`  “${flat(need.quote)}”`);
    out.push(`  ${evidenceLine(checklistEvidence(need, options.today))}`);
    for (const signal of need.signals) out.push(`  observed: ${flat(signal)}`);
    for (const q of need.review) out.push(`  [ ] ${flat(q)}`);
    const grouped = groupReasons(need.because);
    grouped.groups.forEach((g, i) =>
      out.push(`  ${i === 0 ? 'why:' : '    '} ${groupLine(g, 'text')}`),
    );
    const more = moreReasonsText(grouped);
    if (more !== undefined) out.push(`       ${more}`);
    if (need.changed) {
      out.push(`  ${changedLine(need)} ${suspectLine(need)}`);
      for (const g of suspectGroups(need)) out.push(`    ${groupLine(g, 'text')}`);
      if (need.suspectsMore) out.push(`    and ${need.suspectsMore} more`);
    }
    out.push('');
  }
  if (checklist.endedAnnotations !== undefined) {
    out.push('Code that still speaks for needs this change ends');
    for (const e of checklist.endedAnnotations)
      out.push(`  ${flat(wherePhrase(e))}: @need ${flat(e.id)}, ${endedText(e.change)}`);
    out.push('');
  }
  if (checklist.values.length > 0) {
    out.push('Standing values');
    for (const value of checklist.values) {
      out.push(`  ${flat(value.statement)}  ${value.id}`);
      for (const q of value.review) out.push(`  [ ] ${flat(q)}`);
    }
    out.push('');
  }
  return out.join('\n');
}

function revRange(c: Checklist): string {
  return `${shortRevision(c.base)}...${shortRevision(c.head)}`;
}

/**
 * One group: `file:line`: reason for a single line, else `file`: reason on
 * lines 1, 2 and 3 more. A changed file's name comes from the diff: in text it
 * is flattened, since it may hold terminal escapes too.
 */
function groupLine(g: ReasonGroup, style: PhraseStyle): string {
  const one = g.lines.length === 1 && g.moreLines === 0;
  const where = one ? `${g.file}:${g.lines[0]}` : g.file;
  const at = style === 'markdown' ? codeSpan(where) : flat(where);
  const removed = g.removed ? { removed: true as const } : {};
  if (one) return `${at}: ${reasonPhrase({ rule: g.rule, match: g.match, ...removed }, style)}`;
  return `${at}: ${groupPhrase(g, style)}`;
}

/** A changed need's suspects per file and rule; the checklist caps them already, so all show. */
function suspectGroups(need: ChecklistNeed): readonly ReasonGroup[] {
  const suspects = need.suspects ?? [];
  return groupReasons(suspects, { groups: suspects.length, lines: 8 }).groups;
}

/** What a changed need's entry says first: the need changed, and how. */
function changedLine(need: ChecklistNeed): string {
  return `This change edits the need: ${(need.changedFields ?? []).join(', ')}.`;
}

/** Then what that means for the code written for it, listed after this line. */
function suspectLine(need: ChecklistNeed): string {
  return need.suspects?.length
    ? 'Does the code written for it still serve what it now says?'
    : 'No code links to it.';
}

function endedText(change: 'removed' | 'retired'): string {
  return `a need this change ${change}: remove the annotation, or name the need that replaces it`;
}
