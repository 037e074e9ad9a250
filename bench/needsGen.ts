/**
 * Generated needs files. Need i depends only on the seed and i, so the file of
 * 100 needs is the first 100 needs of the file of 10,000: code that mentions
 * the first needs' keywords hits the same needs at every size.
 */
import { Random, seedOf } from './random';
import { ADJECTIVES, DOMAIN_WORDS, STYLES, madeUpWords, styled } from './words';

const SEED = 0x0ff1ce;
const MADE_UP = madeUpWords(40000, SEED);
/**
 * Needs beyond the first 100 draw from words the 10,000-line file never
 * mentions: at 100 and at 10,000 needs it then has the same links, and the
 * ratio between the two shows the cost of the index, not of a longer answer.
 */
const FIRST = 100;
const SHARED_WORDS = MADE_UP.slice(0, 2000);
const OTHER_WORDS = MADE_UP.slice(2000);
const PRIORITIES = ['critical', 'high', 'medium', 'medium', 'low'];
const KINDS = ['survey', 'ticket', 'interview', 'review', 'metric', 'observation'];
const PERSONAS = ['shopper', 'admin', 'guest', 'merchant', 'support'];

/** Folders of the generated source tree; needs' path globs name them. */
export const AREAS: readonly string[] = DOMAIN_WORDS.slice(0, 40);

/** One keyword of a need: its lower-case words, and whether it ends in `*`. */
export interface KeywordSpec {
  readonly parts: readonly string[];
  readonly prefix: boolean;
}

export interface NeedSpec {
  readonly id: string;
  readonly keywords: readonly KeywordSpec[];
  readonly area: string;
}

/** The keywords and id of need `i` (0-based). */
export function needSpec(i: number): NeedSpec {
  const rng = new Random(seedOf(SEED, i));
  const own = i < FIRST ? SHARED_WORDS : OTHER_WORDS;
  const word = (): string =>
    i < FIRST && rng.chance(0.1) ? rng.pick(DOMAIN_WORDS) : rng.pick(own);
  const keywords: KeywordSpec[] = [];
  const n = rng.int(3, 8);
  for (let k = 0; k < n; k++) {
    const r = rng.next();
    if (r < 0.35) keywords.push({ parts: [word()], prefix: false });
    else if (r < 0.75) keywords.push({ parts: [rng.pick(ADJECTIVES), word()], prefix: false });
    else if (r < 0.85) keywords.push({ parts: [word(), word(), word()], prefix: false });
    else keywords.push({ parts: [rng.pick(own)], prefix: true });
  }
  const first = keywords[0]?.parts[0] ?? 'need';
  return { id: `n${String(i).padStart(5, '0')}-${first}`, keywords, area: rng.pick(AREAS) };
}

/** A keyword as a needs file would write it: mixed naming styles, `*` for prefixes. */
function keywordText(rng: Random, k: KeywordSpec): string {
  if (k.prefix) return `${k.parts[0] ?? ''}*`;
  return styled(k.parts, k.parts.length === 1 ? 'words' : rng.pick(STYLES));
}

function yamlString(s: string): string {
  return JSON.stringify(s);
}

/** The YAML text of a needs file with `count` needs. */
export function needsYaml(count: number): string {
  const out: string[] = ['version: 1', 'product: Bench Shop', 'personas:'];
  for (const p of PERSONAS) {
    out.push(
      `  ${p}:`,
      `    name: The ${p}`,
      `    description: A ${p} who uses the product weekly.`,
    );
  }
  out.push(
    'values:',
    '  - id: honest-errors',
    '    statement: We tell customers plainly what went wrong and what happens next.',
    '    review:',
    '      - Does each new error message say what happened and what to do next?',
    '  - id: no-dark-patterns',
    '    statement: We never trick a customer into a choice.',
    '    review: ["Is every opt-in a real choice?"]',
    '    paths: ["src/**", "!src/**/legacy/**"]',
    'needs:',
  );
  for (let i = 0; i < count; i++) out.push(...needLines(i));
  return out.join('\n') + '\n';
}

function needLines(i: number): string[] {
  const spec = needSpec(i);
  const rng = new Random(seedOf(SEED ^ 0x5eed, i));
  const topic = spec.keywords[0]?.parts.join(' ') ?? 'it';
  const lines = [
    `  - id: ${spec.id}`,
    `    title: ${yamlString(`The ${topic} works the way customers expect (#${i})`)}`,
    `    persona: ${rng.pick(PERSONAS)}`,
    `    priority: ${rng.pick(PRIORITIES)}`,
  ];
  if (rng.chance(0.6)) lines.push(`    quote: ${yamlString(`I just want the ${topic} to work.`)}`);
  if (rng.chance(0.85)) {
    lines.push('    evidence:');
    const n = rng.int(1, 3);
    for (let e = 0; e < n; e++) {
      const month = String(rng.int(1, 12)).padStart(2, '0');
      const day = String(rng.int(1, 28)).padStart(2, '0');
      lines.push(
        `      - source: ${yamlString(`Survey ${2024 + rng.int(0, 2)}-Q${rng.int(1, 4)}`)}`,
        `        kind: ${rng.pick(KINDS)}`,
        `        date: ${2024 + rng.int(0, 2)}-${month}-${day}`,
      );
      if (rng.chance(0.5))
        lines.push(`        quote: ${yamlString(`Why is the ${topic} so slow on my phone?`)}`);
      if (rng.chance(0.3)) lines.push(`        url: https://example.com/t/${i * 10 + e}`);
    }
  }
  if (rng.chance(0.3))
    lines.push('    signals:', `      - ${rng.int(5, 60)}% of sessions end here`);
  lines.push('    match:');
  lines.push(`      paths: [${pathGlobs(rng, spec.area).map(yamlString).join(', ')}]`);
  lines.push(
    `      keywords: [${spec.keywords.map((k) => yamlString(keywordText(rng, k))).join(', ')}]`,
  );
  lines.push('    review:', `      - Does this change make the ${topic} harder to use?`);
  if (rng.chance(0.5)) lines.push(`      - Is the ${topic} still clear to a first-time customer?`);
  return lines;
}

function pathGlobs(rng: Random, area: string): string[] {
  const r = rng.next();
  if (r < 0.5) return [`src/${area}/**`, `!src/${area}/legacy/**`];
  if (r < 0.75) return [`src/${area}/m${rng.int(0, 9)}/*.ts`];
  if (r < 0.9) return [`lib/${area}/`, `docs/${area}.md`];
  return [`**/*${rng.pick(AREAS)}*.py`];
}
