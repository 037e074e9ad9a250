/**
 * The editor measures, run inside a real VS Code extension
 * host: `extensionTestsPath` of a session that scripts/bench-editor.mjs starts
 * on the workspace bench/editor.ts generates. Not a test suite: it reports
 * numbers, one JSON line after RESULT_MARKER, and fails only when it cannot
 * measure.
 *
 * The workspace's needs file has a name no activation event looks for (it is
 * named in the workspace settings instead), so nothing has activated the
 * extension when this runs and the first `activate()` is timed whole.
 */
import * as path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import * as vscode from 'vscode';
import { needHoverMarkdown } from '../../src/core/present';
import type { ScopedLink } from '../../src/core/needsSet';
import { relatedNeeds } from '../../src/core/relatedNeeds';
import { loadNeedsFiles } from '../../src/node/needsFiles';
import type { OutsideInApi } from '../../src/vscode/extension';
import {
  BENCH_BIG_FILE,
  BENCH_MODE_ENV,
  BENCH_NEEDS_FILE,
  HOVERS,
  INDEX_NEEDS,
  RESULT_MARKER,
} from './shared';

const EXTENSION_ID = 'outside-in.outside-in';
const WARMUP = 50;

/** A full collection, so heap figures are live objects and not pending garbage. */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as (() => void) | undefined;
  return () => {
    gc?.();
    gc?.();
  };
}

export async function run(): Promise<void> {
  if (process.env[BENCH_MODE_ENV] === 'index') return runIndex();
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (folder === undefined) throw new Error('The bench session opened no workspace folder.');
  const extension = vscode.extensions.getExtension<OutsideInApi>(EXTENSION_ID);
  if (extension === undefined) throw new Error(`${EXTENSION_ID} is not installed.`);
  if (extension.isActive) throw new Error('Something activated the extension before the bench.');
  const gc = collector();

  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const timing = timeActivateCall(path.join(extension.extensionPath, 'dist', 'extension.js'));
  const started = performance.now();
  const api = await extension.activate();
  const activationMs = performance.now() - started;
  await api.ready();
  gc();
  const heapAfterLoadBytes = process.memoryUsage().heapUsed - heapBefore;

  const uri = vscode.Uri.joinPath(folder.uri, ...BENCH_BIG_FILE.split('/'));
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);

  // The same needs, loaded by the core as the extension's store does, for the
  // provider's own work without the editor's round trip.
  const { set } = await loadNeedsFiles(folder.uri.fsPath, [BENCH_NEEDS_FILE], {});
  const positions = hoverPositions(document, (line, text) =>
    set.lineLinks(BENCH_BIG_FILE, text, line),
  );
  if (positions.length === 0) throw new Error(`No keyword in ${BENCH_BIG_FILE} to hover.`);
  const at = (i: number): vscode.Position => positions[i % positions.length] as vscode.Position;

  const endToEnd: number[] = [];
  let shown = 0;
  for (let i = 0; i < WARMUP + HOVERS; i++) {
    const t = performance.now();
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      uri,
      at(i),
    );
    if (i >= WARMUP) endToEnd.push(performance.now() - t);
    if (hovers.length > 0) shown++;
  }
  if (shown === 0) throw new Error('No hover was shown: the provider did not answer.');

  const core: number[] = [];
  let chars = 0;
  for (let i = 0; i < WARMUP + HOVERS; i++) {
    const position = at(i);
    const text = document.lineAt(position.line).text;
    const t = performance.now();
    chars += hoverWork(set, text, position).length;
    if (i >= WARMUP) core.push(performance.now() - t);
  }

  const result = {
    activationMs,
    bundleLoadMs: timing.bundleLoadMs,
    activateCallMs: timing.activateCallMs(),
    heapAfterLoadBytes,
    hover: { endToEnd, core, positions: positions.length, shown, chars },
    vscode: vscode.version,
  };
  console.log(RESULT_MARKER + JSON.stringify(result));
}

/**
 * The workspace index over the 20,000-file tree with 10,000 needs, built the
 * way a user first asks for it (find references on a need id in the needs
 * file), while a histogram samples the extension host's event loop every
 * 10 ms: the longest delay is how long hovers and every other extension's
 * work would have waited.
 */
async function runIndex(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (folder === undefined) throw new Error('The bench session opened no workspace folder.');
  const extension = vscode.extensions.getExtension<OutsideInApi>(EXTENSION_ID);
  if (extension === undefined) throw new Error(`${EXTENSION_ID} is not installed.`);
  const api = await extension.activate();
  await api.ready();
  const needsUri = vscode.Uri.joinPath(folder.uri, 'customer-needs.yaml');
  const needs = await vscode.workspace.openTextDocument(needsUri);
  // The first need's id: values have ids too, so only after `needs:`.
  let position: vscode.Position | undefined;
  let inNeeds = false;
  for (let line = 0; line < needs.lineCount && position === undefined; line++) {
    const text = needs.lineAt(line).text;
    if (/^\S/.test(text)) inNeeds = text.startsWith('needs:');
    const m = inNeeds ? /^(\s*- id: )\S/.exec(text) : null;
    if (m) position = new vscode.Position(line, (m[1] as string).length);
  }
  if (position === undefined) throw new Error('The needs file names no need.');
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const started = performance.now();
  let references: vscode.Location[] | undefined;
  try {
    references = await vscode.commands.executeCommand<vscode.Location[] | undefined>(
      'vscode.executeReferenceProvider',
      needsUri,
      position,
    );
  } finally {
    histogram.disable();
  }
  const indexMs = performance.now() - started;
  // No reference at all means the index was never asked for: nothing was measured.
  if (!references?.length) throw new Error('Find references found nothing: no index was built.');
  const result = {
    indexMs,
    maxDelayMs: histogram.max / 1e6,
    p99DelayMs: histogram.percentile(99) / 1e6,
    references: references?.length ?? 0,
    needs: INDEX_NEEDS,
    vscode: vscode.version,
  };
  console.log(RESULT_MARKER + JSON.stringify(result));
}

/**
 * Loads the bundle first (timed), and puts a timed `activate` in front of its
 * exports in Node's module cache, where the extension host's own require
 * finds it: VS Code then calls it, and the call alone is timed, apart from the
 * extension host's set-up of the context (its storage round trips to the
 * workbench). Nothing of this is in the shipped code.
 */
function timeActivateCall(bundle: string): { bundleLoadMs: number; activateCallMs: () => number } {
  type Activate = (context: vscode.ExtensionContext) => unknown;
  const started = performance.now();
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- timing the load itself
  const exports = require(bundle) as { activate: Activate };
  const bundleLoadMs = performance.now() - started;
  const cached = require.cache[require.resolve(bundle)];
  let activateCallMs = Number.NaN;
  if (cached) {
    const activate = exports.activate;
    // esbuild's exports are getters: a new object, not an assignment.
    cached.exports = {
      ...exports,
      activate: (context: vscode.ExtensionContext): unknown => {
        const t = performance.now();
        try {
          return activate(context);
        } finally {
          activateCallMs = performance.now() - t;
        }
      },
    };
  }
  return { bundleLoadMs, activateCallMs: () => activateCallMs };
}

/**
 * What the hover provider computes for one position (src/vscode/editor/hover.ts):
 * the needs related under the cursor, each with every reason it relates (the
 * core's relatedNeeds of the hovered line), and the Markdown of each. The
 * editor's objects are left out.
 */
function hoverWork(
  set: Awaited<ReturnType<typeof loadNeedsFiles>>['set'],
  text: string,
  position: vscode.Position,
): string {
  const related = relatedNeeds(
    set,
    BENCH_BIG_FILE,
    { line: position.line, lineText: text, character: position.character },
    // The default inlineMinimumPriority, 'low', lets every need through.
    { minimum: 'low' },
  );
  let out = '';
  for (const { need, file, reasons } of related)
    out += needHoverMarkdown(need, file, reasons, { staleDays: 365, openLink: 'command:x' });
  return out;
}

/** The first character of every keyword or annotation match, spread over the whole file. */
function hoverPositions(
  document: vscode.TextDocument,
  links: (line: number, text: string) => readonly ScopedLink[],
): vscode.Position[] {
  const all: vscode.Position[] = [];
  for (let line = 0; line < document.lineCount; line++) {
    for (const l of links(line, document.lineAt(line).text))
      if (l.start !== undefined) all.push(new vscode.Position(line, l.start));
  }
  // Every k-th, so 1,000 hovers visit the file from top to bottom.
  const step = Math.max(1, Math.floor(all.length / HOVERS));
  return all.filter((_, i) => i % step === 0).slice(0, HOVERS);
}
