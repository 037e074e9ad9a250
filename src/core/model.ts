/**
 * The data model of a needs file (format version 1, see docs/needs-file.md) and of the
 * answers the core gives about it. Plain data: no behaviour, no I/O.
 */
import type { LintSettings } from './lintOptions';

/** A 0-based position, as in the Language Server Protocol and VS Code. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

/** A 0-based, end-exclusive range in a text. */
export interface Span {
  readonly start: Position;
  readonly end: Position;
}

export type Severity = 'error' | 'warning';

/** Something wrong in a needs file or in code; never thrown, always returned. */
export interface Problem {
  readonly severity: Severity;
  readonly message: string;
  /** Stable rule id, e.g. `duplicate-id`; printed as `[rule]`. */
  readonly rule: string;
  readonly span: Span;
}

export const PRIORITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const STATUSES = ['validated', 'assumed', 'retired'] as const;
export type Status = (typeof STATUSES)[number];

export const EVIDENCE_KINDS = [
  'survey',
  'ticket',
  'interview',
  'review',
  'metric',
  'observation',
  'other',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export interface Persona {
  readonly id: string;
  readonly name?: string;
  readonly description?: string;
  readonly span: Span;
}

export interface Evidence {
  readonly source: string;
  readonly kind?: EvidenceKind;
  readonly quote?: string;
  readonly url?: string;
  /** ISO date `YYYY-MM-DD`, already checked to be a real date. */
  readonly date?: string;
  readonly span: Span;
}

/** A text from the file with where it stands, for diagnostics and navigation. */
export interface Located<T> {
  readonly value: T;
  readonly span: Span;
}

/** A standing promise, asked on every change (or on every change under `paths`). */
export interface Value {
  readonly id: string;
  readonly statement: string;
  readonly review: readonly string[];
  /** Undefined: the value applies everywhere. */
  readonly paths?: readonly Located<string>[];
  readonly span: Span;
}

export interface Need {
  readonly id: string;
  readonly title: string;
  readonly persona?: string;
  readonly priority: Priority;
  readonly status: Status;
  readonly quote?: string;
  readonly description?: string;
  readonly evidence: readonly Evidence[];
  readonly signals: readonly string[];
  readonly paths: readonly Located<string>[];
  readonly keywords: readonly Located<string>[];
  readonly review: readonly string[];
  readonly owner?: string;
  /** The whole entry in the `needs` list. */
  readonly span: Span;
  /** The value of its `id` field: where "go to definition" lands. */
  readonly idSpan: Span;
}

export interface NeedsFile {
  readonly version: 1;
  readonly product?: string;
  readonly personas: ReadonlyMap<string, Persona>;
  readonly values: readonly Value[];
  /** Every need in file order, retired ones included; ids are unique here. */
  readonly needs: readonly Need[];
  /**
   * Ids of needs that could not be read (a required field missing or wrong),
   * with the span of each id. Still known ids: an `@need` naming one is no
   * unknown need, though it links nothing. Absent means none.
   */
  readonly invalidIds?: ReadonlyMap<string, Span>;
  /** Globs of code no needs file links or checks, relative to the folder this file speaks for. */
  readonly exclude: readonly Located<string>[];
  /** The `lint:` map (docs/lint.md); absent means the defaults. */
  readonly lint?: LintSettings;
}

export interface LoadResult {
  /** Undefined only when the text is not a usable needs file at all. */
  readonly file?: NeedsFile;
  readonly problems: readonly Problem[];
}

export type LinkRule = 'path' | 'keyword' | 'annotation';

/** Why a piece of code relates to a need. */
export interface Link {
  readonly needId: string;
  readonly rule: LinkRule;
  /** 0-based line; absent for a whole-file (`path`) link. */
  readonly line?: number;
  /** Character range of the match on that line. */
  readonly start?: number;
  readonly end?: number;
  /** The keyword, the annotation id or the glob that matched. */
  readonly match: string;
}
