/**
 * The baselines each measure is compared against, run in the same process:
 * the straightforward way to do the same job, or the tool that does its I/O.
 */
import { execFile } from 'node:child_process';
import { keywordPattern } from '../src/core/tokens';
import type { NeedsFile } from '../src/core/model';
import { forEachLine } from '../src/core/match';

interface RegexKeyword {
  readonly needId: string;
  readonly keyword: string;
  readonly re: RegExp;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The per-keyword regular-expression loop a first version would write, given
 * fairly every advantage: expressions compiled once, case-insensitive, the
 * keyword's words allowed to be joined by any separator or none (so `saved
 * card` finds `savedCard` and `SAVED_CARD`), no boundary checks to pay for.
 */
export function regexMatcher(file: NeedsFile): (text: string) => number {
  const keywords: RegexKeyword[] = [];
  for (const need of file.needs) {
    if (need.status === 'retired') continue;
    for (const k of need.keywords) {
      const pattern = keywordPattern(k.value);
      if (!pattern) continue;
      const source = pattern.tokens.map(escape).join('[\\W_]*');
      keywords.push({ needId: need.id, keyword: k.value, re: new RegExp(source, 'i') });
    }
  }
  return (text: string): number => {
    const links: { needId: string; keyword: string; line: number }[] = [];
    forEachLine(text, (line, n) => {
      for (const k of keywords)
        if (k.re.test(line)) links.push({ needId: k.needId, keyword: k.keyword, line: n });
    });
    return links.length;
  };
}

/** Runs a program to completion and returns its standard output. */
export function run(file: string, args: readonly string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { cwd, maxBuffer: 1 << 28, encoding: 'utf8' }, (err, stdout) => {
      // rg exits 1 when nothing matched: not an error for a baseline.
      if (err && (err as { code?: unknown }).code !== 1) reject(err);
      else resolve(stdout);
    });
  });
}

/**
 * The ripgrep binary: the one `@vscode/ripgrep` ships inside its npm package
 * (no download at install), else an `rg` on the PATH (Debian's `ripgrep`).
 */
export async function ripgrepPath(): Promise<string> {
  try {
    const mod = (await import('@vscode/ripgrep')) as { rgPath: string };
    return mod.rgPath;
  } catch {
    return 'rg';
  }
}
