/**
 * The words every surface uses for how sure we are of a need (its evidence
 * and its status) and for why a need relates to code (its reasons): the
 * hover, the sidebar, the checklist in the editor, in Markdown and as text,
 * `explain`, the language-model and MCP tools, GitHub annotations, SARIF and
 * `--fail-on`. One function per phrase, so two surfaces never word the same
 * fact differently. A need without evidence is an assumption and says so,
 * whatever its `status` claims; stale evidence says its date and its age.
 */
import type { Because, ChecklistNeed } from './checklist';
import { dayNumber, today as todayNumber } from './dates';
import { DEFAULT_STALE_DAYS } from './load';
import { codeSpan, flat } from './markdown';
import type { Link, LinkRule, Need, Status } from './model';
import type { ReasonGroup } from './reasonGroups';
import { groupReasons, linesText } from './reasonGroups';

/** What the evidence phrases need to know; built from a Need or a checklist need. */
export interface EvidenceFacts {
  /** The status the needs file gives. */
  readonly status: Status;
  /** How many pieces of evidence the need has. */
  readonly count: number;
  /** The newest evidence date (`YYYY-MM-DD`); absent when none is dated. */
  readonly newest?: string;
  /** Days from `newest` to today; absent when unknown or when only dates are shown. */
  readonly age?: number;
  /** Whether the newest evidence is older than the stale limit. */
  readonly stale: boolean;
}

/** Where a need without evidence stands, in every phrase that says so. */
export const NO_EVIDENCE = 'rests on no evidence';

/**
 * The evidence facts of a need, its age counted to `today` (`YYYY-MM-DD`,
 * default today) and stale past `staleDays` (default 365, as everywhere).
 */
export function needEvidence(
  need: Pick<Need, 'status' | 'evidence'>,
  options: { readonly today?: string; readonly staleDays?: number },
): EvidenceFacts {
  let newest: string | undefined;
  let newestDay: number | undefined;
  for (const e of need.evidence) {
    const day = e.date === undefined ? undefined : dayNumber(e.date);
    if (day !== undefined && (newestDay === undefined || day > newestDay)) {
      newestDay = day;
      newest = e.date;
    }
  }
  const age = newestDay === undefined ? undefined : dayOf(options.today) - newestDay;
  return {
    status: need.status,
    count: need.evidence.length,
    ...(newest === undefined ? {} : { newest }),
    ...(age === undefined ? {} : { age }),
    stale: age !== undefined && age > (options.staleDays ?? DEFAULT_STALE_DAYS),
  };
}

/**
 * The evidence facts of a checklist need: its `stale` as the checklist was
 * built, its age counted to `today` (`YYYY-MM-DD`, default today).
 */
export function checklistEvidence(
  need: Pick<ChecklistNeed, 'status' | 'evidenceCount' | 'newestEvidence' | 'stale'>,
  today?: string,
): EvidenceFacts {
  const day = need.newestEvidence === undefined ? undefined : dayNumber(need.newestEvidence);
  return {
    status: need.status,
    count: need.evidenceCount,
    ...(need.newestEvidence === undefined ? {} : { newest: need.newestEvidence }),
    ...(day === undefined ? {} : { age: dayOf(today) - day }),
    stale: need.stale === true,
  };
}

function dayOf(today: string | undefined): number {
  return (today === undefined ? undefined : dayNumber(today)) ?? todayNumber();
}

/**
 * The one-line evidence summary:
 * - `Assumption: rests on no evidence` (and `marked validated, but` when the
 *   status claims otherwise);
 * - `Validated · 2 pieces of evidence, newest 2026-10-02 (3 months ago)`;
 * - `Validated · 1 piece of evidence, none dated`;
 * - `… newest 2024-01-05 (2 years ago) · stale: re-validate with customers`;
 * - `Retired · no evidence` for a retired need, which is never flagged.
 */
export function evidencePhrase(facts: EvidenceFacts): string {
  const retired = facts.status === 'retired';
  if (facts.count === 0) {
    if (retired) return 'Retired · no evidence';
    return facts.status === 'validated'
      ? `Assumption: marked validated, but ${NO_EVIDENCE}`
      : `Assumption: ${NO_EVIDENCE}`;
  }
  const pieces = `${facts.count} ${facts.count === 1 ? 'piece' : 'pieces'} of evidence`;
  const newest =
    facts.newest === undefined ? 'none dated' : `newest ${datedPhrase(facts.newest, facts.age)}`;
  const stale = facts.stale && !retired ? ' · stale: re-validate with customers' : '';
  return `${capitalised(facts.status)} · ${pieces}, ${newest}${stale}`;
}

/**
 * The evidence phrase as a line of text or Markdown, after a `⚠` when it
 * warns (evidenceWarns); a view with icons shows the icon instead.
 */
export function evidenceLine(facts: EvidenceFacts): string {
  return `${evidenceWarns(facts) ? '⚠ ' : ''}${evidencePhrase(facts)}`;
}

/** `2026-10-02 (3 months ago)`, or the date alone when its age is not shown. */
export function datedPhrase(date: string, age: number | undefined): string {
  return age === undefined ? date : `${date} (${ageText(age)})`;
}

/**
 * Whether the evidence asks for attention (a warning icon, a `⚠`): an
 * assumption, a need marked assumed, or stale evidence; never a retired need.
 */
export function evidenceWarns(facts: EvidenceFacts): boolean {
  if (facts.status === 'retired') return false;
  return facts.count === 0 || facts.status === 'assumed' || facts.stale;
}

/**
 * The status in a word or two, for places too short for the evidence phrase:
 * `assumption` for a need without evidence, whatever its status claims (the
 * word the evidence phrase starts with); else its status, `validated` or
 * `assumed`, with `, stale` after stale evidence; `retired`.
 */
export function statusWord(facts: EvidenceFacts): string {
  if (facts.status === 'retired') return 'retired';
  if (facts.count === 0) return 'assumption';
  return facts.stale ? `${facts.status}, stale` : facts.status;
}

/** `today`, `yesterday`, `3 days ago`, `5 months ago`, `2 years ago`. */
export function ageText(days: number): string {
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days < 60) return `${days} days ago`;
  if (days < 730) return `${Math.round(days / 30.44)} months ago`;
  return `${Math.floor(days / 365.25)} years ago`;
}

function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Why a need relates to code: a rule, what matched, and where. */
export interface Reason {
  readonly rule: LinkRule;
  /** The glob, keyword or annotated id that matched. */
  readonly match?: string;
  /** 1-based; absent for a `path` reason (the whole file). */
  readonly line?: number;
  /** The line was removed by the change (its line is in the base). */
  readonly removed?: true;
}

/** The reason of a link: a link's line counts from 0, a reason's from 1, as people count. */
export function linkReason(link: Pick<Link, 'rule' | 'match' | 'line'>): Reason {
  return link.line === undefined
    ? { rule: link.rule, match: link.match }
    : { rule: link.rule, match: link.match, line: link.line + 1 };
}

/** Plain text (quotes, one line, no control characters) or Markdown (code spans). */
export type PhraseStyle = 'text' | 'markdown';

/** At most this many lines are listed per reason; the rest are counted. */
const LINES_SHOWN = 8;

/**
 * One reason without its line: `path "src/checkout/**"`, `keyword "saved
 * card"`, `annotation @need fast-checkout`, with ` (removed line)` after a
 * removed line. In Markdown the match is a code span.
 */
export function reasonPhrase(reason: Omit<Reason, 'line'>, style: PhraseStyle): string {
  const removed = reason.removed === true ? ' (removed line)' : '';
  return `${rulePhrase(reason, style)}${removed}`;
}

function rulePhrase(reason: Pick<Reason, 'rule' | 'match'>, style: PhraseStyle): string {
  if (reason.match === undefined) return reason.rule;
  const what = reason.rule === 'annotation' ? `@need ${reason.match}` : reason.match;
  const shown = style === 'markdown' ? codeSpan(what) : quoted(what, reason.rule);
  return `${reason.rule} ${shown}`;
}

/** An annotation's id is code, `@need id`; a glob or keyword is quoted, as the needs file has it. */
function quoted(what: string, rule: LinkRule): string {
  return rule === 'annotation' ? flat(what) : `"${flat(what)}"`;
}

/**
 * Reasons grouped by rule and match, their lines listed, one row each in the
 * order first seen: `keyword "saved card" on lines 3, 7`, `path "src/**"`,
 * `keyword "pay" on removed line 2`. A keyword on thirty lines is one reason.
 */
export function reasonRows(reasons: readonly Reason[], style: PhraseStyle): string[] {
  const all = { groups: Number.MAX_SAFE_INTEGER, lines: LINES_SHOWN };
  return groupReasons(
    reasons.map((r) => ({ ...r, file: '' })),
    all,
  ).groups.map((g) => groupPhrase(g, style));
}

/**
 * One group of reasons without its file: `keyword "pay" on lines 3, 7`, or
 * the reason alone when it has no line (a path).
 */
export function groupPhrase(group: ReasonGroup, style: PhraseStyle): string {
  const reason = { rule: group.rule, match: group.match };
  if (group.lines.length === 0)
    return reasonPhrase(group.removed ? { ...reason, removed: true } : reason, style);
  const count = group.lines.length + group.moreLines;
  const kind = `${group.removed ? 'removed ' : ''}${count === 1 ? 'line' : 'lines'}`;
  return `${rulePhrase(reason, style)} on ${kind} ${linesText(group)}`;
}

/** The rows of reasonRows on one line, `; ` between them. */
export function reasonsPhrase(reasons: readonly Reason[], style: PhraseStyle): string {
  return reasonRows(reasons, style).join('; ');
}

/** `src/cart/summary.ts:3`, or the file alone for a whole-file reason; plain text. */
export function wherePhrase(reason: Pick<Because, 'file' | 'line'>): string {
  return reason.line === undefined ? reason.file : `${reason.file}:${reason.line}`;
}

/**
 * What a checklist looked at: `2 changed files, 1 related to customer needs`,
 * then what it did not read, never hidden (binary files, excluded folders).
 */
export function changedFilesPhrase(files: {
  readonly changed: number;
  readonly related: number;
  readonly binary: number;
  readonly excluded: number;
}): string {
  const parts = [
    `${files.changed} changed ${files.changed === 1 ? 'file' : 'files'}, ${files.related} related to customer needs`,
  ];
  if (files.binary > 0) parts.push(`${files.binary} binary (matched by path only)`);
  if (files.excluded > 0) parts.push(`${files.excluded} in excluded folders (not checked)`);
  return parts.join('; ');
}

/** The checklist of a change no need relates to. */
export const NO_RELATED_NEEDS = 'No customer need relates to the changed files.';
