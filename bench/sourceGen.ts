/**
 * Generated source text in several languages: ordinary code lines, comments,
 * strings, keyword hits in the naming style of the language, and `@need`
 * annotations (a few naming ids no needs file knows).
 */
import type { Random } from './random';
import type { KeywordSpec } from './needsGen';
import { needSpec } from './needsGen';
import { CODE_WORDS, STYLES, styled } from './words';
import type { Style } from './words';

export type Language = 'ts' | 'js' | 'py' | 'go' | 'md';

export interface SourceOptions {
  readonly lines: number;
  /** Hits name keywords of needs 0 .. hitNeeds-1. */
  readonly hitNeeds: number;
  /** Share of lines with a keyword hit. */
  readonly hitRate: number;
  /** Share of lines with an annotation. */
  readonly annotationRate: number;
}

function hitText(rng: Random, k: KeywordSpec, style: Style): string {
  if (k.prefix)
    return styled([`${k.parts[0] ?? ''}${rng.pick(['ing', 'ment', 'er', ''])}`, 'value'], style);
  return styled(k.parts, style);
}

function codeIdent(rng: Random, style: Style): string {
  return styled([rng.pick(CODE_WORDS), rng.pick(CODE_WORDS)], style);
}

function randomKeyword(rng: Random, hitNeeds: number): { id: string; keyword: KeywordSpec } {
  const spec = needSpec(rng.int(0, hitNeeds - 1));
  return { id: spec.id, keyword: rng.pick(spec.keywords) };
}

/** One line of `lang`, maybe with a hit or an annotation. */
function line(rng: Random, lang: Language, o: SourceOptions): string {
  const comment = lang === 'py' ? '#' : lang === 'md' ? '' : '//';
  const indent = lang === 'go' ? '\t' : lang === 'md' ? '' : '    ';
  if (rng.chance(o.annotationRate)) {
    const id = rng.chance(0.05)
      ? `unknown-need-${rng.int(0, 99)}`
      : randomKeyword(rng, o.hitNeeds).id;
    return lang === 'md' ? `<!-- @need ${id} -->` : `${indent}${comment} @need ${id}`;
  }
  const hit = rng.chance(o.hitRate) ? randomKeyword(rng, o.hitNeeds).keyword : undefined;
  const r = rng.next();
  if (lang === 'md' || r < 0.15) {
    const words = Array.from({ length: rng.int(4, 10) }, () => rng.pick(CODE_WORDS));
    if (hit) words.splice(rng.int(0, words.length), 0, hitText(rng, hit, 'words'));
    return lang === 'md' ? words.join(' ') : `${indent}${comment} ${words.join(' ')}.`;
  }
  const style: Style =
    lang === 'py'
      ? 'snake'
      : lang === 'go'
        ? rng.pick(['camel', 'pascal'] as const)
        : rng.pick(STYLES);
  const name = hit
    ? hitText(rng, hit, style === 'words' || style === 'kebab' ? 'camel' : style)
    : codeIdent(rng, 'camel');
  const call = codeIdent(rng, lang === 'go' ? 'pascal' : lang === 'py' ? 'snake' : 'camel');
  if (r < 0.2)
    return `${indent}log(${JSON.stringify(`${rng.pick(CODE_WORDS)} ${hit ? hitText(rng, hit, 'kebab') : 'ok'}`)});`;
  if (lang === 'py')
    return `${indent}${name} = ${call}(${rng.pick(CODE_WORDS)}, ${rng.int(0, 999)})`;
  if (lang === 'go')
    return `${indent}${name} := ${call}(${rng.pick(CODE_WORDS)}, ${rng.int(0, 999)})`;
  return `${indent}const ${name} = ${call}(${rng.pick(CODE_WORDS)}.${rng.pick(CODE_WORDS)}, ${rng.int(0, 999)});`;
}

/** A source file of `lang` with `o.lines` lines. */
export function sourceText(rng: Random, lang: Language, o: SourceOptions): string {
  const out: string[] = [];
  for (let i = 0; i < o.lines; i++) out.push(line(rng, lang, o));
  return out.join('\n') + '\n';
}
