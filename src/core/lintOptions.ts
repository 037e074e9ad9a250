/**
 * The optional top-level `lint:` map of a needs file (docs/lint.md): the
 * thresholds of the share rules and the lint rules a team turns off. It lives
 * in the needs file so that `outside-in check`, CI and the editor read the
 * same choice, and the team versions it with the needs it is about.
 */
import type { Node as YamlNode, YAMLMap } from 'yaml';
import { isScalar } from 'yaml';
import { closestIds } from './similar';
import type { YamlReader } from './yamlReader';

/** Every lint rule, in the order docs/lint.md describes them. */
export const LINT_RULES = [
  'broad-glob',
  'broad-keyword',
  'no-match-rules',
  'unused-persona',
  'value-without-review',
  'validated-without-quote',
] as const;
export type LintRule = (typeof LINT_RULES)[number];

/** A needs file's lint settings, every field filled in. */
export interface LintSettings {
  /** A path glob linking more than this share of its scope's files is broad (0 < x <= 1). */
  readonly broadGlob: number;
  /** A keyword relating more than this share of its scope's files is broad (0 < x <= 1). */
  readonly broadKeyword: number;
  /** A scope with fewer files gets no share warning: a share of a handful of files says little. */
  readonly minFiles: number;
  /** Rules that report nothing for this needs file. */
  readonly off: readonly LintRule[];
}

export const DEFAULT_LINT_SETTINGS: LintSettings = {
  broadGlob: 0.5,
  broadKeyword: 0.25,
  minFiles: 50,
  off: [],
};

const SHARE_KEYS = { 'broad-glob': 'broadGlob', 'broad-keyword': 'broadKeyword' } as const;
const LINT_KEYS = ['broad-glob', 'broad-keyword', 'min-files', 'off'];
const WHERE = 'the lint settings';

/**
 * Reads `lint:` from the root mapping of a needs file. Undefined when the file
 * has none (the defaults apply). A bad entry is reported on `r`, with its
 * span, and its default is used: one typo must not turn every rule off.
 */
export function readLintSettings(r: YamlReader, root: YAMLMap): LintSettings | undefined {
  const map = r.map(root, 'lint', 'the needs file');
  if (!map) return undefined;
  unknownLintKeys(r, map);
  const settings = { ...DEFAULT_LINT_SETTINGS };
  for (const [key, field] of Object.entries(SHARE_KEYS)) {
    const share = readNumber(r, map, key, 'a share of files between 0 and 1, e.g. 0.25 for 25%');
    if (share === undefined) continue;
    if (share.value > 0 && share.value <= 1) settings[field] = share.value;
    else
      r.report(
        'error',
        'invalid-threshold',
        `"${key}" must be a share of files above 0 and at most 1 (0.25 is 25%), not ${share.value}.`,
        r.span(share.node),
      );
  }
  const min = readNumber(r, map, 'min-files', 'a whole number of files, e.g. 50');
  if (min !== undefined) {
    if (Number.isInteger(min.value) && min.value >= 1) settings.minFiles = min.value;
    else
      r.report(
        'error',
        'invalid-threshold',
        `"min-files" must be a whole number of files, 1 or more, not ${min.value}.`,
        r.span(min.node),
      );
  }
  settings.off = readOff(r, map);
  return settings;
}

function readNumber(
  r: YamlReader,
  map: YAMLMap,
  key: string,
  expected: string,
): { value: number; node: YamlNode } | undefined {
  const found = r.pair(map, key);
  if (!found || found.value === null || (isScalar(found.value) && found.value.value === null))
    return undefined;
  const node = found.value;
  if (isScalar(node) && typeof node.value === 'number' && Number.isFinite(node.value))
    return { value: node.value, node };
  r.wrongType(node, key, WHERE, expected);
  return undefined;
}

function readOff(r: YamlReader, map: YAMLMap): LintRule[] {
  const off: LintRule[] = [];
  for (const entry of r.strings(map, 'off', WHERE)) {
    if (isLintRule(entry.value)) {
      off.push(entry.value);
      continue;
    }
    const guess = closestIds(entry.value, LINT_RULES, 1)[0];
    const hint =
      guess !== undefined ? `did you mean "${guess}"?` : `known: ${LINT_RULES.join(', ')}.`;
    r.report(
      'warning',
      'unknown-rule',
      `"${entry.value}" is not a lint rule that can be turned off; ${hint}`,
      entry.span,
    );
  }
  return off;
}

/**
 * Unknown keys are warnings, as elsewhere in the file. A rule id written as a
 * key (`unused-persona: off`) gets its own hint: those rules have no
 * threshold, and `off:` is the one way to silence a rule.
 */
function unknownLintKeys(r: YamlReader, map: YAMLMap): void {
  for (const pair of map.items) {
    if (!isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    if (LINT_KEYS.includes(key)) continue;
    const span = r.span(pair.key);
    if (isLintRule(key)) {
      r.report(
        'warning',
        'unknown-field',
        `Rule "${key}" has no threshold; to turn it off, list it under "off" in ${WHERE}.`,
        span,
      );
      continue;
    }
    const guess = closestIds(key, LINT_KEYS, 1)[0];
    const hint =
      guess !== undefined ? `did you mean "${guess}"?` : `known: ${LINT_KEYS.join(', ')}.`;
    r.report('warning', 'unknown-field', `Unknown field "${key}" in ${WHERE}; ${hint}`, span);
  }
}

function isLintRule(id: string): id is LintRule {
  return (LINT_RULES as readonly string[]).includes(id);
}
