/**
 * Which needs relate to a file, some of its lines or one position, and why.
 * The one answer behind the hover, CodeLens, the status bar, the sidebar's
 * active-file filter, `outside-in explain` (and the MCP tool that runs it) and
 * the language-model tool: NeedsSet finds the links, this groups them per need
 * and orders the needs, so no two surfaces can disagree on either.
 */
import { isGeneratedAt, withoutGeneratedText } from './generatedText';
import { forEachLine } from './match';
import type { Need, NeedsFile, Priority } from './model';
import type { NeedsSet, ScopedLink } from './needsSet';
import { atLeast, compareNeeds } from './present';

/** A need related to the code asked about, with its needs file and every reason it relates. */
export interface RelatedNeed {
  readonly need: Need;
  /** The needs file that defines the need, relative to the root, `/`-separated. */
  readonly needsFile: string;
  /** That needs file as loaded: its personas name the need's persona. */
  readonly file: NeedsFile;
  /**
   * The links that relate it, each once: for a file or lines, path links
   * first, then line links top to bottom; for a position, the links under it
   * first, then the rest of its line, then the path links.
   */
  readonly reasons: readonly ScopedLink[];
}

/** What is asked about in the file. */
export type RelatedQuestion =
  /**
   * The file's whole text, and optionally only lines `first`..`last`
   * (0-based, inclusive; path links count for every line). Text that
   * `outside-in instructions` generated is never matched.
   */
  | { readonly text: string; readonly first?: number; readonly last?: number }
  /**
   * One position: `lineText` is the text of 0-based `line` alone, so a hover
   * matches one line however long the file. Only needs matched under
   * `character` relate; their reasons are the whole line's and the path's.
   * With the file's whole `text` (searched once, for the marker), a
   * position in text that `outside-in instructions` generated relates to none.
   */
  | {
      readonly line: number;
      readonly lineText: string;
      readonly character: number;
      readonly text?: string;
    }
  /** A file that is not read as text (binary, too large): only its path relates it. */
  | { readonly pathOnly: true };

export interface RelatedOptions {
  /** Needs below this priority are left out (the editor's `inlineMinimumPriority`). */
  readonly minimum?: Priority;
}

/**
 * The needs related to `path` (relative to the root, `/`-separated), most
 * important first (critical first, then by id, then by needs file: the
 * checklist's order). A path a needs file leaves out, and a needs file of
 * the set itself (it names its own keywords), relate to none.
 */
export function relatedNeeds(
  set: NeedsSet,
  path: string,
  question: RelatedQuestion,
  options: RelatedOptions = {},
): RelatedNeed[] {
  if (set.scopes.some((s) => s.needsFile === path)) return [];
  if ('pathOnly' in question) return needsOfLinks(set, set.pathLinks(path), options);
  if ('lineText' in question) return atPosition(set, path, question, options);
  const { text, first, last } = question;
  if (first === undefined) return needsOfLinks(set, set.fileLinks(path, text), options);
  const stop = last ?? first;
  const links = set.pathLinks(path);
  if (links.length === 0 && set.scopesFor(path).length === 0) return [];
  // The whole text is blanked, not the lines alone: a generated region opens above them.
  forEachLine(withoutGeneratedText(path, text), (lineText, n) => {
    if (n >= first && n <= stop) links.push(...set.lineLinks(path, lineText, n));
  });
  return needsOfLinks(set, links, options);
}

function atPosition(
  set: NeedsSet,
  path: string,
  question: Extract<RelatedQuestion, { readonly lineText: string }>,
  options: RelatedOptions,
): RelatedNeed[] {
  const c = question.character;
  if (question.text !== undefined && isGeneratedAt(path, question.text, question.line, c))
    return [];
  const lineLinks = set.lineLinks(path, question.lineText, question.line);
  const here = lineLinks.filter(
    (l) => l.start !== undefined && l.end !== undefined && c >= l.start && c <= l.end,
  );
  if (here.length === 0) return [];
  const related = new Set(here.map((l) => l.need));
  // A Set keeps the first place of each link: those under the cursor lead.
  const reasons = new Set([...here, ...lineLinks, ...set.pathLinks(path)]);
  return needsOfLinks(
    set,
    [...reasons].filter((l) => related.has(l.need)),
    options,
  );
}

/**
 * Links grouped per need (a need is its needs file and id: nested needs files
 * may reuse an id), in the order given, the needs in the one order. For a caller that already holds the links, as CodeLens does per
 * function.
 */
export function needsOfLinks(
  set: NeedsSet,
  links: readonly ScopedLink[],
  options: RelatedOptions = {},
): RelatedNeed[] {
  const minimum = options.minimum;
  // Keyed by the Need itself: each needs file has its own objects, so two
  // files' needs of one id stay apart, and a big file's thousands of links
  // build no string keys.
  const byNeed = new Map<Need, { need: Need; needsFile: string; reasons: ScopedLink[] }>();
  for (const l of links) {
    if (minimum !== undefined && !atLeast(l.need.priority, minimum)) continue;
    const entry = byNeed.get(l.need);
    if (entry === undefined)
      byNeed.set(l.need, { need: l.need, needsFile: l.needsFile, reasons: [l] });
    else entry.reasons.push(l);
  }
  const out: RelatedNeed[] = [];
  for (const entry of byNeed.values()) {
    const file = set.scopes.find((s) => s.needsFile === entry.needsFile)?.index.file;
    if (file !== undefined) out.push({ ...entry, file });
  }
  return out.sort(compareRelated);
}

/** Critical first, then by id, then by needs file: the one order of related needs. */
export function compareRelated(
  a: Pick<RelatedNeed, 'need' | 'needsFile'>,
  b: Pick<RelatedNeed, 'need' | 'needsFile'>,
): number {
  return (
    compareNeeds(a.need, b.need) ||
    (a.needsFile < b.needsFile ? -1 : a.needsFile > b.needsFile ? 1 : 0)
  );
}
