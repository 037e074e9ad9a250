/**
 * docs/needs-file.md stays true: its complete example loads with no problem,
 * its tables of tokens, keywords and globs say what the code does, every rule
 * id the code can report is listed (and none it cannot), and the links of the
 * user-facing documents point at files of the repository.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import type { ValidateFunction } from 'ajv/dist/2020';
import { parseDocument } from 'yaml';
import { globsMatcher } from '../../src/core/globs';
import { loadNeedsText } from '../../src/core/load';
import { buildIndex } from '../../src/core/match';
import { tokenize } from '../../src/core/tokens';
import {
  anchors,
  codeSpans,
  firstBlock,
  linkTargets,
  readDoc,
  section,
  tableRows,
} from './helpers/markdown';
import { rootSet } from './helpers/needsIndex';
import { REPO_ROOT } from './helpers/runCli';

const NEEDS_DOC = 'docs/needs-file.md';
/** Later than the example's newest evidence, so no evidence in it is stale on this day. */
const TODAY = '2026-11-01';

/** The link rules of a Link, not problems: the doc explains them in their own sections. */
const LINK_RULES = new Set(['path', 'keyword', 'annotation']);

function compileNeedsSchema(): ValidateFunction {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  ajv.addVocabulary(['markdownDescription', 'markdownEnumDescriptions']);
  const schema = JSON.parse(
    readFileSync(path.join(REPO_ROOT, 'schema', 'customer-needs.schema.json'), 'utf8'),
  ) as object;
  return ajv.compile(schema);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const abs = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(abs);
    return e.name.endsWith('.ts') ? [abs] : [];
  });
}

/**
 * Every rule id the code can give a problem, read from src/ with fixed
 * patterns: `rule: 'x'`, a severity followed by a rule (`report('error',
 * 'x', ...)`), `refuse('x')` and `fileProblem('x')`, and the same through a
 * constant (`rule: INVALID_UTF8`, `d.code = UNKNOWN_NEED`).
 */
function ruleIdsInCode(): Map<string, string> {
  const texts = sourceFiles(path.join(REPO_ROOT, 'src')).map((f) => ({
    file: path.relative(REPO_ROOT, f),
    text: readFileSync(f, 'utf8'),
  }));
  const constants = new Map<string, string>();
  for (const { text } of texts)
    for (const m of text.matchAll(/\bconst ([A-Z][A-Z0-9_]*) = '([a-z][a-z0-9-]*)';/g))
      constants.set(m[1] as string, m[2] as string);
  const found = new Map<string, string>();
  const literal = [
    /\brule:\s*'([a-z][a-z0-9-]*)'/g,
    /'(?:error|warning)',\s*'([a-z][a-z0-9-]*)'/g,
    /\b(?:refuse|fileProblem)\(\s*'([a-z][a-z0-9-]*)'/g,
  ];
  const named = /(?:\brule:\s*|\.code\s*=\s*)([A-Z][A-Z0-9_]*)\b/g;
  for (const { file, text } of texts) {
    for (const pattern of literal)
      for (const m of text.matchAll(pattern)) found.set(m[1] as string, file);
    for (const m of text.matchAll(named)) {
      const value = constants.get(m[1] as string);
      assert.ok(value !== undefined, `${file}: rule constant ${m[1]} has no literal value`);
      found.set(value, file);
    }
  }
  for (const rule of LINK_RULES) found.delete(rule);
  return found;
}

describe('docs/needs-file.md', () => {
  const doc = readDoc(NEEDS_DOC);

  describe('the complete example', () => {
    const example = firstBlock(doc, '## A complete example', 'yaml');

    it('loads with no problem through the core loader', () => {
      const { file, problems } = loadNeedsText(example, { today: TODAY });
      assert.deepEqual(problems, []);
      assert.equal(file?.needs.length, 3);
    });

    it('is valid against the JSON Schema', () => {
      const validate = compileNeedsSchema();
      const valid = validate(parseDocument(example).toJS());
      assert.equal(valid, true, JSON.stringify(validate.errors));
    });

    it('uses every field the JSON Schema knows, at every level', () => {
      // What the schema names (its properties, by where they stand) against
      // the keys the example writes there.
      const schema = JSON.parse(
        readFileSync(path.join(REPO_ROOT, 'schema', 'customer-needs.schema.json'), 'utf8'),
      ) as SchemaNode;
      const data = parseDocument(example).toJS() as Record<string, unknown>;
      const personas = Object.values(data['personas'] as object) as Record<string, unknown>[];
      const values = data['values'] as Record<string, unknown>[];
      const needs = data['needs'] as Record<string, unknown>[];
      const evidence = needs.flatMap((n) => (n['evidence'] ?? []) as Record<string, unknown>[]);
      const matches = needs.flatMap((n) => (n['match'] ? [n['match'] as object] : []));
      const defs = schema.$defs ?? {};
      const levels: [string, SchemaNode | undefined, object[]][] = [
        ['the file', schema, [data]],
        ['a persona', defs['persona'], personas],
        ['a value', defs['value'], values],
        ['a need', defs['need'], needs],
        ['a match', defs['need']?.properties?.['match'], matches],
        ['evidence', defs['evidence'], evidence],
      ];
      for (const [where, node, objects] of levels) {
        const known = Object.keys(node?.properties ?? {}).sort();
        assert.ok(known.length > 0, `the schema names no field of ${where}`);
        const used = new Set(objects.flatMap((o) => Object.keys(o)));
        assert.deepEqual(
          known.filter((k) => !used.has(k)),
          [],
          `fields of ${where} missing from the example`,
        );
      }
    });
  });

  it("README's needs-file example loads with no problem", () => {
    const readme = readDoc('README.md');
    const example = firstBlock(readme, '## The needs file (format version 1)', 'yaml');
    assert.deepEqual(loadNeedsText(example, { today: TODAY }).problems, []);
  });

  describe('the token table', () => {
    const rows = tableRows(doc, ['text', 'tokens']);
    it('has rows', () => assert.ok(rows.length >= 10));
    for (const [text, tokens] of rows) {
      const [input] = codeSpans(text ?? '');
      it(`${input} gives ${tokens}`, () => {
        assert.ok(input !== undefined);
        assert.deepEqual(
          tokenize(input).map((t) => t.text),
          codeSpans(tokens ?? ''),
        );
      });
    }
  });

  describe('the keyword table', () => {
    const rows = tableRows(doc, ['keyword', 'matches', 'does not match']);
    it('has rows', () => assert.ok(rows.length >= 4));
    for (const [keywordCell, yes, no] of rows) {
      const [keyword] = codeSpans(keywordCell ?? '');
      const set = rootSet(
        buildIndex(
          loadNeedsText(
            `version: 1\nneeds:\n  - id: n\n    title: N\n    match:\n      keywords: [${JSON.stringify(keyword)}]\n`,
          ).file ?? assert.fail('the test needs file should load'),
        ),
      );
      for (const line of codeSpans(yes ?? ''))
        it(`${keyword} matches ${line}`, () =>
          assert.equal(set.lineLinks('src/a.ts', line, 0).length, 1));
      for (const line of codeSpans(no ?? ''))
        it(`${keyword} does not match ${line}`, () =>
          assert.deepEqual(set.lineLinks('src/a.ts', line, 0), []));
    }
  });

  describe('the glob table', () => {
    const rows = tableRows(doc, ['pattern', 'matches', 'does not match']);
    it('has rows', () => assert.ok(rows.length >= 5));
    for (const [patternCell, yes, no] of rows) {
      const [pattern] = codeSpans(patternCell ?? '');
      const matches = globsMatcher([pattern ?? '']);
      for (const p of codeSpans(yes ?? ''))
        it(`${pattern} matches ${p}`, () => assert.equal(matches(p), true));
      for (const p of codeSpans(no ?? ''))
        it(`${pattern} does not match ${p}`, () => assert.equal(matches(p), false));
    }
  });

  describe('the problems table', () => {
    const listed = tableRows(section(doc, '## Problems'), ['rule', 'severity', 'meaning']).map(
      ([rule]) => codeSpans(rule ?? '')[0] ?? '',
    );
    const inCode = ruleIdsInCode();

    it('finds the rules of the loader, the decoder, the CLI and the coverage check in src/', () => {
      // Guards the patterns above: if they stopped finding rules, the next
      // test would pass on an empty list.
      for (const rule of ['yaml-syntax', 'invalid-utf8', 'unknown-need', 'unmatched-path'])
        assert.ok(inCode.has(rule), rule);
    });

    it('lists every rule id the code can report', () => {
      const missing = [...inCode].filter(([rule]) => !listed.includes(rule));
      assert.deepEqual(
        missing.map(([rule, file]) => `${rule} (${file})`),
        [],
        `add these rules to the Problems table of ${NEEDS_DOC}`,
      );
    });

    it('lists no rule id the code cannot report', () => {
      assert.deepEqual(
        listed.filter((rule) => !inCode.has(rule)),
        [],
      );
    });

    it('lists each rule once, with its severity', () => {
      assert.equal(new Set(listed).size, listed.length);
      for (const [rule, severity] of tableRows(section(doc, '## Problems'), [
        'rule',
        'severity',
        'meaning',
      ]))
        // A suspect link is a question for the reviewer, not a fault: the editor's one information.
        assert.ok(
          severity === 'error' ||
            severity === 'warning' ||
            (rule === '`suspect-link`' && severity === 'information'),
          `${rule}: ${severity}`,
        );
    });
  });
});

describe('YAML shown in the user documents', () => {
  for (const rel of ['README.md', 'docs/ci.md', NEEDS_DOC]) {
    it(`every yaml block of ${rel} parses (a copied workflow must run)`, () => {
      const blocks = [...readDoc(rel).matchAll(/^```yaml\n([\s\S]*?)^```/gm)].map(
        (m) => m[1] ?? '',
      );
      assert.ok(blocks.length > 0, `${rel} shows no YAML`);
      for (const block of blocks) {
        const errors = parseDocument(block).errors.map((e) => e.message);
        assert.deepEqual(errors, [], block);
      }
    });
  }
});

describe('links in the user documents', () => {
  for (const rel of ['README.md', 'CHANGELOG.md', NEEDS_DOC, 'docs/checklist-json.md']) {
    it(`${rel} links only to files of the repository, and to headings they have`, () => {
      const bad: string[] = [];
      for (const target of linkTargets(readDoc(rel))) {
        if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('/')) {
          bad.push(`${target}: outside the repository`);
          continue;
        }
        const [file = '', anchor] = target.split('#');
        const abs =
          file === '' ? path.join(REPO_ROOT, rel) : path.join(REPO_ROOT, path.dirname(rel), file);
        if (
          !path
            .relative(REPO_ROOT, abs)
            .split(path.sep)
            .every((p) => p !== '..')
        )
          bad.push(`${target}: outside the repository`);
        else if (!existsSync(abs)) bad.push(`${target}: no such file`);
        else if (anchor !== undefined && abs.endsWith('.md')) {
          if (!anchors(readFileSync(abs, 'utf8')).has(anchor))
            bad.push(`${target}: no such heading`);
        }
      }
      assert.deepEqual(bad, []);
    });
  }
});

interface SchemaNode {
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly $defs?: Readonly<Record<string, SchemaNode>>;
}
