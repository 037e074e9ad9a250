/**
 * Readers for the parts of a needs file: personas, values, needs, evidence.
 * Each reads one mapping and records problems; none throws.
 */
import type { YAMLMap } from 'yaml';
import { isMap, isScalar } from 'yaml';
import { dayNumber } from './dates';
import type {
  Evidence,
  EvidenceKind,
  Located,
  Need,
  Persona,
  Priority,
  Span,
  Status,
  Value,
} from './model';
import { EVIDENCE_KINDS, PRIORITIES, STATUSES } from './model';
import { keywordPattern } from './tokens';
import type { YamlReader } from './yamlReader';

/** Ids name needs in code (`@need id`), so they stay plain. */
export const ID_PATTERN = /^[A-Za-z][A-Za-z0-9._-]*$/;

const NEED_KEYS = [
  'id',
  'title',
  'persona',
  'priority',
  'status',
  'quote',
  'description',
  'evidence',
  'signals',
  'match',
  'review',
  'owner',
];
const EVIDENCE_KEYS = ['source', 'kind', 'quote', 'url', 'date'];
const VALUE_KEYS = ['id', 'statement', 'review', 'paths'];
const PERSONA_KEYS = ['name', 'description'];
const MATCH_KEYS = ['paths', 'keywords'];

export function readId(
  r: YamlReader,
  map: YAMLMap,
  where: string,
): { value: string; span: Span } | undefined {
  const id = r.string(map, 'id', where, true);
  if (id && !ID_PATTERN.test(id.value)) {
    r.report(
      'error',
      'invalid-id',
      `Invalid id "${id.value}": use a letter, then letters, digits, ".", "_" or "-".`,
      id.span,
    );
    return undefined;
  }
  return id;
}

function readEnum<T extends string>(
  r: YamlReader,
  map: YAMLMap,
  key: string,
  where: string,
  allowed: readonly T[],
): T | undefined {
  const found = r.stringNode(map, key, where);
  if (!found) return undefined;
  const value = found.value as string;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  r.report(
    'error',
    'invalid-enum',
    `"${value}" is not a valid ${key}; use one of: ${allowed.join(', ')}.`,
    r.span(found),
  );
  return undefined;
}

export function readPersonas(r: YamlReader, root: YAMLMap): Map<string, Persona> {
  const personas = new Map<string, Persona>();
  const map = r.map(root, 'personas', 'the needs file');
  if (!map) return personas;
  for (const pair of map.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const keySpan = r.span(pair.key as never);
    if (!ID_PATTERN.test(key)) {
      r.report(
        'error',
        'invalid-id',
        `Invalid persona id "${key}": use a letter, then letters, digits, ".", "_" or "-".`,
        keySpan,
      );
      continue;
    }
    const raw = r.deref(pair.value);
    // `shopper:` with nothing under it is a persona with no details yet.
    const value = isScalar(raw) && raw.value === null ? null : raw;
    const where = `persona "${key}"`;
    if (value !== null && !isMap(value)) {
      r.wrongType(value, key, 'personas', 'a mapping with name and description');
      continue;
    }
    if (value) r.unknownKeys(value, PERSONA_KEYS, where);
    personas.set(key, {
      id: key,
      name: value ? r.text(value, 'name', where) : undefined,
      description: value ? r.text(value, 'description', where) : undefined,
      span: keySpan,
    });
  }
  return personas;
}

export function readValue(r: YamlReader, map: YAMLMap, index: number): Value | undefined {
  const where = `value #${index + 1}`;
  r.unknownKeys(map, VALUE_KEYS, where);
  const id = readId(r, map, where);
  const statement = r.text(map, 'statement', id ? `value "${id.value}"` : where, true);
  const review = r.texts(map, 'review', where);
  const hasPaths = r.pair(map, 'paths') !== undefined;
  const paths = matchableGlobs(r, r.strings(map, 'paths', where));
  if (!id || !statement) return undefined;
  return {
    id: id.value,
    statement,
    review,
    paths: hasPaths ? paths : undefined,
    span: r.span(map),
  };
}

/** Longer globs are not matched: no path is that long, and each test costs its length. */
export const MAX_GLOB_CHARS = 1024;

function matchableGlobs(
  r: YamlReader,
  globs: { value: string; span: Span }[],
): { value: string; span: Span }[] {
  return globs.filter((g) => {
    if (g.value.length <= MAX_GLOB_CHARS) return true;
    r.report(
      'warning',
      'glob-too-long',
      `This path glob is ${g.value.length} characters long; globs over ${MAX_GLOB_CHARS} characters are not matched.`,
      g.span,
    );
    return false;
  });
}

/**
 * A need as read: `need` when it can be used, `id` whenever the entry has a
 * well-formed one. A need without a usable title is still a known id, so an
 * `@need` naming it is not a second error on top of its own.
 */
export interface NeedRead {
  readonly id?: Located<string>;
  readonly need?: Need;
}

export function readNeed(
  r: YamlReader,
  map: YAMLMap,
  index: number,
  personas: ReadonlyMap<string, Persona>,
): NeedRead {
  const at = `need #${index + 1}`;
  r.unknownKeys(map, NEED_KEYS, at);
  const id = readId(r, map, at);
  const where = id ? `need "${id.value}"` : at;
  const title = r.text(map, 'title', where, true);
  const persona = r.string(map, 'persona', where);
  if (persona && personas.size > 0 && !personas.has(persona.value)) {
    r.report(
      'error',
      'unknown-persona',
      `Unknown persona "${persona.value}"; known: ${[...personas.keys()].join(', ')}.`,
      persona.span,
    );
  }
  const priority = readEnum<Priority>(r, map, 'priority', where, PRIORITIES) ?? 'medium';
  const status = readEnum<Status>(r, map, 'status', where, STATUSES);
  const evidence = readEvidenceList(r, map, where);
  const matchMap = r.map(map, 'match', where);
  if (matchMap) r.unknownKeys(matchMap, MATCH_KEYS, `the match of ${where}`);
  const paths = matchMap ? matchableGlobs(r, r.strings(matchMap, 'paths', where)) : [];
  const keywords = matchMap ? r.strings(matchMap, 'keywords', where) : [];
  for (const k of keywords) {
    if (!keywordPattern(k.value)) {
      r.report(
        'warning',
        'empty-keyword',
        `Keyword "${k.value}" has no letter or digit, so it can never match.`,
        k.span,
      );
    }
  }
  const need: Need = {
    id: id?.value ?? '',
    title: title ?? '',
    persona: persona?.value,
    priority,
    status: status ?? (evidence.length > 0 ? 'validated' : 'assumed'),
    quote: r.text(map, 'quote', where),
    description: r.text(map, 'description', where),
    evidence,
    signals: r.texts(map, 'signals', where),
    paths,
    keywords: keywords.filter((k) => keywordPattern(k.value) !== undefined),
    review: r.texts(map, 'review', where),
    owner: r.text(map, 'owner', where),
    span: r.span(map),
    idSpan: id?.span ?? r.span(map),
  };
  return { id, need: id && title ? need : undefined };
}

function readEvidenceList(r: YamlReader, need: YAMLMap, where: string): Evidence[] {
  const seq = r.list(need, 'evidence', where);
  if (!seq) return [];
  const out: Evidence[] = [];
  seq.items.forEach((raw, i) => {
    const item = r.deref(raw);
    const at = `evidence #${i + 1} of ${where}`;
    if (!isMap(item)) {
      r.wrongType(item, `evidence #${i + 1}`, where, 'a mapping with at least "source"', true);
      return;
    }
    r.unknownKeys(item, EVIDENCE_KEYS, at);
    const source = r.text(item, 'source', at, true);
    const kind = readEnum<EvidenceKind>(r, item, 'kind', at, EVIDENCE_KINDS);
    const urlNode = r.stringNode(item, 'url', at);
    const url = urlNode?.value as string | undefined;
    if (url !== undefined && !/^https?:\/\/[^\s]+$/i.test(url)) {
      r.report(
        'error',
        'invalid-url',
        `URL "${url}" must start with http:// or https://.`,
        r.span(urlNode),
      );
    }
    const dateNode = r.stringNode(item, 'date', at);
    const date = dateNode?.value as string | undefined;
    const day = date === undefined ? undefined : dayNumber(date);
    if (date !== undefined && day === undefined) {
      r.report(
        'error',
        'invalid-date',
        `"${date}" is not a calendar date; write it as YYYY-MM-DD.`,
        r.span(dateNode),
      );
    }
    if (!source) return;
    out.push({
      source,
      kind,
      quote: r.text(item, 'quote', at),
      url: url !== undefined && /^https?:\/\//i.test(url) ? url : undefined,
      date: day !== undefined ? date : undefined,
      span: r.span(item),
    });
  });
  return out;
}
