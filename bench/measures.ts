/**
 * The core measures. Each times our code and its baseline in the
 * same process, in alternation, and reports their ratio against a target.
 */
import { readFileSync, rmSync } from 'node:fs';
import * as nodePath from 'node:path';
import { parseDocument } from 'yaml';
import { buildChecklist } from '../src/core/checklist';
import { parseUnifiedDiff } from '../src/core/diff';
import { loadNeedsText } from '../src/core/load';
import { buildIndex } from '../src/core/match';
import type { NeedsFile } from '../src/core/model';
import { NeedsSet } from '../src/core/needsSet';
import { relatedNeeds } from '../src/core/relatedNeeds';
import { GIT_DIFF_FLAGS } from '../src/node/git';
import { loadNeedsFiles } from '../src/node/needsFiles';
import { scanTree } from '../src/node/scan';
import { CACHE_DIR, ScanCache, cacheKey } from '../src/node/scanCache';
import { scanWorkers } from '../src/cli/scanWorkers';
import { walkTree } from '../src/cli/scanCache';
import { regexMatcher, ripgrepPath, run } from './baselines';
import type { Inputs } from './generate';
import { git } from './generate';
import type { Sample } from './measure';
import { timePair } from './measure';

export interface Result {
  readonly name: string;
  readonly description: string;
  /** Median of our code (a p95 or a single reading for some editor measures), in `unit`. */
  readonly value: number;
  readonly unit: 'ms' | 'KB' | 'MB';
  /** Median of the baseline; NaN for a measure with an absolute target. */
  readonly baseline: number;
  readonly baselineDescription: string;
  /** value / baseline: below 1 means faster than the baseline. */
  readonly ratio: number;
  /** The largest ratio (or, without a baseline, value) that meets the target; Infinity: reported only. */
  readonly target: number;
  readonly targetText: string;
  readonly met: boolean;
  readonly samples: { readonly value: Sample; readonly baseline: Sample };
}

export interface MeasureOptions {
  /** Fewer runs, for a quick look; the docs are written from full runs. */
  readonly quick: boolean;
  readonly log: (msg: string) => void;
}

/** Evidence is aged against a fixed day, so warnings are the same every run. */
/** The command line's workers: its scans read on every core, as ripgrep does. */
const workers = scanWorkers();

const LOAD = { today: '2026-12-31', maxChars: 64 * 1024 * 1024 };

function result(r: Omit<Result, 'value' | 'baseline' | 'ratio' | 'met' | 'unit'>): Result {
  const value = r.samples.value.median;
  const baseline = r.samples.baseline.median;
  const ratio = value / baseline;
  return { ...r, value, unit: 'ms', baseline, ratio, met: ratio <= r.target };
}

function loadFile(text: string): NeedsFile {
  const loaded = loadNeedsText(text, LOAD);
  if (!loaded.file)
    throw new Error(`generated needs file does not load: ${loaded.problems[0]?.message}`);
  return loaded.file;
}

/** One needs file at the root, as the editor and the CLI hold it. */
function setOf(file: NeedsFile): NeedsSet {
  return new NeedsSet([{ needsFile: 'customer-needs.yaml', dir: '', index: buildIndex(file) }]);
}

/**
 * A set as new as a fresh process has, for each timed run (built untimed,
 * just before it: loading is measured apart): a set learns each folder's
 * globs as it is asked, and a command-line run starts without that.
 */
function freshSets(set: NeedsSet): { next: () => NeedsSet; beforeA: () => void } {
  let current: NeedsSet | undefined;
  return {
    beforeA: () => {
      current = new NeedsSet(
        set.scopes.map((s) => ({
          needsFile: s.needsFile,
          dir: s.dir,
          index: buildIndex(s.index.file),
        })),
      );
    },
    next: () => {
      if (current === undefined) throw new Error('freshSets: beforeA was not called');
      return current;
    },
  };
}

function setFor(inputs: Inputs, needs: number): NeedsSet {
  return setOf(loadFile(readFileSync(inputs.needsFile(needs), 'utf8')));
}

/**
 * What the status bar, the sidebar's filter and `outside-in explain` ask of a
 * file: the needs of its whole text, with their reasons. Counts the reasons,
 * so no link can be left unmade.
 */
function relate(set: NeedsSet, path: string, text: string): number {
  let reasons = 0;
  for (const r of relatedNeeds(set, path, { text })) reasons += r.reasons.length;
  return reasons;
}

const REGEX_LINES = 1000;

let sink = 0;
/** Keeps results alive so the engine cannot drop the work that made them. */
function use(n: number): void {
  sink = (sink + n) | 0;
}

export async function loadMeasure(inputs: Inputs, o: MeasureOptions): Promise<Result> {
  o.log('1. load + validate + index, 2,000 needs');
  const text = readFileSync(inputs.needsFile(2000), 'utf8');
  const samples = await timePair(
    () => use(buildIndex(loadFile(text)).exact.size),
    () => use(parseDocument(text).errors.length),
    { runs: o.quick ? 3 : 11, warmup: 2 },
  );
  return result({
    name: 'load-2000',
    description: 'loadNeedsText + buildIndex, 2,000 needs',
    baselineDescription: 'yaml parseDocument of the same text',
    target: 1.3,
    targetText: '≤ 1.3x',
    samples: { value: samples.a, baseline: samples.b },
  });
}

export async function relateMeasures(inputs: Inputs, o: MeasureOptions): Promise<Result[]> {
  o.log('2. relating a 10,000-line file');
  const text = readFileSync(inputs.bigFile, 'utf8');
  const path = 'src/checkout/m1/big.ts';
  const small = setFor(inputs, 100);
  const large = setFor(inputs, 10000);
  const flat = await timePair(
    () => use(relate(large, path, text)),
    () => use(relate(small, path, text)),
    { runs: o.quick ? 3 : 11, warmup: 2 },
  );
  const mid = loadFile(readFileSync(inputs.needsFile(2000), 'utf8'));
  const midSet = setOf(mid);
  const regex = regexMatcher(mid);
  // The regex loop takes about 10 ms a line here: both sides get the first
  // 1,000 lines, or one baseline run would take minutes.
  const slice = text.split('\n').slice(0, REGEX_LINES).join('\n');
  const vsRegex = await timePair(
    () => use(relate(midSet, path, slice)),
    () => use(regex(slice)),
    { runs: o.quick ? 3 : 9, runsB: o.quick ? 1 : 3, warmup: 1 },
  );
  return [
    result({
      name: 'relate-10000-vs-100',
      description: 'relatedNeeds of a 10,000-line file, 10,000 needs',
      baselineDescription: 'the same at 100 needs',
      target: 1.5,
      targetText: '≤ 1.5x (flat in needs)',
      samples: { value: flat.a, baseline: flat.b },
    }),
    result({
      name: 'relate-vs-regex-2000',
      description: 'relatedNeeds of the first 1,000 lines of that file, 2,000 needs',
      baselineDescription: 'per-line, per-keyword precompiled /i regex test, same lines and needs',
      target: 1 / 20,
      targetText: '≥ 20x faster (≤ 0.05x)',
      samples: { value: vsRegex.a, baseline: vsRegex.b },
    }),
  ];
}

export async function scanMeasure(inputs: Inputs, o: MeasureOptions): Promise<Result> {
  o.log('3. scanning the 20,000-file tree');
  const { set } = await loadNeedsFiles(inputs.tree, ['customer-needs.yaml'], LOAD);
  const rg = await ripgrepPath();
  // The tree sits in this repository's ignored .bench/: rg must not read our .gitignore.
  const rgArgs = ['--no-ignore-parent', '--no-messages', '-n', '-F', '@need', '.'];
  const fresh = freshSets(set);
  const samples = await timePair(
    async () =>
      use((await scanTree(inputs.tree, fresh.next(), { blocking: true, workers })).files.length),
    async () => use((await run(rg, rgArgs, inputs.tree)).length),
    { runs: o.quick ? 2 : 7, warmup: 1, beforeA: fresh.beforeA },
  );
  return result({
    name: 'scan-20000-files',
    description: 'scanTree of 20,000 files (annotations + keywords, 2,000 needs)',
    baselineDescription: `ripgrep (${rg === 'rg' ? 'rg on PATH' : '@vscode/ripgrep'}) for @need in the same tree`,
    target: 2,
    targetText: '≤ 2x',
    samples: { value: samples.a, baseline: samples.b },
  });
}

export async function warmScanMeasure(inputs: Inputs, o: MeasureOptions): Promise<Result> {
  o.log('3b. scanning the 20,000-file tree again, nothing changed (the cache)');
  const loaded = await loadNeedsFiles(inputs.tree, ['customer-needs.yaml'], LOAD);
  const { set } = loaded;
  const key = cacheKey(loaded.files, 'bench');
  rmSync(nodePath.join(inputs.tree, CACHE_DIR), { recursive: true, force: true });
  // The first run writes the caches; the timed runs find every folder and file
  // unchanged. The walk is the command line's, with its folder listings.
  await scanTree(inputs.tree, set, {
    paths: await walkTree(inputs.tree, true),
    blocking: true,
    cache: ScanCache.open(inputs.tree, key, set),
  });
  const rg = await ripgrepPath();
  const rgArgs = ['--no-ignore-parent', '--no-messages', '-n', '-F', '@need', '.'];
  const fresh = freshSets(set);
  const samples = await timePair(
    async () => {
      const s = fresh.next();
      const paths = await walkTree(inputs.tree, true);
      const cache = ScanCache.open(inputs.tree, key, s);
      use((await scanTree(inputs.tree, s, { paths, blocking: true, cache, workers })).files.length);
    },
    async () => use((await run(rg, rgArgs, inputs.tree)).length),
    { runs: o.quick ? 2 : 7, warmup: 1, beforeA: fresh.beforeA },
  );
  return result({
    name: 'scan-20000-files-warm',
    description: 'scanTree of the same tree with its cache, nothing changed since the last run',
    baselineDescription: 'ripgrep for @need in the same tree, as above',
    target: 0.5,
    targetText: '≤ 0.5x',
    samples: { value: samples.a, baseline: samples.b },
  });
}

/**
 * A tree nobody here wrote: this project's own node_modules (hundreds of
 * published packages), with the example shop's needs file, against ripgrep
 * searching the same tree for every keyword of that file.
 */
export async function nodeModulesMeasure(root: string, o: MeasureOptions): Promise<Result> {
  o.log('6. scanning node_modules with the example needs file');
  const tree = nodePath.join(root, 'node_modules');
  const needs = readFileSync(
    nodePath.join(root, 'examples', 'shop', 'customer-needs.yaml'),
    'utf8',
  );
  const set = setOf(loadFile(needs));
  const keywords = set.scopes[0]?.index.file.needs.flatMap((n) =>
    n.keywords.map((k) => k.value.replace(/\*$/, '')),
  );
  const rg = await ripgrepPath();
  // Case-insensitive, every keyword a literal, hidden files read as ours are; its ignore rules
  // left as they are, since node_modules' packages rarely carry any.
  const rgArgs = ['--no-ignore-parent', '--hidden', '--no-messages', '-n', '-i', '-F'];
  for (const k of keywords ?? []) rgArgs.push('-e', k);
  rgArgs.push('.');
  const fresh = freshSets(set);
  const samples = await timePair(
    async () => use((await scanTree(tree, fresh.next(), { blocking: true, workers })).files.length),
    async () => use((await run(rg, rgArgs, tree)).length),
    { runs: o.quick ? 2 : 5, warmup: 1, beforeA: fresh.beforeA },
  );
  return result({
    name: 'scan-node-modules',
    description: "scanTree of this project's node_modules, examples/shop's needs file",
    baselineDescription: 'ripgrep for every keyword of that file (-i -F) in the same tree',
    target: Infinity,
    targetText: 'reported',
    samples: { value: samples.a, baseline: samples.b },
  });
}

export async function checklistMeasure(inputs: Inputs, o: MeasureOptions): Promise<Result> {
  o.log('4. checklist of a 2,000-file diff');
  const args = ['diff', ...GIT_DIFF_FLAGS, 'main~1', 'main', '--'];
  const diff = git(inputs.repo, args);
  const needs = loadFile(git(inputs.repo, ['show', 'main:customer-needs.yaml']));
  const set = setOf(needs);
  const revs = { base: 'main~1', head: 'main' };
  const fresh = freshSets(set);
  const samples = await timePair(
    () => use(buildChecklist(fresh.next(), parseUnifiedDiff(diff), revs).needs.length),
    async () => use((await run('git', args, inputs.repo)).length),
    { runs: o.quick ? 3 : 11, warmup: 2, beforeA: fresh.beforeA },
  );
  return result({
    name: 'checklist-2000-files',
    description: 'parseUnifiedDiff + buildChecklist, 2,000-file diff (git excluded)',
    baselineDescription: '`git diff` itself on that repository (process included)',
    target: 1,
    targetText: '≤ 1x',
    samples: { value: samples.a, baseline: samples.b },
  });
}

export function sinkValue(): number {
  return sink;
}
