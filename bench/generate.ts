/**
 * Builds the benchmark inputs under `.bench/` (git-ignored) once, and reuses
 * them when present: every input is generated from a fixed seed, so a rebuilt
 * input is byte-for-byte the same.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { AREAS, needsYaml } from './needsGen';
import { Random, seedOf } from './random';
import { sourceText } from './sourceGen';
import type { Language } from './sourceGen';

/** Bump when generation changes, so stale inputs are not reused. */
const VERSION = 'v2';
export const NEEDS_SIZES = [100, 1000, 2000, 10000] as const;
export const TREE_FILES = 20000;
export const BIG_FILE_LINES = 10000;
export const DIFF_FILES = 2000;
/** Needs in the tree's and the repository's needs file. */
export const TREE_NEEDS = 2000;

export interface Inputs {
  readonly dir: string;
  needsFile(count: number): string;
  readonly bigFile: string;
  readonly tree: string;
  readonly repo: string;
}

const LANGS: readonly Language[] = ['ts', 'ts', 'ts', 'js', 'js', 'py', 'py', 'go', 'go', 'md'];

/** Makes (or reuses) every input under `<root>/.bench/`, logging what it builds. */
export function ensureInputs(root: string, log: (msg: string) => void): Inputs {
  const dir = path.join(root, '.bench', VERSION);
  mkdirSync(dir, { recursive: true });
  const once = (name: string, build: () => void): void => {
    const marker = path.join(dir, `.done-${name}`);
    if (existsSync(marker)) return;
    const t = performance.now();
    log(`generating ${name} ...`);
    build();
    writeFileSync(marker, '');
    log(`  ${name} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  };
  const needsFile = (n: number): string => path.join(dir, `needs-${n}.yaml`);
  for (const n of NEEDS_SIZES) once(`needs-${n}`, () => writeFileSync(needsFile(n), needsYaml(n)));
  const bigFile = path.join(dir, 'big.ts');
  once('big', () => writeFileSync(bigFile, bigFileText()));
  const tree = path.join(dir, 'tree');
  once('tree', () => writeTree(tree));
  const repo = path.join(dir, 'repo');
  once('repo', () => buildRepo(repo));
  return { dir, needsFile, bigFile, tree, repo };
}

function bigFileText(): string {
  const rng = new Random(seedOf(0xb16, 0));
  // Hits name the first 100 needs, which every needs file holds.
  return sourceText(rng, 'ts', {
    lines: BIG_FILE_LINES,
    hitNeeds: 100,
    hitRate: 0.1,
    annotationRate: 0.005,
  });
}

/** `src/<area>/m<k>/` folders, with a `legacy/` one in each area. */
function treePath(i: number, lang: Language): string {
  const area = AREAS[i % AREAS.length] as string;
  const rest = Math.floor(i / AREAS.length);
  const sub = rest % 11 === 10 ? 'legacy' : `m${rest % 11}`;
  const top = lang === 'md' ? 'docs' : i % 7 === 0 ? 'lib' : 'src';
  return `${top}/${area}/${sub}/f${i}.${lang}`;
}

function writeTree(tree: string): void {
  rmSync(tree, { recursive: true, force: true });
  mkdirSync(tree, { recursive: true });
  writeFileSync(path.join(tree, 'customer-needs.yaml'), needsYaml(TREE_NEEDS));
  writeFileSync(path.join(tree, '.gitignore'), '*.log\n/build/\n');
  const made = new Set<string>();
  for (let i = 0; i < TREE_FILES; i++) {
    const rng = new Random(seedOf(0x7ee, i));
    const lang = rng.pick(LANGS);
    const rel = treePath(i, lang);
    const folder = path.dirname(path.join(tree, rel));
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    const text = sourceText(rng, lang, {
      lines: rng.int(10, 70),
      hitNeeds: TREE_NEEDS,
      hitRate: 0.06,
      annotationRate: 0.004,
    });
    writeFileSync(path.join(tree, rel), text);
  }
}

/**
 * A repository of two commits whose diff touches DIFF_FILES files (most
 * modified, some added, some deleted), written with one `git fast-import`.
 */
function buildRepo(repo: string): void {
  rmSync(repo, { recursive: true, force: true });
  mkdirSync(repo, { recursive: true });
  git(repo, ['init', '-q', '-b', 'main']);
  const chunks: string[] = [];
  const file = (p: string, text: string): void => {
    chunks.push(`M 100644 inline ${p}\ndata ${Buffer.byteLength(text)}\n${text}\n`);
  };
  const commit = (message: string, time: number, body: () => void): void => {
    chunks.push(
      'commit refs/heads/main\n',
      `author Bench <bench@example.com> ${time} +0000\n`,
      `committer Bench <bench@example.com> ${time} +0000\n`,
      `data ${message.length}\n${message}\n`,
    );
    body();
    chunks.push('\n');
  };
  const base: string[] = [];
  const sourceOf = (i: number, rng: Random): string[] =>
    sourceText(rng, LANGS[i % LANGS.length] as Language, {
      lines: rng.int(20, 60),
      hitNeeds: TREE_NEEDS,
      hitRate: 0.06,
      annotationRate: 0.004,
    })
      .trimEnd()
      .split('\n');
  const pathOf = (i: number): string => treePath(i, LANGS[i % LANGS.length] as Language);
  const deleted = DIFF_FILES - 25;
  commit('base', 1700000000, () => {
    file('customer-needs.yaml', needsYaml(TREE_NEEDS));
    for (let i = 0; i < DIFF_FILES - 25; i++) {
      const text = sourceOf(i, new Random(seedOf(0xba5e, i))).join('\n') + '\n';
      base.push(text);
      file(pathOf(i), text);
    }
  });
  commit('head', 1700003600, () => {
    for (let i = 0; i < DIFF_FILES; i++) {
      const rng = new Random(seedOf(0x4ead, i));
      if (i >= deleted) {
        file(pathOf(i), sourceOf(i, rng).join('\n') + '\n'); // added
        continue;
      }
      if (i >= deleted - 25) {
        chunks.push(`D ${pathOf(i)}\n`);
        continue;
      }
      const lines = (base[i] as string).trimEnd().split('\n');
      const fresh = sourceOf(i, rng);
      for (let c = 0; c < 3; c++) lines[rng.int(0, lines.length - 1)] = fresh[c] ?? '';
      lines.splice(rng.int(0, lines.length), 0, ...fresh.slice(3, 5));
      file(pathOf(i), lines.join('\n') + '\n');
    }
  });
  const r = spawnSync('git', ['fast-import', '--quiet'], {
    cwd: repo,
    input: chunks.join(''),
    maxBuffer: 1 << 28,
  });
  if (r.status !== 0) throw new Error(`git fast-import failed: ${r.stderr.toString()}`);
}

export function git(cwd: string, args: readonly string[]): string {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}
