import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { parseDocument } from 'yaml';

// Tests compile to out/test/unit/, three levels below the repository root.
const ROOT = path.resolve(__dirname, '../../..');
const SCHEMA_FILE = path.join(ROOT, 'schema', 'customer-needs.schema.json');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'needs');

interface Expectation {
  readonly valid: boolean;
  readonly rule?: string;
  /** Only Outside-In's validator can see the problem; the schema must accept the file. */
  readonly validatorOnly: boolean;
}

const RULES = [
  'yaml-syntax',
  'unsupported-version',
  'missing-field',
  'wrong-type',
  'invalid-id',
  'duplicate-id',
  'unknown-persona',
  'invalid-enum',
  'invalid-url',
  'invalid-date',
];

const HEADER = /^# expect: (?:(valid)|invalid ([a-z-]+)( \(validator-only\))?)\s*$/;

function readExpectation(file: string, text: string): Expectation {
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  const m = HEADER.exec(first);
  assert.ok(m, `${file}: first line must be "# expect: valid" or "# expect: invalid <rule>"`);
  if (m[1]) return { valid: true, validatorOnly: false };
  const rule = m[2];
  assert.ok(rule && RULES.includes(rule), `${file}: unknown rule "${rule}"`);
  return { valid: false, rule, validatorOnly: m[3] !== undefined };
}

function compileSchema(): ValidateFunction {
  // strict mode stays on, so a misspelt keyword in the schema itself fails here;
  // the two editor-only keywords are declared so strict mode accepts them.
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  ajv.addVocabulary(['markdownDescription', 'markdownEnumDescriptions']);
  addFormats(ajv);
  const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as object;
  return ajv.compile(schema);
}

/** The schema's verdict on a YAML text; a file that does not parse is invalid. */
function schemaVerdict(
  validate: ValidateFunction,
  text: string,
): { valid: boolean; errors: string } {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) {
    return { valid: false, errors: doc.errors.map((e) => e.message).join('; ') };
  }
  const valid = validate(doc.toJS()) === true;
  return { valid, errors: describeErrors(validate.errors) };
}

function describeErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`).join('; ');
}

describe('customer-needs.schema.json', () => {
  const validate = compileSchema();
  const fixtures = readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.yaml'))
    .sort();

  it('has valid and invalid fixtures for every rule', () => {
    const headers = fixtures.map((f) =>
      readExpectation(f, readFileSync(path.join(FIXTURES, f), 'utf8')),
    );
    assert.ok(headers.filter((h) => h.valid).length >= 4, 'at least four valid fixtures');
    const covered = new Set(headers.map((h) => h.rule).filter((r) => r !== undefined));
    assert.deepEqual([...covered].sort(), [...RULES].sort());
  });

  for (const file of fixtures) {
    it(file, () => {
      const text = readFileSync(path.join(FIXTURES, file), 'utf8');
      const expected = readExpectation(file, text);
      const actual = schemaVerdict(validate, text);
      if (expected.valid || expected.validatorOnly) {
        assert.equal(actual.valid, true, `the schema should accept ${file}: ${actual.errors}`);
      } else {
        assert.equal(actual.valid, false, `the schema should reject ${file} (${expected.rule})`);
      }
    });
  }

  it('accepts the example shop needs file', () => {
    const text = readFileSync(path.join(ROOT, 'examples', 'shop', 'customer-needs.yaml'), 'utf8');
    const actual = schemaVerdict(validate, text);
    assert.equal(actual.valid, true, actual.errors);
  });

  it('rejects a misspelt key, which the validator only warns about', () => {
    const text = 'version: 1\nneeds:\n  - id: a\n    title: A\n    match:\n      keywrods: [pay]\n';
    assert.equal(schemaVerdict(validate, text).valid, false);
  });

  it('gives every property a description and a markdownDescription for editors', () => {
    const missing: string[] = [];
    const visit = (node: unknown, where: string): void => {
      if (typeof node !== 'object' || node === null) return;
      const record = node as Record<string, unknown>;
      const properties = record['properties'];
      if (typeof properties === 'object' && properties !== null) {
        for (const [key, sub] of Object.entries(properties)) {
          const s = sub as Record<string, unknown>;
          if (
            typeof s['description'] !== 'string' ||
            typeof s['markdownDescription'] !== 'string'
          ) {
            missing.push(`${where}.${key}`);
          }
        }
      }
      for (const [key, value] of Object.entries(record)) visit(value, `${where}.${key}`);
    };
    visit(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')), '$');
    assert.deepEqual(missing, []);
  });
});
