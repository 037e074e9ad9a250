/**
 * How a need is shown to a developer: the hover text, short labels for
 * CodeLens, tree and status bar, the order of needs, and the revisions a
 * checklist names. Pure, so every view says the same thing and it is tested in
 * plain Node. The customer's own words come first; evidence and reasons are
 * worded by phrases.ts.
 */
import { codeSpan, escapeMarkdown, flat } from './markdown';
import type { Link, Need, NeedsFile, Priority } from './model';
import { PRIORITIES } from './model';
import { evidenceLine, linkReason, needEvidence, reasonsPhrase } from './phrases';

export interface PresentOptions {
  /** `YYYY-MM-DD` to age evidence against; default today. */
  readonly today?: string;
  readonly staleDays: number;
  /** A command URI (built by the editor adapter) that opens the need in its file. */
  readonly openLink?: string;
}

/** The hover for one need, with the reasons it relates to the code under the cursor. */
export function needHoverMarkdown(
  need: Need,
  file: NeedsFile,
  reasons: readonly Pick<Link, 'rule' | 'match' | 'line'>[],
  options: PresentOptions,
): string {
  const parts: string[] = [];
  if (need.quote !== undefined && need.quote.trim() !== '')
    parts.push(`> “${escapeMarkdown(need.quote)}”`);
  const persona =
    need.persona !== undefined
      ? (file.personas.get(need.persona)?.name ?? need.persona)
      : undefined;
  const who = persona !== undefined ? ` · ${escapeMarkdown(persona)}` : '';
  parts.push(`**${escapeMarkdown(need.title)}** — ${need.priority}${who} · ${codeSpan(need.id)}`);
  parts.push(evidenceLine(needEvidence(need, options)));
  if (need.signals.length > 0)
    parts.push(need.signals.map((s) => `- Observed: ${escapeMarkdown(s)}`).join('\n'));
  if (need.review.length > 0)
    parts.push(['Ask in review:', ...need.review.map((q) => `- ${escapeMarkdown(q)}`)].join('\n'));
  if (reasons.length > 0) parts.push(`Why: ${reasonsPhrase(reasons.map(linkReason), 'markdown')}`);
  if (options.openLink !== undefined) parts.push(`[Open the need](${options.openLink})`);
  return parts.join('\n\n');
}

/** "Checkout feels instant (high) +2": a CodeLens or status-bar title for several needs. */
export function needsLabel(needs: readonly Need[]): string {
  const sorted = sortByPriority(needs);
  const first = sorted[0];
  if (!first) return 'No customer needs';
  const more = sorted.length > 1 ? ` +${sorted.length - 1}` : '';
  return `${flat(first.title)} (${first.priority})${more}`;
}

/** Critical first, then by id: the one order of every list of needs (checklist, explain, hover, sidebar). */
export function compareNeeds(
  a: Pick<Need, 'priority' | 'id'>,
  b: Pick<Need, 'priority' | 'id'>,
): number {
  return (
    PRIORITIES.indexOf(a.priority) - PRIORITIES.indexOf(b.priority) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** A sorted copy of `needs`, in the order of compareNeeds. */
export function sortByPriority<T extends Pick<Need, 'priority' | 'id'>>(needs: readonly T[]): T[] {
  return [...needs].sort(compareNeeds);
}

/** Whether `priority` is at least `lowest` (critical > high > medium > low). */
export function atLeast(priority: Priority, lowest: Priority): boolean {
  return PRIORITIES.indexOf(priority) <= PRIORITIES.indexOf(lowest);
}

/**
 * How many hex digits of a commit id a person is shown. Twelve, not git's
 * seven: a checklist's heading is pasted into a pull request and read back
 * long after, when a seven-digit id of a large, growing repository may name
 * more than one commit (git lengthens its own abbreviations as a repository
 * grows for that reason); GitHub links an id of any length from seven.
 */
const SHORT_REVISION_DIGITS = 12;

/** A full commit id: SHA-1 (40 hex digits) or SHA-256 (64). */
const FULL_COMMIT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i;

/**
 * A revision as the checklist shows it everywhere (the view, its message, the
 * Markdown heading): a full commit id cut to its first twelve digits; anything
 * else (a branch, an id already short, `WORKTREE`, `INDEX`) as it is.
 */
export function shortRevision(revision: string): string {
  return FULL_COMMIT_ID.test(revision) ? revision.slice(0, SHORT_REVISION_DIGITS) : revision;
}
