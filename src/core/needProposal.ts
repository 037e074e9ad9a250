/**
 * What "New Need from Selection" proposes before the user edits it: a title
 * and keywords from the identifiers in the selected code (split as matching
 * splits them, so the keywords match that code), an id from the title, and a
 * path glob naming the file. Also the checks on the id the user types.
 */
import { tokenize } from './tokens';

export interface NeedProposal {
  readonly id: string;
  readonly title: string;
  readonly keywords: readonly string[];
  readonly paths: readonly string[];
}

/** Words of code that say nothing about what a customer needs. */
const NOISE = new Set(
  (
    'a an and as async await break case catch class const continue def default delete do else enum ' +
    'export extends false final finally fn for from func function get if impl import in instanceof ' +
    'interface is let new nil none not null of or package private protected pub public return self ' +
    'set static string number boolean bool int void struct super switch this throw true try type ' +
    'typeof undefined use var while with yield the to data value values item items result res ' +
    'tmp temp obj args arg err error e i j k x y id ids key val props state ctx req'
  ).split(' '),
);

const MAX_KEYWORDS = 3;
const MAX_TITLE_WORDS = 8;

/**
 * The proposal for `selection` (code, or a word) in the file at `path`
 * (relative to the folder the needs file speaks for, `/`-separated), with an
 * id not in `takenIds`.
 */
export function proposeNeed(
  selection: string,
  path: string,
  takenIds: ReadonlySet<string>,
): NeedProposal {
  const phrases = identifierPhrases(selection);
  const keywords = phrases.slice(0, MAX_KEYWORDS);
  const first = keywords[0] ?? '';
  const words = first.split(' ').filter((w) => w !== '');
  const title = sentenceCase(words.slice(0, MAX_TITLE_WORDS).join(' '));
  return {
    id: uniqueId(kebabId(title), takenIds),
    title,
    keywords,
    paths: path === '' ? [] : [literalGlob(path)],
  };
}

/**
 * The identifiers of `text` as keyword phrases (`savedCard` gives
 * `saved card`), most frequent first, then in order of appearance; an
 * identifier made only of noise words, short words and digits is left out.
 */
export function identifierPhrases(text: string): string[] {
  const counts = new Map<string, { n: number; first: number }>();
  const identifier = /[\p{L}_$][\p{L}\p{N}_$]*/gu;
  let m: RegExpExecArray | null;
  let order = 0;
  while ((m = identifier.exec(text)) !== null) {
    // All of an identifier's tokens, digits too, or the keyword would not match it.
    const words = tokenize(m[0]).map((t) => t.text);
    const meaningful = words.filter((w) => w.length > 2 && !NOISE.has(w) && !/^\p{N}+$/u.test(w));
    if (meaningful.length === 0) continue;
    const phrase = (words.length > 1 ? words : meaningful).join(' ');
    const seen = counts.get(phrase);
    if (seen) seen.n++;
    else counts.set(phrase, { n: 1, first: order++ });
  }
  return [...counts.entries()]
    .sort((a, b) => b[1].n - a[1].n || a[1].first - b[1].first)
    .map(([phrase]) => phrase);
}

/** `Saved card checkout` gives `saved-card-checkout`; only a-z, 0-9 and single dashes. */
export function kebabId(text: string): string {
  const id = tokenize(text)
    .map((t) => t.text.normalize('NFKD').replace(/[^a-z0-9]/g, ''))
    .filter((w) => w !== '')
    .join('-');
  return /^[a-z]/.test(id) ? id : id === '' ? 'new-need' : `need-${id}`;
}

/** `base`, or `base-2`, `base-3` ... whichever is not taken. */
export function uniqueId(base: string, takenIds: ReadonlySet<string>): string {
  if (!takenIds.has(base)) return base;
  for (let n = 2; ; n++) if (!takenIds.has(`${base}-${n}`)) return `${base}-${n}`;
}

const KEBAB = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** Why `id` cannot name a new need (a message for the input box), or undefined when it can. */
export function newIdProblem(id: string, takenIds: ReadonlySet<string>): string | undefined {
  if (id === '') return 'Give the need an id, such as saved-card-checkout.';
  if (!KEBAB.test(id))
    return 'Use kebab-case: lower-case letters and digits in words joined by "-", starting with a letter.';
  if (takenIds.has(id)) return `"${id}" is already a need in this needs file.`;
  return undefined;
}

/**
 * A glob that matches exactly `path`: glob characters escaped, and a leading
 * `/` for a file at the top, which would otherwise match at any depth.
 */
export function literalGlob(path: string): string {
  const escaped = path.replace(/[\\*?[\]{}()!+@]/g, (c) => `\\${c}`);
  return path.includes('/') ? escaped : `/${escaped}`;
}

function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
