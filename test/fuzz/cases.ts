/**
 * Needs-file texts for fuzzing: valid files with random edits, random YAML,
 * random bytes (invalid UTF-8 included), with a BOM or CRLF line ends. Shared
 * by the quick run in `npm test` and the long `npm run fuzz`.
 */
import * as fc from 'fast-check';
import { stringify } from 'yaml';
import type { Problem } from '../../src/core/model';

/** A valid needs file using every feature of format v1: the seed for mutations. */
export const SEED = [
  'version: 1',
  'product: Fuzz Shop',
  'personas:',
  '  shopper: {name: Returning shopper, description: Buys often}',
  'values:',
  '  - id: honest-errors',
  '    statement: We say what went wrong.',
  '    review: ["Does the message say what to do next?"]',
  '    paths: ["src/**"]',
  'needs:',
  '  - id: fast-checkout',
  '    title: Checkout feels instant',
  '    persona: shopper',
  '    priority: high',
  '    status: validated',
  '    quote: "I just want to pay and go."',
  '    evidence:',
  '      - source: NPS survey',
  '        kind: survey',
  '        quote: "Why do I type my card every time?"',
  '        url: https://example.com/t/1',
  '        date: 2026-09-14',
  '    signals: [38% of sessions end on the payment step]',
  '    match:',
  '      paths: ["src/checkout/**", "!src/checkout/legacy/**"]',
  '      keywords: [checkout, saved card, pay*]',
  '    review:',
  '      - Does this change add a step?',
  '    owner: "@payments"',
  '  - &n {id: gift-note, title: Gift notes, status: assumed}',
  '  - id: old',
  '    title: Old thing',
  '    status: retired',
  '',
].join('\n');

/** Characters that matter to YAML, plus a few that matter to us. */
const YAML_CHARS = [
  ...':-[]{}#&*!|>\'"%@`,? \n\t\r\\',
  'a',
  'Z',
  '0',
  '9',
  '.',
  'é',
  '\u0000',
  '\ufeff',
];

const edit = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.string({ unit: fc.constantFrom(...YAML_CHARS), maxLength: 8 }),
  }),
  fc.record({
    kind: fc.constant('delete' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 20 }),
  }),
  fc.record({ kind: fc.constant('swapLines' as const), at: fc.nat(), other: fc.nat() }),
);

type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

function applyEdit(text: string, e: Edit): string {
  if (e.kind === 'insert') {
    const at = e.at % (text.length + 1);
    return text.slice(0, at) + e.text + text.slice(at);
  }
  if (e.kind === 'delete') {
    const at = e.at % (text.length + 1);
    return text.slice(0, at) + text.slice(at + e.length);
  }
  const lines = text.split('\n');
  const a = e.at % lines.length;
  const b = e.other % lines.length;
  [lines[a], lines[b]] = [lines[b] as string, lines[a] as string];
  return lines.join('\n');
}

/** The seed with 1 to 6 random edits. */
export const mutatedSeed: fc.Arbitrary<string> = fc
  .array(edit, { minLength: 1, maxLength: 6 })
  .map((edits) => edits.reduce(applyEdit, SEED));

/** Arbitrary JSON-like values printed as YAML, sometimes under a plausible top level. */
export const randomYaml: fc.Arbitrary<string> = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }).map((v) => stringify(v)),
  fc
    .record({
      version: fc.oneof(fc.constant(1), fc.jsonValue({ maxDepth: 1 })),
      needs: fc.jsonValue({ maxDepth: 3 }),
    })
    .map((v) => stringify(v)),
  fc
    .array(
      fc.dictionary(
        fc.constantFrom(
          'id',
          'title',
          'priority',
          'status',
          'quote',
          'evidence',
          'match',
          'review',
          'x',
        ),
        fc.jsonValue({ maxDepth: 2 }),
      ),
      { maxLength: 5 },
    )
    .map((needs) => stringify({ version: 1, needs })),
);

/** Random bytes read as UTF-8, as an editor would: invalid sequences become U+FFFD. */
export const randomBytes: fc.Arbitrary<string> = fc
  .uint8Array({ maxLength: 400 })
  .map((b) => Buffer.from(b).toString('utf8'));

/** Any of the above, sometimes with a BOM or CRLF line ends. */
export const needsText: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof(
      { weight: 3, arbitrary: mutatedSeed },
      { weight: 2, arbitrary: randomYaml },
      { weight: 1, arbitrary: randomBytes },
    ),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([text, bom, crlf]) => `${bom ? '\ufeff' : ''}${crlf ? text.replace(/\n/g, '\r\n') : text}`);

/** Why a problem's span is not inside `text`, or undefined when it is. */
export function spanOutside(text: string, p: Problem): string | undefined {
  // Lines as the loader counts them: split at \n (a \r stays on its line).
  const lengths = text.split('\n').map((l) => l.length);
  for (const [name, pos] of [['start', p.span.start] as const, ['end', p.span.end] as const]) {
    const length = lengths[pos.line];
    if (length === undefined || pos.character < 0 || pos.character > length) {
      return `${p.rule} ${name} ${pos.line}:${pos.character} is outside the text (${lengths.length} lines)`;
    }
  }
  const { start, end } = p.span;
  if (end.line < start.line || (end.line === start.line && end.character < start.character)) {
    return `${p.rule} ends before it starts`;
  }
  return undefined;
}
