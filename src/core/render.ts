/**
 * Checklist renderers: Markdown (a GitHub task list for a pull request), JSON
 * (the contract of docs/checklist-json.md) and plain text. The CLI and the editor share
 * them, so a copied checklist equals `outside-in checklist --format markdown`.
 */
import type { Checklist } from './checklist';
import { questionKey } from './checklist';
import { codeSpan, escapeMarkdown, flat, quietReferences } from './markdown';
import {
  NO_RELATED_NEEDS,
  changedFilesPhrase,
  checklistEvidence,
  evidenceLine,
  reasonPhrase,
  wherePhrase,
} from './phrases';
import { shortRevision } from './present';

/** Which questions are ticked, by `questionKey`; absent means none are. */
export type Ticks = ReadonlySet<string>;

export interface RenderOptions {
  /** `YYYY-MM-DD` the evidence is aged against; default today. */
  readonly today?: string;
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
  const out: string[] = [`## ${heading}`, ''];
  out.push(
    `_Outside-In checklist for ${codeSpan(revRange(checklist))}: ${changedFilesPhrase(checklist.files)}._`,
    '',
  );
  if (checklist.needs.length === 0) out.push(NO_RELATED_NEEDS, '');
  for (const need of checklist.needs) {
    out.push(`### ${text(need.title)} (${need.priority})`, '');
    if (need.quote !== undefined) out.push(`> “${text(need.quote)}”`, '');
    const who = need.persona !== undefined ? `${text(need.personaName ?? need.persona)} · ` : '';
    const evidence = evidenceLine(checklistEvidence(need, options.today));
    out.push(`${who}${evidence} · ${codeSpan(need.id)}`, '');
    for (const signal of need.signals) out.push(`- Observed: ${text(signal)}`);
    if (need.signals.length > 0) out.push('');
    for (const q of need.review)
      out.push(`- [${ticks.has(questionKey(need.id, q)) ? 'x' : ' '}] ${text(q)}`);
    if (need.review.length === 0)
      out.push('- [ ] (no review questions: ask whether this change still serves the need)');
    out.push('', '<details><summary>Why this need</summary>', '');
    for (const b of need.because)
      out.push(`- ${codeSpan(wherePhrase(b))}: ${reasonPhrase(b, 'markdown')}`);
    out.push('', '</details>', '');
  }
  if (checklist.values.length > 0) {
    out.push('### Standing values', '');
    for (const value of checklist.values) {
      out.push(`**${text(value.statement)}** ${codeSpan(value.id)}`, '');
      for (const q of value.review)
        out.push(`- [${ticks.has(questionKey(value.id, q)) ? 'x' : ' '}] ${text(q)}`);
      out.push('');
    }
  }
  return out.join('\n');
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
    // A changed file's name comes from the diff: it may hold terminal escapes too.
    need.because.forEach((b, i) =>
      out.push(
        `  ${i === 0 ? 'why:' : '    '} ${flat(wherePhrase(b))}: ${reasonPhrase(b, 'text')}`,
      ),
    );
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
