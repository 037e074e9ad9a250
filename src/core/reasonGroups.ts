/**
 * A need's reasons, grouped for reading: one entry per file and rule with the
 * lines it matched, capped so that a change of thousands of lines still gives
 * a checklist a person reads and GitHub accepts. The JSON keeps every reason;
 * only the Markdown and text views group and cap them, and they always say how
 * much they left out.
 */
import type { Because } from './checklist';
import type { LinkRule } from './model';

/** The reasons of one file that share a rule and a matched text. */
export interface ReasonGroup {
  readonly file: string;
  readonly rule: LinkRule;
  readonly match?: string;
  readonly removed: boolean;
  /** The lines shown, ascending; empty for a reason without a line (a path). */
  readonly lines: readonly number[];
  /** Lines of this group not shown. */
  readonly moreLines: number;
}

export interface GroupedReasons {
  readonly groups: readonly ReasonGroup[];
  /** Groups not shown, and how many reasons and files they hold. */
  readonly moreGroups: number;
  readonly moreReasons: number;
  readonly moreFiles: number;
}

export interface GroupLimits {
  /** Groups (file and rule) shown per need. */
  readonly groups: number;
  /** Lines shown per group. */
  readonly lines: number;
}

/** Enough to see where and why; the rest is counted. */
export const DEFAULT_GROUP_LIMITS: GroupLimits = { groups: 10, lines: 8 };

/**
 * Groups reasons by file, rule, matched text and side of the diff, in the order
 * they first appear (the checklist puts the strongest rule first), and caps
 * them by `limits`.
 */
export function groupReasons(
  because: readonly Because[],
  limits: GroupLimits = DEFAULT_GROUP_LIMITS,
): GroupedReasons {
  const byKey = new Map<string, { first: Because; lines: number[]; count: number }>();
  for (const b of because) {
    const key = JSON.stringify([b.file, b.rule, b.match ?? null, b.removed === true]);
    const group = byKey.get(key);
    if (group === undefined) byKey.set(key, { first: b, lines: lineOf(b), count: 1 });
    else {
      group.lines.push(...lineOf(b));
      group.count++;
    }
  }
  const all = [...byKey.values()];
  const shown = all.slice(0, limits.groups).map(({ first, lines }): ReasonGroup => {
    const sorted = [...new Set(lines)].sort((a, b) => a - b);
    return {
      file: first.file,
      rule: first.rule,
      ...(first.match === undefined ? {} : { match: first.match }),
      removed: first.removed === true,
      lines: sorted.slice(0, limits.lines),
      moreLines: Math.max(0, sorted.length - limits.lines),
    };
  });
  const hidden = all.slice(limits.groups);
  const shownFiles = new Set(shown.map((g) => g.file));
  return {
    groups: shown,
    moreGroups: hidden.length,
    moreReasons: hidden.reduce((n, g) => n + g.count, 0),
    moreFiles: new Set(hidden.map((g) => g.first.file).filter((f) => !shownFiles.has(f))).size,
  };
}

function lineOf(b: Because): number[] {
  return b.line === undefined ? [] : [b.line];
}

/** `936, 941, 958 and 212 more`: the lines of a group in words. */
export function linesText(group: ReasonGroup): string {
  const listed = group.lines.join(', ');
  if (group.moreLines === 0) return listed;
  return `${listed} and ${count(group.moreLines)} more`;
}

/** The closing line for what a view left out, or undefined when it showed everything. */
export function moreReasonsText(grouped: GroupedReasons): string | undefined {
  if (grouped.moreGroups === 0) return undefined;
  const reasons = `${count(grouped.moreReasons)} more ${grouped.moreReasons === 1 ? 'reason' : 'reasons'}`;
  const files =
    grouped.moreFiles === 0
      ? ''
      : ` in ${grouped.moreFiles} more ${grouped.moreFiles === 1 ? 'file' : 'files'}`;
  return `${reasons}${files} (the JSON output lists every reason)`;
}

/** 6661 -> 6,661: big counts are read, not parsed. */
function count(n: number): string {
  return n.toLocaleString('en-US');
}
