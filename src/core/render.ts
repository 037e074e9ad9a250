/**
 * Checklist renderers: Markdown (a GitHub task list for a pull request), JSON
 * (the contract of docs/checklist-json.md) and plain text. The CLI and the editor share
 * them, so a copied checklist equals `outside-in checklist --format markdown`.
 */
import type { Because, Checklist, ChecklistNeed } from './checklist';
import { questionKey } from './checklist';
import { codeSpan, escapeMarkdown, quietReferences } from './markdown';
import { flat } from './present';

/** Which questions are ticked, by `questionKey`; absent means none are. */
export type Ticks = ReadonlySet<string>;

export function renderJson(checklist: Checklist): string {
  return JSON.stringify(checklist, null, 2) + '\n';
}

/** Needs-file text in the pull request: escaped, and quiet about mentions. */
function text(s: string): string {
  return quietReferences(escapeMarkdown(s));
}

export function renderMarkdown(checklist: Checklist, ticks: Ticks = new Set()): string {
  const heading =
    checklist.product === undefined
      ? 'Customer needs this change touches'
      : `${text(checklist.product)}: customer needs this change touches`;
  const out: string[] = [`## ${heading}`, ''];
  out.push(
    `_Outside-In checklist for ${codeSpan(revRange(checklist))}: ${filesLine(checklist)}._`,
    '',
  );
  if (checklist.needs.length === 0) out.push('No customer need relates to the changed files.', '');
  for (const need of checklist.needs) {
    out.push(`### ${text(need.title)} (${need.priority})`, '');
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
      for (const b of need.because) out.push(`- ${codeSpan(where(b))}: ${reason(b)}`);
      out.push('', '</details>', '');
    }
  }
  if (checklist.endedAnnotations !== undefined) {
    out.push('### Code that still speaks for needs this change ends', '');
    for (const e of checklist.endedAnnotations)
      out.push(`- ${codeSpan(where(e))}: ${codeSpan(`@need ${e.id}`)}, ${endedText(e.change)}`);
    out.push('');
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
    need.because.forEach((b, i) =>
      out.push(`  ${i === 0 ? 'why:' : '    '} ${flat(where(b))}: ${reason(b, false)}`),
    );
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

function reason(b: Because, markdown = true): string {
  const match =
    b.match === undefined ? '' : ` ${markdown ? codeSpan(b.match) : `"${flat(b.match)}"`}`;
  const removed = b.removed ? ' (removed line)' : '';
  return `${b.rule}${match}${removed}`;
}
