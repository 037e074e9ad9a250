/**
 * docs/checklist-json.md and schema/checklist.schema.json stay true to what
 * the CLI prints: the example branch of the document is made in a real git
 * repository, and the real JSON of `checklist`, `check` and `explain` is held
 * against the document's examples, its field tables and the schema.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import type { ValidateFunction } from 'ajv/dist/2020';
import { TempRepo } from './helpers/gitRepo';
import { codeSpans, firstBlock, readDoc, section } from './helpers/markdown';
import { REPO_ROOT, ensureCliBuilt, runCli } from './helpers/runCli';

const DOC = 'docs/checklist-json.md';
const SCHEMA_FILE = path.join(REPO_ROOT, 'schema', 'checklist.schema.json');

/** The branch the document describes, written by hand from its words. */
const BASE_FILES: Record<string, string> = {
  'src/checkout/pay.ts': 'export function pay(): void {}\n',
  'src/cart/summary.ts': [
    "import { sum } from './sum';",
    'const shippingCost = 0;',
    'export const orderTotal = sum(lines) + shippingCost;',
    '',
  ].join('\n'),
};
const BRANCH_FILES: Record<string, string> = {
  'src/checkout/pay.ts': 'export function pay(): void {\n  confirm();\n}\n',
  'src/cart/summary.ts': [
    "import { sum } from './sum';",
    "import { shippingFor } from './shipping';",
    'const shippingCost = shippingFor(address);',
    'export const orderTotal = sum(lines) + shippingCost;',
    '',
  ].join('\n'),
};

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The schema as published: it accepts fields it does not name (they may be added). */
function loadSchema(): Record<string, unknown> {
  return JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Record<string, unknown>;
}

/**
 * The schema with `additionalProperties: false` on every object it describes
 * (not on the `if` test of a reason), so that a field the code prints but the
 * schema does not name fails here.
 */
function closed(node: unknown, key = ''): unknown {
  if (Array.isArray(node)) return node.map((n) => closed(n));
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[k] = k === 'if' ? v : closed(v, k);
  if (key !== 'if' && out['type'] === 'object' && 'properties' in out)
    out['additionalProperties'] = false;
  return out;
}

function compile(schema: unknown): ValidateFunction {
  return new Ajv2020({ allErrors: true, strict: true }).compile(schema as object);
}

function assertValid(validate: ValidateFunction, data: unknown, what: string): void {
  const valid = validate(data);
  assert.equal(valid, true, `${what}: ${JSON.stringify(validate.errors, null, 2)}`);
}

/** Every key of `value`, at any depth. */
function keysOf(value: Json, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keysOf(v, out);
  else if (typeof value === 'object' && value !== null)
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      keysOf(v, out);
    }
  return out;
}

/** Every property name the schema describes. */
function schemaProperties(node: unknown, out = new Set<string>()): Set<string> {
  if (typeof node !== 'object' || node === null) return out;
  const props = (node as Record<string, unknown>)['properties'];
  if (typeof props === 'object' && props !== null) for (const k of Object.keys(props)) out.add(k);
  for (const v of Object.values(node)) schemaProperties(v, out);
  return out;
}

describe('docs/checklist-json.md and schema/checklist.schema.json', () => {
  const doc = readDoc(DOC);
  const documented = new Set(codeSpans(doc).map((s) => s.replace(/^.*\./, '')));
  const docExample = JSON.parse(firstBlock(doc, '## An example', 'json')) as {
    [key: string]: Json;
  };
  const open = compile(loadSchema());
  const strict = compile(closed(loadSchema()));

  let repo: TempRepo;
  let checklist: { [key: string]: Json };
  let base: string;

  before(function () {
    this.timeout(60_000);
    ensureCliBuilt();
    repo = new TempRepo();
    const needsDoc = readDoc('docs/needs-file.md');
    repo.write('customer-needs.yaml', firstBlock(needsDoc, '## A complete example', 'yaml'));
    for (const [rel, text] of Object.entries(BASE_FILES)) repo.write(rel, text);
    base = repo.commitAll('base');
    repo.git('checkout', '-q', '-b', 'feature');
    for (const [rel, text] of Object.entries(BRANCH_FILES)) repo.write(rel, text);
    // The example's evidence must not turn stale in the years this test runs.
    const run = runCli(repo.dir, ['checklist', '--format', 'json', '--stale-days', '100000']);
    assert.equal(run.code, 0, run.stderr);
    checklist = JSON.parse(run.stdout) as { [key: string]: Json };
  });

  after(() => repo?.remove());

  it('the schema compiles in strict mode, open and closed', () => {
    assert.equal(typeof open, 'function');
    assert.equal(typeof strict, 'function');
  });

  it("the document's example is valid against the schema, naming only its fields", () => {
    assertValid(strict, docExample, 'the example of the document');
  });

  it('the real checklist of the example branch is the example of the document', () => {
    assert.deepEqual(checklist, { ...docExample, base });
  });

  it('the real checklist is valid against the schema, naming only its fields', () => {
    assertValid(strict, checklist, 'checklist --format json');
  });

  it('the schema rejects what the contract rules out', () => {
    const need = (docExample['needs'] as { [key: string]: Json }[])[0] as { [key: string]: Json };
    const because = need['because'] as { [key: string]: Json }[];
    const withReason = (reason: { [key: string]: Json }): Json => ({
      ...docExample,
      needs: [{ ...need, because: [reason] }],
    });
    const file = 'src/a.ts';
    assert.equal(
      open(withReason({ file, rule: 'path', line: 3 })),
      false,
      'a path reason has no line',
    );
    assert.equal(
      open(withReason({ file, rule: 'keyword', match: 'x' })),
      false,
      'a keyword reason has a line',
    );
    assert.equal(open(withReason({ file, rule: 'keyword', line: 0 })), false, 'lines are 1-based');
    assert.equal(
      open(withReason({ file, rule: 'glob' })),
      false,
      'rules are path, keyword, annotation',
    );
    assert.equal(open({ ...docExample, needs: [{ ...need, status: 'retired' }] }), false);
    assert.equal(open({ ...docExample, version: 2 }), false);
    assert.ok(because.length > 0);
    // Added fields are allowed by the published schema.
    assert.equal(open({ ...docExample, later: 'a field added in a later release' }), true);
  });

  it('the document names every field the checklist prints and the schema describes', () => {
    const missing = [...keysOf(checklist), ...schemaProperties(loadSchema())].filter(
      (k) => !documented.has(k),
    );
    assert.deepEqual([...new Set(missing)], []);
  });

  it('the document names every field of check --format json, and its example problem is real', () => {
    const run = runCli(repo.dir, ['check', '--format', 'json']);
    const real = JSON.parse(run.stdout) as { [key: string]: Json };
    const missing = [...keysOf(real)].filter((k) => !documented.has(k));
    assert.deepEqual(missing, []);
    const example = JSON.parse(firstBlock(doc, '## `outside-in check --format json`', 'json')) as {
      [key: string]: Json;
    };
    assert.deepEqual(Object.keys(real), Object.keys(example));
    for (const problem of example['problems'] as Json[])
      assert.ok(
        (real['problems'] as Json[]).some((p) => JSON.stringify(p) === JSON.stringify(problem)),
        `not reported: ${JSON.stringify(problem)}`,
      );
    assert.deepEqual(real['files'], example['files']);
  });

  it('explain --format json prints the example of the document', () => {
    const run = runCli(repo.dir, ['explain', 'src/cart/summary.ts:3', '--format', 'json']);
    assert.equal(run.code, 0, run.stderr);
    const example = JSON.parse(
      firstBlock(doc, '## `outside-in explain --format json`', 'json'),
    ) as Json;
    assert.deepEqual(JSON.parse(run.stdout), example);
  });

  it('the document gives every field of the top level, a need, a reason, a value and files a row', () => {
    const rows = (heading: string): string[] =>
      section(doc, heading)
        .split('\n')
        .filter((l) => l.startsWith('| `'))
        .map((l) => codeSpans(l)[0] ?? '');
    const schema = loadSchema() as {
      properties: Record<string, { properties?: Record<string, unknown> }>;
      $defs: Record<string, { properties: Record<string, unknown> }>;
    };
    const tables: [string, Record<string, unknown>][] = [
      ['## Top level', schema.properties],
      ['## needs', schema.$defs['need']?.properties ?? {}],
      ['## because', schema.$defs['because']?.properties ?? {}],
      ['## values', schema.$defs['value']?.properties ?? {}],
      ['## files', schema.properties['files']?.properties ?? {}],
    ];
    for (const [heading, properties] of tables)
      assert.deepEqual(rows(heading).sort(), Object.keys(properties).sort(), heading);
  });
});
