/**
 * Vocabulary for generated needs and code: a few real domain words, which many
 * needs share as in a real product, and many made-up ones, so that keywords
 * are mostly distinct as they are in a real needs file of thousands of needs.
 */
import { Random } from './random';

export const DOMAIN_WORDS: readonly string[] = (
  'account address basket billing cart card checkout coupon customer delivery discount ' +
  'invoice login order password payment price profile refund return review search ' +
  'session shipping signup stock subscription tax token total voucher wallet wishlist ' +
  'receipt report export import upload download notification email message reminder ' +
  'schedule booking calendar invite member team role permission audit archive backup'
).split(' ');

export const ADJECTIVES: readonly string[] = (
  'saved fast quick secure simple guest default recent pending failed expired ' +
  'monthly weekly bulk partial instant local remote shared private public'
).split(' ');

/** Ordinary code words that carry no need: the bulk of every line. */
export const CODE_WORDS: readonly string[] = (
  'value result data item items list index count size name id key state config ' +
  'options handler request response error context buffer input output node entry ' +
  'record field map set cache queue client server model view util helper parse ' +
  'format render update create delete load save check build apply resolve'
).split(' ');

const ONSETS = 'b c d f g h j k l m n p r s t v w z br cr dr fl gr pl st tr'.split(' ');
const VOWELS = 'a e i o u ai ou ea'.split(' ');
const CODAS = ' n r l s t x m nd rt'.split(' ');

/** `count` distinct pronounceable made-up words, the same for a given seed. */
export function madeUpWords(count: number, seed: number): string[] {
  const rng = new Random(seed);
  const seen = new Set<string>([...DOMAIN_WORDS, ...ADJECTIVES, ...CODE_WORDS]);
  const out: string[] = [];
  while (out.length < count) {
    let w = '';
    const syllables = rng.int(2, 3);
    for (let s = 0; s < syllables; s++) w += rng.pick(ONSETS) + rng.pick(VOWELS);
    w += rng.pick(CODAS);
    if (w.length < 4 || seen.has(w)) continue;
    seen.add(w);
    out.push(w);
  }
  return out;
}

export type Style = 'words' | 'camel' | 'pascal' | 'snake' | 'kebab' | 'upper';
export const STYLES: readonly Style[] = ['words', 'camel', 'pascal', 'snake', 'kebab', 'upper'];

/** Writes lower-case `parts` in one naming style: `saved card` -> `savedCard`, `SAVED_CARD`... */
export function styled(parts: readonly string[], style: Style): string {
  const cap = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);
  switch (style) {
    case 'words':
      return parts.join(' ');
    case 'camel':
      return parts.map((w, i) => (i === 0 ? w : cap(w))).join('');
    case 'pascal':
      return parts.map(cap).join('');
    case 'snake':
      return parts.join('_');
    case 'kebab':
      return parts.join('-');
    case 'upper':
      return parts.join('_').toUpperCase();
  }
}
