/**
 * "New Need from Selection" as text: where a new need goes in a needs file
 * and what is written there. One insertion at the end of the `needs` list (a
 * new block entry, or a flow mapping inside `[...]`), so the rest of the file
 * stays byte for byte; the result is parsed again to prove it says what was
 * asked before the editor is given it.
 */
import type { Node, Scalar } from 'yaml';
import { isMap, isScalar } from 'yaml';
import { ID_PATTERN } from './loadParts';
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
import { yamlFlowList, yamlScalar } from './yamlScalar';

/** The fields of a new need, as the user confirmed them. */
export interface NewNeed {
  readonly id: string;
  readonly title: string;
  /** Globs relative to the folder the needs file speaks for. */
  readonly paths?: readonly string[];
  readonly keywords?: readonly string[];
}

const ASSUMED_COMMENT = '# no evidence yet: ask customers before building on it';

/** The insertion that appends `need` to the `needs` list of `source`, or why it cannot. */
export function addNeedInsertion(source: string, need: NewNeed): EditResult {
  if (!ID_PATTERN.test(need.id))
    return {
      ok: false,
      message: `"${need.id}" is not an id: a letter, then letters, digits, ".", "_" or "-".`,
    };
  const parsed = parseForEdit(source);
  if ('message' in parsed) return { ok: false, message: parsed.message };
  const root = parsed.doc.contents;
  if (!isMap(root)) return { ok: false, message: 'The needs file is not a YAML mapping.' };
  const pair = root.items.find((p) => isScalar(p.key) && p.key.value === 'needs');
  let insertion: TextInsertion;
  if (pair === undefined) {
    // No `needs:` at all: a new block at the end, the loader's own complaint answered.
    const { offset, text } = linesAfter(source, source.length, [
      'needs:',
      ...blockLines(need, '  '),
    ]);
    insertion = { offset, text };
  } else {
    const value = pair.value as Node | null;
    const found = needsInsertion(source, pair.key as Scalar, value, need);
    if ('message' in found) return { ok: false, message: found.message };
    insertion = found;
  }
  return verified(source, insertion, need);
}

function needsInsertion(
  source: string,
  key: Scalar,
  value: Node | null,
  need: NewNeed,
): TextInsertion | { message: string } {
  const appended = appendToSeq(source, value, 'needs', {
    flow: flowEntry(need),
    block: (dash) => blockLines(need, dash),
  });
  if (appended !== undefined) return appended;
  if (value === null || (isScalar(value) && value.value === null && isEmpty(value))) {
    // `needs:` with nothing under it: the first entry, indented under the key.
    const keyStart = key.range?.[0] ?? 0;
    const indent = ' '.repeat(columnOf(source, keyStart) + 2);
    const at = nextLineStart(source, keyStart);
    return linesAfter(source, at, blockLines(need, indent));
  }
  return { message: '`needs` is not a list; make it one (`needs:` with entries under it).' };
}

function isEmpty(scalar: Scalar): boolean {
  const r = scalar.range;
  return r === undefined || r === null || r[0] === r[1];
}

/** The new entry as block lines, `dash` before its `-`. */
function blockLines(need: NewNeed, dash: string): string[] {
  const pad = `${dash}  `;
  const lines = [
    `${dash}- id: ${need.id}`,
    `${pad}title: ${yamlScalar(need.title)}`,
    `${pad}status: assumed ${ASSUMED_COMMENT}`,
  ];
  const paths = need.paths ?? [];
  const keywords = need.keywords ?? [];
  if (paths.length > 0 || keywords.length > 0) {
    lines.push(`${pad}match:`);
    if (paths.length > 0) lines.push(`${pad}  paths: ${yamlFlowList(paths)}`);
    if (keywords.length > 0) lines.push(`${pad}  keywords: ${yamlFlowList(keywords)}`);
  }
  return lines;
}

/** The new entry as one flow mapping, for a `needs: [...]` list. */
function flowEntry(need: NewNeed): string {
  const parts = [`id: ${need.id}`, `title: ${yamlScalar(need.title)}`, 'status: assumed'];
  const match: string[] = [];
  if ((need.paths ?? []).length > 0) match.push(`paths: ${yamlFlowList(need.paths ?? [])}`);
  if ((need.keywords ?? []).length > 0)
    match.push(`keywords: ${yamlFlowList(need.keywords ?? [])}`);
  if (match.length > 0) parts.push(`match: { ${match.join(', ')} }`);
  return `{ ${parts.join(', ')} }`;
}

/**
 * Parses the edited text and checks that its last need is `need`, word for
 * word: a quoting mistake must not reach the user's file.
 */
function verified(source: string, insertion: TextInsertion, need: NewNeed): EditResult {
  const after = applyInsertion(source, insertion);
  const data = readYaml(after);
  const needs = (data as { needs?: unknown } | null)?.needs;
  const entry = Array.isArray(needs) ? (needs.at(-1) as Record<string, unknown>) : undefined;
  const match = (entry?.match ?? {}) as Record<string, unknown>;
  const same =
    entry?.id === need.id &&
    entry.title === need.title &&
    sameList(match.paths, need.paths) &&
    sameList(match.keywords, need.keywords);
  if (!same) return { ok: false, message: 'Could not write the new need safely; nothing changed.' };
  const idAt = insertion.offset + insertion.text.indexOf(`id: ${need.id}`) + 'id: '.length;
  return { ok: true, insertion, focus: { start: idAt, end: idAt + need.id.length } };
}

function sameList(actual: unknown, wanted: readonly string[] | undefined): boolean {
  if (wanted === undefined || wanted.length === 0) return actual === undefined;
  return (
    Array.isArray(actual) &&
    actual.length === wanted.length &&
    actual.every((v, i) => v === wanted[i])
  );
}
