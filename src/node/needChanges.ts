/**
 * Reading what a change did to the needs from git: the needs files it
 * touched as they were at BASE (`git show BASE:path`), and the code in HEAD
 * still linked to the needs it edited or ended (`git grep`, `git ls-files`).
 * The comparison and what the checklist says are the core's.
 */
import { decodeNeedsBytes } from '../core/decode';
import type { FileChange } from '../core/diff';
import { findAnnotations } from '../core/annotations';
import { isExcluded } from '../core/excludes';
import { isGeneratedName } from '../core/generatedText';
import type { LoadOptions } from '../core/load';
import { loadNeedsText } from '../core/load';
import type { NeedChanges, NeedsFileNeeds } from '../core/needChanges';
import { compareNeedsFiles } from '../core/needChanges';
import { buildIndex } from '../core/match';
import type { Scope } from '../core/scopes';
import { NeedsSet } from '../core/needsSet';
import { byScopeDepth, needsFileExcludedBy, scopeDir } from '../core/scopes';
import type { HeadLink } from '../core/suspects';
import { keywordPattern } from '../core/tokens';
import { runGit, runGitOk } from './gitProcess';
import type { GitOptions } from './gitProcess';
import { isNeedsFileName } from '../core/needsFileChoice';

export interface NeedChangesRequest {
  /** The top of the work tree. */
  readonly top: string;
  /** The root the checklist speaks for, relative to `top` ('' for the top). */
  readonly sub: string;
  /** The commit compared with. */
  readonly base: string;
  /** A commit id, `WORKTREE` or `INDEX`: where the code is read. */
  readonly head: string;
  /** The changes, with paths relative to the root. */
  readonly files: readonly FileChange[];
  /** The needs as read from the working tree; at a commit HEAD they are read from it instead. */
  readonly set: NeedsSet;
  readonly load?: LoadOptions;
  readonly git?: GitOptions;
}

/**
 * What the change did to the needs, and the code in HEAD linked to the needs
 * it edited or ended. Asks git nothing when the change touches no needs file.
 */
export async function readNeedChanges(
  req: NeedChangesRequest,
): Promise<{ changes: NeedChanges; found: HeadLink[]; set: NeedsSet }> {
  const touched = req.files.filter(
    (f) => f.status !== 'added' && isNeedsFileName(f.oldPath ?? f.path),
  );
  if (touched.length === 0) return { changes: { changed: [], ended: [] }, found: [], set: req.set };
  // A committed HEAD may differ from the working tree: its code and its needs go together.
  const set = isCommit(req.head) ? await needsSetAt(req, req.head) : req.set;
  const base: NeedsFileNeeds[] = [];
  for (const f of touched) {
    const text = await showAt(req, req.base, f.oldPath ?? f.path);
    if (text === undefined) continue;
    const loaded = loadNeedsText(decodeNeedsBytes(Buffer.from(text, 'utf8')).text, req.load);
    if (loaded.file !== undefined) base.push({ needsFile: f.path, needs: loaded.file.needs });
  }
  const head = set.scopes.map((s) => ({ needsFile: s.needsFile, needs: s.index.file.needs }));
  const changes = compareNeedsFiles(base, head);
  if (changes.changed.length === 0 && changes.ended.length === 0)
    return { changes, found: [], set };
  return { changes, found: await headLinks({ ...req, set }, changes), set };
}

function isCommit(head: string): boolean {
  return head !== 'WORKTREE' && head !== 'INDEX';
}

/**
 * The needs files of the root at commit `rev`, as loadNeedsFiles reads them
 * from disk: nearest the root first, a needs file excluded by one above it
 * left unread. One that does not load gives no scope (check reports it).
 */
async function needsSetAt(req: NeedChangesRequest, rev: string): Promise<NeedsSet> {
  const listed = await runGitOk(
    req.top,
    ['ls-tree', '-r', '-z', '--name-only', rev, '--', pathspec(req.sub)],
    req.git,
  );
  const paths = listed
    .split('\0')
    .map((p) => localPath(req.sub, p))
    .filter((p): p is string => p !== undefined && isNeedsFileName(p) && !isExcluded(p));
  const scopes: Scope[] = [];
  for (const rel of byScopeDepth(paths, scopeDir)) {
    if (needsFileExcludedBy(scopes, rel) !== undefined) continue;
    const text = await showAt(req, rev, rel);
    if (text === undefined) continue;
    const loaded = loadNeedsText(decodeNeedsBytes(Buffer.from(text, 'utf8')).text, req.load);
    if (loaded.file !== undefined)
      scopes.push({ needsFile: rel, dir: scopeDir(rel), index: buildIndex(loaded.file) });
  }
  return new NeedsSet(scopes);
}

/** The text of `path` (relative to the root) at `rev`, or undefined when it is not there. */
async function showAt(
  req: NeedChangesRequest,
  rev: string,
  path: string,
): Promise<string | undefined> {
  const out = await runGit(req.top, ['show', `${rev}:${gitPath(req.sub, path)}`], req.git);
  return out.exitCode === 0 ? out.stdout : undefined;
}

/** The links in HEAD to the changed needs, and the annotations of the ended ones. */
async function headLinks(req: NeedChangesRequest, changes: NeedChanges): Promise<HeadLink[]> {
  const { set } = req;
  const targets = new Set(changes.changed.map((c) => `${c.needsFile}\u0000${c.id}`));
  const isTarget = (id: string, needsFile: string): boolean =>
    targets.has(`${needsFile}\u0000${id}`);
  const ended = new Set(changes.ended.map((e) => e.id));
  const needs = changes.changed.flatMap((c) => {
    const need = set.scopes.find((s) => s.needsFile === c.needsFile)?.index.byId.get(c.id);
    return need === undefined ? [] : [need];
  });
  const out: HeadLink[] = [];

  // Lines: a fixed-string, case-blind grep for `@need` and for the first word
  // of each keyword finds every line that can link (a superset); the core then
  // decides each one, so the links are those the hover and the checklist make.
  const words = new Set(['@need']);
  for (const need of needs)
    for (const k of need.keywords) {
      const first = keywordPattern(k.value)?.tokens[0];
      if (first !== undefined) words.add(first);
    }
  for (const hit of await grepLines(req, [...words])) {
    const local = localPath(req.sub, hit.file);
    if (local === undefined || skipped(local)) continue;
    for (const link of set.lineLinks(local, hit.text, hit.line - 1)) {
      if (link.rule === 'path' || !isTarget(link.needId, link.needsFile)) continue;
      out.push({
        file: local,
        line: hit.line,
        rule: link.rule,
        id: link.needId,
        needsFile: link.needsFile,
      });
    }
    if (ended.size === 0) continue;
    for (const a of findAnnotations(hit.text)) {
      if (!ended.has(a.id)) continue;
      const now = set.findNeed(a.id, local);
      if (now !== undefined && now.need.status !== 'retired') continue;
      out.push({ file: local, line: hit.line, rule: 'annotation', id: a.id });
    }
  }

  if (needs.some((n) => n.paths.length > 0)) {
    for (const file of await listFiles(req)) {
      const local = localPath(req.sub, file);
      if (local === undefined || skipped(local)) continue;
      for (const link of set.pathLinks(local))
        if (isTarget(link.needId, link.needsFile))
          out.push({ file: local, rule: 'path', id: link.needId, needsFile: link.needsFile });
    }
  }
  return out;
}

/** Build folders, the needs files themselves, and what `outside-in instructions` wrote. */
function skipped(path: string): boolean {
  return isExcluded(path) || isNeedsFileName(path) || isGeneratedName(path);
}

/** Where HEAD's files are read: the working tree, the index, or a commit. */
function headArgs(head: string): string[] {
  if (head === 'WORKTREE') return ['--untracked'];
  if (head === 'INDEX') return ['--cached'];
  return [head];
}

async function grepLines(
  req: NeedChangesRequest,
  words: readonly string[],
): Promise<{ file: string; line: number; text: string }[]> {
  const args = ['-c', 'grep.column=false', '-c', 'grep.fullName=false', 'grep'];
  args.push('-n', '-I', '-z', '-i', '-F', '--no-color');
  for (const w of words) args.push('-e', w);
  args.push(...headArgs(req.head), '--', pathspec(req.sub));
  const result = await runGit(req.top, args, req.git);
  if (result.exitCode === 1) return []; // no line matched
  if (result.exitCode !== 0) await runGitOk(req.top, args, req.git); // throws git's complaint
  // With a commit, git names each file `<commit>:<path>`.
  const prefix = req.head === 'WORKTREE' || req.head === 'INDEX' ? '' : `${req.head}:`;
  const out: { file: string; line: number; text: string }[] = [];
  for (const record of result.stdout.split('\n')) {
    const a = record.indexOf('\0');
    const b = a < 0 ? -1 : record.indexOf('\0', a + 1);
    if (b < 0) continue;
    const name = record.slice(0, a);
    out.push({
      file: name.startsWith(prefix) ? name.slice(prefix.length) : name,
      line: Number(record.slice(a + 1, b)),
      text: record.slice(b + 1),
    });
  }
  return out;
}

async function listFiles(req: NeedChangesRequest): Promise<string[]> {
  const spec = pathspec(req.sub);
  const args =
    req.head === 'WORKTREE'
      ? ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', spec]
      : req.head === 'INDEX'
        ? ['ls-files', '-z', '--cached', '--', spec]
        : ['ls-tree', '-r', '-z', '--name-only', req.head, '--', spec];
  const out = await runGitOk(req.top, args, req.git);
  return [...new Set(out.split('\0').filter((p) => p !== ''))];
}

function pathspec(sub: string): string {
  return sub === '' ? '.' : sub;
}

function gitPath(sub: string, path: string): string {
  return sub === '' ? path : `${sub}/${path}`;
}

/** A path relative to the top, made relative to the root; undefined outside it. */
function localPath(sub: string, path: string): string | undefined {
  if (sub === '') return path;
  return path.startsWith(sub + '/') ? path.slice(sub.length + 1) : undefined;
}
