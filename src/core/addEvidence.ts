/**
 * "Record Evidence..." as text: one insertion that appends an entry to a
 * need's `evidence` list, creating the list when the need has none. Block
 * lists get a new block entry after their last one; flow lists (`[]`) get a
 * flow mapping inside the brackets; a need without `evidence` gets the key
 * where the format lists it (after `description`, `quote`, `status` ...).
 * The rest of the file stays byte for byte, and the result is parsed again
 * to prove it says what was recorded.
 */
import type { Node, Pair, Scalar, YAMLMap } from 'yaml';
import { isMap, isScalar, isSeq } from 'yaml';
import type { EvidenceKind } from './model';
import type { EditResult, TextInsertion } from './yamlEdit';
import {
  appendToSeq,
  applyInsertion,
  columnOf,
  linesAfter,
  nextLineStart,
  parseForEdit,
  readYaml,
} from './yamlEdit';
import { yamlScalar } from './yamlScalar';

/** One piece of evidence as the user gave it; empty fields are left out. */
export interface EvidenceRecord {
  readonly source: string;
  readonly kind?: EvidenceKind;
  readonly quote?: string;
  readonly url?: string;
  /** `YYYY-MM-DD`. */
  readonly date?: string;
}

/** The keys a need lists before `evidence` in the format's order: a new list goes after them. */
const BEFORE_EVIDENCE = ['id', 'title', 'persona', 'priority', 'status', 'quote', 'description'];

/** The insertion that records `evidence` on the need `needId` of `source`, or why it cannot. */
export function addEvidenceInsertion(
  source: string,
  needId: string,
  evidence: EvidenceRecord,
): EditResult {
  if (evidence.source.trim() === '')
    return { ok: false, message: 'Evidence needs a source: where it was heard.' };
  const parsed = parseForEdit(source);
  if ('message' in parsed) return { ok: false, message: parsed.message };
  const root = parsed.doc.contents;
  const needs = isMap(root) ? root.get('needs', true) : undefined;
  if (!isSeq(needs)) return { ok: false, message: 'The needs file has no `needs` list.' };
  const index = needs.items.findIndex((item) => isMap(item) && idOf(item) === needId);
  const need = needs.items[index];
  if (!isMap(need)) return { ok: false, message: `No need "${needId}" in this needs file.` };
  const found = evidenceInsertion(source, need, evidence);
  if ('message' in found) return { ok: false, message: found.message };
  return verified(source, found, index, evidence);
}

function idOf(map: YAMLMap): unknown {
  const pair = map.items.find((p) => isScalar(p.key) && p.key.value === 'id');
  return isScalar(pair?.value) ? pair.value.value : undefined;
}

function evidenceInsertion(
  source: string,
  need: YAMLMap,
  evidence: EvidenceRecord,
): TextInsertion | { message: string } {
  const pair = need.items.find((p) => isScalar(p.key) && p.key.value === 'evidence') as
    Pair<Scalar, Node | null> | undefined;
  if (pair === undefined) return newList(source, need, evidence);
  const list = pair.value;
  const appended = appendToSeq(source, list, 'evidence', {
    flow: flowEntry(evidence),
    block: (dash) => blockLines(evidence, dash),
  });
  if (appended !== undefined) return appended;
  if (list === null || (isScalar(list) && list.value === null && isEmpty(list))) {
    const keyStart = pair.key.range?.[0] ?? 0;
    const dash = ' '.repeat(columnOf(source, keyStart) + 2);
    return linesAfter(source, nextLineStart(source, keyStart), blockLines(evidence, dash));
  }
  return { message: '`evidence` is not a list; make it one (`evidence:` with entries under it).' };
}

/** A need without `evidence`: the key and its first entry. */
function newList(
  source: string,
  need: YAMLMap,
  evidence: EvidenceRecord,
): TextInsertion | { message: string } {
  if (need.flow) {
    const last = need.items.at(-1);
    const end = endOf(last);
    if (end === undefined) return { message: 'Could not read the need.' };
    return { offset: end, text: `, evidence: [${flowEntry(evidence)}]` };
  }
  const firstKey = (need.items[0]?.key as Node | undefined)?.range?.[0];
  // After the last key the format lists before `evidence`, else at the need's end.
  const anchor =
    [...need.items].reverse().find((p) => BEFORE_EVIDENCE.includes(keyName(p))) ??
    need.items.at(-1);
  const end = endOf(anchor);
  if (firstKey === undefined || end === undefined) return { message: 'Could not read the need.' };
  const indent = ' '.repeat(columnOf(source, firstKey));
  return linesAfter(source, end, [`${indent}evidence:`, ...blockLines(evidence, `${indent}  `)]);
}

function keyName(pair: Pair): string {
  return isScalar(pair.key) ? String(pair.key.value) : '';
}

/** Where a pair's text ends: its value's, or its key's when the value is empty. */
function endOf(pair: Pair | undefined): number | undefined {
  if (pair === undefined) return undefined;
  const value = pair.value as Node | null;
  if (value?.range && value.range[1] > value.range[0]) return value.range[1];
  return (pair.key as Node | null)?.range?.[1];
}

function isEmpty(scalar: Scalar): boolean {
  const r = scalar.range;
  return r === undefined || r === null || r[0] === r[1];
}

function fields(evidence: EvidenceRecord): [string, string][] {
  const out: [string, string][] = [['source', evidence.source]];
  if (evidence.kind) out.push(['kind', evidence.kind]);
  if (evidence.quote) out.push(['quote', evidence.quote]);
  if (evidence.url) out.push(['url', evidence.url]);
  if (evidence.date) out.push(['date', evidence.date]);
  return out;
}

/** The entry as block lines, `dash` before its `-`. */
function blockLines(evidence: EvidenceRecord, dash: string): string[] {
  return fields(evidence).map(
    ([key, value], i) => `${i === 0 ? `${dash}- ` : `${dash}  `}${key}: ${yamlScalar(value)}`,
  );
}

function flowEntry(evidence: EvidenceRecord): string {
  return `{ ${fields(evidence)
    .map(([key, value]) => `${key}: ${yamlScalar(value)}`)
    .join(', ')} }`;
}

/** Parses the edited text and checks the need's last evidence is `evidence`, word for word. */
function verified(
  source: string,
  insertion: TextInsertion,
  index: number,
  evidence: EvidenceRecord,
): EditResult {
  const data = readYaml(applyInsertion(source, insertion)) as {
    needs?: { evidence?: unknown }[];
  } | null;
  const list = data?.needs?.[index]?.evidence;
  const entry = Array.isArray(list) ? (list.at(-1) as Record<string, unknown>) : undefined;
  const wanted = Object.fromEntries(fields(evidence));
  const same =
    entry !== undefined &&
    typeof entry === 'object' &&
    JSON.stringify(Object.entries(entry)) === JSON.stringify(Object.entries(wanted));
  if (!same)
    return { ok: false, message: 'Could not record the evidence safely; nothing changed.' };
  const at = insertion.offset + insertion.text.indexOf('source: ') + 'source: '.length;
  return {
    ok: true,
    insertion,
    focus: { start: at, end: at + yamlScalar(evidence.source).length },
  };
}
