/**
 * What a reviewer chose to review, and the editor's pure rules around it:
 * reading a stored choice back, naming a review in the view and for its
 * persisted ticks. What a choice means in git is core's (changeChoice.ts). No
 * `vscode` here, so the unit tests run in plain Node.
 */
import type { ChangeChoice } from '../../core/changeChoice';
import { parseRange } from '../../core/changeChoice';
import { shortRevision } from '../../core/present';

/**
 * The change under review, as chosen in the quick pick (or passed to the
 * command) and stored per repository: every choice but the command line's
 * `compare`.
 */
export type ReviewChoice = Exclude<ChangeChoice, { readonly mode: 'compare' }>;

/**
 * What the checklist's message calls the change under review: what the
 * reviewer chose, and the commits it came to (`base`, `head`), all short. The
 * view's header names the commits too, but a view alone in the panel shows no
 * header. A range typed as the very commit ids it came to is named once.
 */
export function describeReview(choice: ReviewChoice, base: string, head: string): string {
  const revisions = `${shortRevision(base)}...${shortRevision(head)}`;
  switch (choice.mode) {
    case 'branch':
      return `${choice.base === undefined ? 'Branch against its base' : `Branch against ${choice.base}`} (${revisions})`;
    case 'uncommitted':
      return `Uncommitted changes (${revisions})`;
    case 'staged':
      return `Staged changes (${revisions})`;
    case 'range': {
      const typed = parseRange(choice.range);
      if ('error' in typed) return `${choice.range} (${revisions})`;
      const [typedBase, typedHead] = [shortRevision(typed.base), shortRevision(typed.head)];
      const named = `${typedBase}${typed.threeDot ? '...' : '..'}${typedHead}`;
      return typedBase === shortRevision(base) && typedHead === shortRevision(head)
        ? named
        : `${named} (${revisions})`;
    }
  }
}

/** Whether a value read back from storage or passed to the command is a choice. */
export function asChoice(value: unknown): ReviewChoice | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  switch (v.mode) {
    case 'branch':
      return typeof v.base === 'string' && v.base.trim() !== ''
        ? { mode: 'branch', base: v.base.trim() }
        : { mode: 'branch' };
    case 'uncommitted':
    case 'staged':
      return { mode: v.mode };
    case 'range':
      return typeof v.range === 'string' ? { mode: 'range', range: v.range.trim() } : undefined;
    default:
      return undefined;
  }
}

/**
 * Ticks belong to one review: the repository, the base and the head branch
 * (names, not commit ids, so a new commit pushed to the branch under review
 * keeps what was already checked). The need and question come from
 * `questionKey`, so an edit of the needs file that keeps a question keeps its tick.
 */
export function reviewKey(repoRoot: string, base: string, head: string): string {
  return JSON.stringify([repoRoot, base, head]);
}
