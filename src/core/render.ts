/**
 * Checklist renderers: Markdown (a GitHub task list for a pull request), JSON
 * (the contract of docs/checklist-json.md) and plain text. The CLI and the editor share
 * them, so a copied checklist equals `outside-in checklist --format markdown`.
 */
import type { Because, Checklist, ChecklistNeed } from './checklist';
import { questionKey } from './checklist';
import { codeSpan, escapeMarkdown, quietReferences } from './markdown';
import { flat } from './present';
import type { ReasonGroup } from './reasonGroups';
import { groupReasons, linesText, moreReasonsText } from './reasonGroups';

/**
 * GitHub's limit for a pull request comment or description, in characters. A
 * Markdown checklist stays under it, so it can always be pasted or posted.
 */
export const GITHUB_COMMENT_LIMIT = 65_536;

export interface MarkdownOptions {
  /** The most characters the Markdown may have (default: GitHub's comment limit). */
  readonly maxChars?: number;
}

/** Which questions are ticked, by `questionKey`; absent means none are. */
export type Ticks = ReadonlySet<string>;

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
  options: MarkdownOptions = {},
): string {
  const heading =
    checklist.product === undefined
      ? 'Customer needs this change touches'
      : `${text(checklist.product)}: customer needs this change touches`;
  const head: string[] = [`## ${heading}`, ''];
  head.push(
    `_Outside-In checklist for ${codeSpan(revRange(checklist))}: ${filesLine(checklist)}._`,
    '',
  );
  if (checklist.needs.length === 0) head.push('No customer need relates to the changed files.', '');
  const values: string[] = [];
  if (checklist.endedAnnotations !== undefined) {
    values.push('### Code that still speaks for needs this change ends', '');
    for (const e of checklist.endedAnnotations)
      values.push(`- ${codeSpan(where(e))}: ${codeSpan(`@need ${e.id}`)}, ${endedText(e.change)}`);
    values.push('');
  }
  if (checklist.values.length > 0) {
    values.push('### Standing values', '');
    for (const value of checklist.values) {
      values.push(`**${text(value.statement)}** ${codeSpan(value.id)}`, '');
      for (const q of value.review)
        values.push(`- [${ticks.has(questionKey(value.id, q)) ? 'x' : ' '}] ${text(q)}`);
      values.push('');
    }
  }
  // Needs go in priority order until the next would not fit; the values and a
  // note on what was left out always do.
  const limit = options.maxChars ?? GITHUB_COMMENT_LIMIT;
  const room = limit - size(head) - size(values) - LEFT_OUT_ROOM;
  const body: string[] = [];
  let used = 0;
  let shown = 0;
  for (const need of checklist.needs) {
    const section = needSection(need, ticks);
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
  const out = [...head, ...body, ...values].join('\n');
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

function needSection(need: ChecklistNeed, ticks: Ticks): string[] {
  const out: string[] = [`### ${text(need.title)} (${need.priority})`, ''];
  if (need.quote !== undefined) out.push(`> “${text(need.quote)}”`, '');
  const who = need.persona !== undefined ? `${text(need.personaName ?? need.persona)} · ` : '';
  out.push(`${who}${evidenceLine(need, true)} · ${codeSpan(need.id)}`, '');
  for (const signal of need.signals) out.push(`- Observed: ${text(signal)}`);
  if (need.signals.length > 0) out.push('');
  for (const q of need.review)
    out.push(`- [${ticks.has(questionKey(need.id, q)) ? 'x' : ' '}] ${text(q)}`);
  if (need.review.length === 0)
    out.push('- [ ] (no review questions: ask whether this change still serves the need)');
  out.push('');
  if (need.changed) {
    out.push(`**${changedLine(need)}** ${suspectLine(need)}`, '');
    for (const s of need.suspects ?? []) out.push(`- ${codeSpan(where(s))}: ${s.rule}`);
    if (need.suspectsMore) out.push(`- and ${need.suspectsMore} more`);
    if (need.suspects?.length) out.push('');
  }
  if (need.because.length > 0) {
    out.push('<details><summary>Why this need</summary>', '');
    const grouped = groupReasons(need.because);
    for (const g of grouped.groups) out.push(`- ${groupMarkdown(g)}`);
    const more = moreReasonsText(grouped);
    if (more !== undefined) out.push(`- _${more}_`);
    out.push('', '</details>', '');
  }
  return out;
}

export function renderText(checklist: Checklist): string {
  const range =
    checklist.product === undefined
      ? revRange(checklist)
      : `${flat(checklist.product)} (${revRange(checklist)})`;
  const out: string[] = [`Outside-In checklist for ${range}: ${filesLine(checklist)}`, ''];
  if (checklist.needs.length === 0) out.push('No customer need relates to the changed files.', '');
  for (const need of checklist.needs) {
    const who = need.persona !== undefined ? ` (${flat(need.personaName ?? need.persona)})` : '';
    out.push(`[${need.priority}] ${flat(need.title)}${who}  ${need.id}`);
    if (need.quote !== undefined) out.push(`  “${flat(need.quote)}”`);
    out.push(`  ${evidenceLine(need, false)}`);
    for (const signal of need.signals) out.push(`  observed: ${flat(signal)}`);
    for (const q of need.review) out.push(`  [ ] ${flat(q)}`);
    // A changed file's name comes from the diff: it may hold terminal escapes too.
    const grouped = groupReasons(need.because);
    grouped.groups.forEach((g, i) => out.push(`  ${i === 0 ? 'why:' : '    '} ${groupText(g)}`));
    const more = moreReasonsText(grouped);
    if (more !== undefined) out.push(`       ${more}`);
    if (need.changed) {
      out.push(`  ${changedLine(need)} ${suspectLine(need)}`);
      for (const s of need.suspects ?? []) out.push(`    ${flat(where(s))}: ${s.rule}`);
      if (need.suspectsMore) out.push(`    and ${need.suspectsMore} more`);
    }
    out.push('');
  }
  if (checklist.endedAnnotations !== undefined) {
    out.push('Code that still speaks for needs this change ends');
    for (const e of checklist.endedAnnotations)
      out.push(`  ${flat(where(e))}: @need ${flat(e.id)}, ${endedText(e.change)}`);
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
  return `${short(c.base)}...${short(c.head)}`;
}

function short(rev: string): string {
  return /^[0-9a-f]{40}$/.test(rev) ? rev.slice(0, 12) : rev;
}

function filesLine(c: Checklist): string {
  const f = c.files;
  const parts = [
    `${f.changed} changed ${f.changed === 1 ? 'file' : 'files'}, ${f.related} related to customer needs`,
  ];
  // Say what was not looked at, never hide it.
  if (f.binary > 0) parts.push(`${f.binary} binary (matched by path only)`);
  if (f.excluded > 0) parts.push(`${f.excluded} in excluded folders (not checked)`);
  return parts.join('; ');
}

function evidenceLine(need: ChecklistNeed, markdown: boolean): string {
  if (need.evidenceCount === 0) {
    const label = markdown ? '**Assumption**' : 'ASSUMPTION';
    return `${label}: rests on no evidence`;
  }
  const stale = need.stale ? ' (stale: re-validate with customers)' : '';
  const newest = need.newestEvidence !== undefined ? `, newest ${need.newestEvidence}${stale}` : '';
  const n = need.evidenceCount;
  return `${need.status}, ${n} ${n === 1 ? 'piece' : 'pieces'} of evidence${newest}`;
}

/** One group in Markdown: `file:line`: rule, or `file`: rule on lines 1, 2 and 3 more. */
function groupMarkdown(g: ReasonGroup): string {
  const one = g.lines.length === 1 && g.moreLines === 0;
  return `${codeSpan(one ? `${g.file}:${g.lines[0]}` : g.file)}: ${groupReason(g, one, true)}`;
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

function where(b: { file: string; line?: number }): string {
  return b.line === undefined ? b.file : `${b.file}:${b.line}`;
}

function groupText(g: ReasonGroup): string {
  const one = g.lines.length === 1 && g.moreLines === 0;
  return `${flat(one ? `${g.file}:${g.lines[0]}` : g.file)}: ${groupReason(g, one, false)}`;
}

function groupReason(g: ReasonGroup, one: boolean, markdown: boolean): string {
  if (one || g.lines.length === 0) return reason(g, markdown);
  const rule = reason({ rule: g.rule, match: g.match }, markdown);
  return `${rule} on ${g.removed ? 'removed ' : ''}lines ${linesText(g)}`;
}

function reason(
  b: Pick<Because | ReasonGroup, 'rule' | 'match' | 'removed'>,
  markdown = true,
): string {
  const match =
    b.match === undefined ? '' : ` ${markdown ? codeSpan(b.match) : `"${flat(b.match)}"`}`;
  const removed = b.removed ? ' (removed line)' : '';
  return `${b.rule}${match}${removed}`;
}
