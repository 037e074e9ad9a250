/**
 * Loading a needs file: YAML text in, a NeedsFile and its problems out, every
 * problem with its exact span. Never throws, whatever the text.
 */
import { isMap, isScalar, parseDocument } from 'yaml';
import { dayNumber, today as todayNumber } from './dates';
import { readExclude } from './excludes';
import { readLintSettings } from './lintOptions';
import { readNeed, readPersonas, readValue } from './loadParts';
import type { LoadResult, Need, NeedsFile, Problem, Span, Value } from './model';
import { MAX_ALIASES, YamlReader, aliasBomb } from './yamlReader';
import { syntaxFindings } from './yamlSyntax';

export interface LoadOptions {
  /** Evidence older than this many days asks to be re-validated. Default 365. */
  readonly staleDays?: number;
  /** The day to age evidence against (`YYYY-MM-DD`); default: today. */
  readonly today?: string;
  /** Texts longer than this are refused before parsing. Default 20 MB (some 60,000 needs). */
  readonly maxChars?: number;
}

export const DEFAULT_STALE_DAYS = 365;
export const DEFAULT_MAX_CHARS = 20 * 1024 * 1024;
/** Flow collections nested deeper than this are refused before parsing. */
export const MAX_NESTING = 64;

const TOP_KEYS = ['version', 'product', 'personas', 'values', 'needs', 'exclude', 'lint'];
const ORIGIN = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Loads and validates a needs file's text. */
export function loadNeedsText(text: string, options: LoadOptions = {}): LoadResult {
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  if (text.length > maxChars) {
    return refuse(
      'too-large',
      `The needs file is ${megabytes(text.length)} MB; the limit is ${megabytes(maxChars)} MB.`,
    );
  }
  if (flowNesting(text) > MAX_NESTING) {
    return refuse(
      'too-deep',
      `YAML nested deeper than ${MAX_NESTING} levels; a needs file never needs that.`,
    );
  }
  try {
    return loadParsed(text, options);
  } catch (e) {
    // The parser is a library; a bug in it must not take the editor down.
    return refuse(
      'yaml-syntax',
      `Could not parse the needs file: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}

function loadParsed(text: string, options: LoadOptions): LoadResult {
  const doc = parseDocument(text, {
    prettyErrors: false,
    keepSourceTokens: false,
  });
  const r = new YamlReader(doc, text);
  for (const f of syntaxFindings(doc, text)) {
    r.report('error', 'yaml-syntax', f.message, r.spanOfOffsets(f.start, f.end));
    r.damaged(f.damage[0], f.damage[1]);
  }
  for (const w of doc.warnings) {
    r.report('warning', 'yaml-warning', firstLine(w.message), r.spanOfOffsets(w.pos[0], w.pos[1]));
  }
  // Without an anchor (`&name`) there is nothing to expand: skip the walk.
  const bomb = text.includes('&') ? aliasBomb(doc, MAX_ALIASES) : undefined;
  if (bomb) {
    r.report(
      'error',
      'too-many-aliases',
      `YAML aliases here expand to more than ${MAX_ALIASES}; refusing to expand them.`,
      r.span(bomb),
    );
    return { problems: r.problems };
  }
  const root = doc.contents;
  if (!isMap(root)) {
    if (root === null || (isScalar(root) && root.value === null)) {
      r.report(
        'error',
        'missing-field',
        'Missing required field "version" (the file is empty).',
        ORIGIN,
      );
    } else {
      r.wrongType(root, 'The needs file', '', 'a mapping with "version" and "needs"', true);
    }
    return { problems: r.problems };
  }
  r.unknownKeys(root, TOP_KEYS, 'the needs file');
  const version = r.pair(root, 'version');
  if (!version) {
    r.missing(root, 'version', 'the needs file');
    return { problems: r.problems };
  }
  if (!isScalar(version.value) || version.value.value !== 1) {
    const shown = isScalar(version.value) ? JSON.stringify(version.value.value) : 'that';
    r.report(
      'error',
      'unsupported-version',
      `Unsupported version ${shown}; this Outside-In reads version 1.`,
      r.span(version.value),
    );
    return { problems: r.problems };
  }

  const personas = readPersonas(r, root);
  const values: Value[] = [];
  const valueSeq = r.list(root, 'values', 'the needs file');
  valueSeq?.items.forEach((raw, i) => {
    const item = r.deref(raw);
    if (!isMap(item)) return r.wrongType(item, `value #${i + 1}`, 'values', 'a mapping', true);
    const v = readValue(r, item, i);
    if (!v) return;
    if (values.some((o) => o.id === v.id)) {
      r.report(
        'error',
        'duplicate-id',
        `Duplicate value id "${v.id}".`,
        r.span(r.pair(item, 'id')?.value),
      );
      return;
    }
    values.push(v);
  });

  const needs: Need[] = [];
  const firstLineOf = new Map<string, number>();
  const invalidIds = new Map<string, Span>();
  const needSeq = r.list(root, 'needs', 'the needs file', true);
  needSeq?.items.forEach((raw, i) => {
    const item = r.deref(raw);
    if (!isMap(item))
      return r.wrongType(item, `need #${i + 1}`, 'needs', 'a mapping with "id" and "title"', true);
    const { id, need } = readNeed(r, item, i, personas);
    if (!id) return;
    const first = firstLineOf.get(id.value);
    if (first !== undefined) {
      r.report(
        'error',
        'duplicate-id',
        `Duplicate id "${id.value}": first defined on line ${first + 1}.`,
        id.span,
      );
      return;
    }
    firstLineOf.set(id.value, id.span.start.line);
    if (need) needs.push(need);
    else invalidIds.set(id.value, id.span);
  });

  for (const need of needs) evidenceWarnings(r.problems, need, options);
  const product = r.text(root, 'product', 'the needs file');
  const exclude = readExclude(r, root);
  const lint = readLintSettings(r, root);
  const file: NeedsFile = {
    version: 1,
    product,
    personas,
    values,
    needs,
    exclude,
    invalidIds,
    ...(lint === undefined ? {} : { lint }),
  };
  return { file, problems: r.problems };
}

/** The assumption and staleness warnings: evidence is what keeps a need honest. */
function evidenceWarnings(problems: Problem[], need: Need, options: LoadOptions): void {
  if (need.status === 'retired') return;
  if (need.evidence.length === 0) {
    const marked = need.status === 'validated' ? ' although marked validated' : '';
    problems.push({
      severity: 'warning',
      rule: 'no-evidence',
      message: `Need "${need.id}" rests on no evidence${marked}: an assumption.`,
      span: need.idSpan,
    });
    return;
  }
  const days = newestEvidenceAge(need, options.today);
  const limit = options.staleDays ?? DEFAULT_STALE_DAYS;
  if (days !== undefined && days > limit) {
    problems.push({
      severity: 'warning',
      rule: 'stale-evidence',
      message: `Need "${need.id}": newest evidence is ${days} days old (limit ${limit}); re-validate it with customers.`,
      span: need.idSpan,
    });
  }
}

/** Days since the newest dated evidence of `need`, or undefined when none is dated. */
export function newestEvidenceAge(need: Need, today?: string): number | undefined {
  let newest: number | undefined;
  for (const e of need.evidence) {
    const d = e.date === undefined ? undefined : dayNumber(e.date);
    if (d !== undefined && (newest === undefined || d > newest)) newest = d;
  }
  if (newest === undefined) return undefined;
  const now = today !== undefined ? (dayNumber(today) ?? todayNumber()) : todayNumber();
  return now - newest;
}

function refuse(rule: string, message: string): LoadResult {
  return { problems: [{ severity: 'error', rule, message, span: ORIGIN }] };
}

/** Deepest `[`/`{` nesting, counted naively: cheap, and generous to real files. */
function flowNesting(text: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 91 || c === 123) {
      if (++depth > max) max = depth;
    } else if ((c === 93 || c === 125) && depth > 0) {
      depth--;
    }
  }
  return max;
}

function megabytes(chars: number): string {
  return (chars / (1024 * 1024)).toFixed(1);
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
