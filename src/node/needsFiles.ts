/**
 * Finding the needs files that count under a root, and loading them from disk
 * into a NeedsSet. The size limit is checked on the file before it is read.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { decodeNeedsBytes } from '../core/decode';
import type { LoadOptions } from '../core/load';
import { DEFAULT_MAX_CHARS, loadNeedsText } from '../core/load';
import { buildIndex } from '../core/match';
import type { Problem } from '../core/model';
import { NeedsSet } from '../core/needsSet';
import { byScopeDepth, needsFileExcludedBy, scopeDir } from '../core/scopes';
import { chooseNeedsFiles, isNeedsFileName } from '../core/needsFileChoice';
import type { NeedsFileChoice } from '../core/needsFileChoice';
import type { Exclusion, Scope } from '../core/scopes';
import { walkFiles } from './walk';
import type { WalkOptions } from './walk';

/**
 * The needs files under `root` (docs/needs-file.md): the files with a default
 * name that the walk reaches (`.gitignore` honoured, the never-scanned
 * folders left out), and of those the ones that count. Every command asks
 * here. A caller that walked the tree already passes its paths (`walked`),
 * so the tree is walked once.
 */
export async function findNeedsFiles(
  root: string,
  options: Pick<WalkOptions, 'signal'> & { readonly walked?: readonly string[] } = {},
): Promise<NeedsFileChoice> {
  const walked = options.walked ?? (await walkFiles(root, { signal: options.signal }));
  return chooseNeedsFiles(walked.filter(isNeedsFileName));
}

/** A needs file as read: its problems, and its text when it could be read. */
export interface LoadedNeedsFile {
  /** Relative to the root, `/`-separated. */
  readonly path: string;
  readonly problems: readonly Problem[];
  readonly text?: string;
}

export interface LoadedSet {
  readonly set: NeedsSet;
  /** The needs files read, in the order of the paths given. */
  readonly files: readonly LoadedNeedsFile[];
  /** The needs files left unread: a needs file above them excludes them. */
  readonly excluded: readonly { readonly path: string; readonly by: Exclusion }[];
}

/**
 * Loads each needs file (paths relative to `root`) and builds the set of
 * scopes. Folders nearest the root first, so a needs file inside a folder that
 * one above it excludes is never read.
 */
export async function loadNeedsFiles(
  root: string,
  paths: readonly string[],
  options: LoadOptions = {},
): Promise<LoadedSet> {
  const scopes: Scope[] = [];
  const files: LoadedNeedsFile[] = [];
  const excluded: { path: string; by: Exclusion }[] = [];
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  for (const rel of byScopeDepth(paths, scopeDir)) {
    const by = needsFileExcludedBy(scopes, rel);
    if (by !== undefined) {
      excluded.push({ path: rel, by });
      continue;
    }
    const abs = path.join(root, rel);
    let bytes: Uint8Array;
    try {
      const { size } = await fs.stat(abs);
      if (size > maxChars) {
        files.push({
          path: rel,
          problems: [
            fileProblem(
              'too-large',
              `The needs file is ${mb(size)} MB; the limit is ${mb(maxChars)} MB.`,
            ),
          ],
        });
        continue;
      }
      bytes = await fs.readFile(abs);
    } catch (e) {
      files.push({
        path: rel,
        problems: [
          fileProblem('unreadable', `Cannot read the needs file: ${(e as Error).message}`),
        ],
      });
      continue;
    }
    const { text, problems: encoding } = decodeNeedsBytes(bytes);
    const result = loadNeedsText(text, options);
    files.push({ path: rel, problems: [...encoding, ...result.problems], text });
    if (result.file)
      scopes.push({ needsFile: rel, dir: scopeDir(rel), index: buildIndex(result.file) });
  }
  const order = new Map(paths.map((p, i) => [p, i]));
  files.sort((a, b) => (order.get(a.path) ?? 0) - (order.get(b.path) ?? 0));
  return { set: new NeedsSet(scopes), files, excluded };
}

function fileProblem(rule: string, message: string): Problem {
  const origin = { line: 0, character: 0 };
  return { severity: 'error', rule, message, span: { start: origin, end: origin } };
}

function mb(n: number): string {
  return (n / (1024 * 1024)).toFixed(1);
}
