/**
 * What a scan remembers between runs: each file's links, keyed on its path,
 * size and modification time, under a key that names the needs files' content
 * and the tool's version. Like ESLint's `--cache`, a second run over an
 * unchanged tree reads no file.
 *
 * The cache only ever saves work: its first line is the SHA-256 of the rest,
 * so a truncated, corrupt or hand-edited file is not used at all, and an
 * entry that does not hold together (a need the needs files no longer
 * define) is read again, so no damaged cache can change an answer (the
 * layout and its checks are in scanCacheCodec.ts). Writes go to a temporary
 * file renamed over the old one, so a run that stops half way, or two runs at
 * once, leave a whole cache or none.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CACHE_DIR } from '../core/excludes';
import type { NeedsSet } from '../core/needsSet';
import { RACY_MS, sha256, signed, writeAtomically, writeAtomicallyInBackground } from './cacheFile';
import { FORMAT, OutcomeCodec, stored } from './scanCacheCodec';
import type { CachedOutcome, Stored } from './scanCacheCodec';
import { runAtOnce, runInSlices } from './slices';

export type { CachedOutcome };

export { CACHE_DIR };

const CACHE_FILE = 'scan-cache.json';

/**
 * The key of a scan's answers besides each file's own identity: the needs
 * files by path and content, the size limit, and the tool's version.
 */
export function cacheKey(
  needsFiles: readonly { readonly path: string; readonly text?: string }[],
  extra: string,
): string {
  const h = createHash('sha256');
  h.update(`${FORMAT}\0${extra}\0`);
  for (const f of needsFiles) h.update(`${f.path}\0${f.text ?? '\u0001unread'}\0`);
  return h.digest('hex');
}

/**
 * When the running code was built, for a cache's key: a build between two
 * releases (or the unbundled code, which has no version) may match
 * differently. Every bundle holds this module, so its file is the bundle.
 */
export function buildStamp(): number {
  try {
    return fs.statSync(__filename).mtimeMs;
  } catch {
    return 0;
  }
}

export class ScanCache {
  /** This run's entries: the ones used or made, so files gone drop out. */
  private readonly fresh = new Map<string, [number, number, CachedOutcome]>();
  /** Whether this run made an entry: else, with every stored entry used, nothing is written. */
  private dirty = false;
  private readonly started = Date.now();
  private readonly codec: OutcomeCodec;

  private constructor(
    private readonly file: string,
    /** Whether the cache is inside the scanned tree, where its folder must keep itself out of git. */
    private readonly inTree: boolean,
    private readonly key: string,
    needsSet: NeedsSet,
    private readonly stored: Stored,
  ) {
    this.codec = new OutcomeCodec(needsSet, stored);
  }

  /**
   * Opens the cache of `root` for `key`; a missing, unreadable or foreign one
   * is an empty cache. It lives in `<root>/.outside-in/` unless `dir` names
   * another folder for it (a tool's own storage, outside the user's tree).
   */
  static open(root: string, key: string, set: NeedsSet, options: { dir?: string } = {}): ScanCache {
    const where = ScanCache.where(root, key, options);
    let text: string | undefined;
    try {
      text = fs.readFileSync(where.file, 'utf8');
    } catch {
      text = undefined; // missing or unreadable: start empty
    }
    return new ScanCache(
      where.file,
      where.inTree,
      where.key,
      set,
      runAtOnce(stored(text, where.key)),
    );
  }

  /** `open`, reading in slices of the event loop's time: for an editor. */
  static async openInSlices(
    root: string,
    key: string,
    set: NeedsSet,
    options: { dir?: string } = {},
  ): Promise<ScanCache> {
    const where = ScanCache.where(root, key, options);
    let text: string | undefined;
    try {
      text = await fs.promises.readFile(where.file, 'utf8');
    } catch {
      text = undefined;
    }
    const found = await runInSlices(stored(text, where.key));
    return new ScanCache(where.file, where.inTree, where.key, set, found);
  }

  private static where(
    root: string,
    key: string,
    options: { dir?: string },
  ): { file: string; inTree: boolean; key: string } {
    const inTree = options.dir === undefined;
    const file = path.join(options.dir ?? path.join(root, CACHE_DIR), CACHE_FILE);
    // A folder outside the tree could be handed another tree's cache: its entries
    // (by relative path, size and time) would then be trusted for other files.
    return { file, inTree, key: inTree ? key : sha256(`${key}\0${path.resolve(root)}`) };
  }

  /** The remembered outcome of `rel` if its size and time are unchanged and the entry holds together. */
  get(rel: string, size: number, mtimeMs: number): CachedOutcome | undefined {
    const row = this.stored.rows.get(rel);
    if (row === undefined || row[0] !== size || row[1] !== mtimeMs) return undefined;
    const stored = this.codec.decode(row[2]);
    if (stored === undefined) return undefined;
    this.fresh.set(rel, [size, mtimeMs, stored]);
    return stored;
  }

  /** Remembers `rel`'s outcome, unless its time is too recent to tell a later write apart. */
  set(rel: string, size: number, mtimeMs: number, outcome: CachedOutcome): void {
    this.dirty = true;
    if (mtimeMs > this.started - RACY_MS) return;
    this.fresh.set(rel, [size, mtimeMs, outcome]);
  }

  /**
   * Writes what this run used or made, atomically; nothing when the run
   * used every stored entry and made none. A cache that cannot be written
   * only costs the next run time.
   */
  save(): void {
    if (this.unchanged()) return;
    this.write(runAtOnce(this.body()));
  }

  /** `save`, building the file in slices of the event loop's time: for an editor. */
  async saveInSlices(): Promise<void> {
    if (this.unchanged()) return;
    await writeAtomicallyInBackground(this.file, await runInSlices(this.body()), this.inTree);
  }

  private unchanged(): boolean {
    return !this.dirty && this.fresh.size === this.stored.rows.size;
  }

  /** The file's text, a row at a time: a big tree's cache is megabytes of JSON. */
  private *body(): Generator<void, string> {
    const rows: string[] = [];
    for (const [rel, [size, mtimeMs, outcome]] of this.fresh) {
      rows.push(JSON.stringify([rel, size, mtimeMs, this.codec.encode(outcome)]));
      yield;
    }
    // The tables first, though made last: encoding the rows fills them.
    const head = JSON.stringify({
      format: FORMAT,
      key: this.key,
      ...this.codec.tables(),
    });
    // Megabytes each, for a big tree: joined, then signed, each a step of its own.
    yield;
    const json = [head, ...rows].join('\n');
    yield;
    return signed(json);
  }

  private write(body: string): void {
    writeAtomically(this.file, body, this.inTree);
  }
}
