import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

export type GitErrorCode =
  | 'no-git'
  | 'not-a-repo'
  | 'unknown-revision'
  | 'no-merge-base'
  | 'no-commit'
  | 'detached-head'
  | 'no-default-branch'
  | 'bad-range'
  | 'timeout'
  | 'cancelled'
  | 'too-large'
  | 'failed';

/** A git failure with a message that can be shown to a user as it is. */
export class GitError extends Error {
  readonly code: GitErrorCode;

  constructor(code: GitErrorCode, message: string) {
    super(message);
    this.name = 'GitError';
    this.code = code;
  }
}

/** How to run git; every field is optional. */
export interface GitOptions {
  /** The git executable; default `git`, looked up on PATH. */
  readonly gitPath?: string;
  /** Merged over `process.env` (after the fixed variables below are set, so they can be overridden in tests). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly signal?: AbortSignal;
  /** Kill git after this long; default 60 s. */
  readonly timeoutMs?: number;
  /** Largest output accepted, in bytes; default 256 MiB. */
  readonly maxBytes?: number;
}

export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;

/**
 * `-c` settings given to every git command so that user or repository config
 * cannot change what we parse, or run programs we did not ask for.
 */
export const GIT_CONFIG_OVERRIDES: readonly string[] = [
  '-c',
  'core.quotePath=false', // non-ASCII paths as UTF-8; the parser still reads quoted ones
  '-c',
  'diff.noprefix=false',
  '-c',
  'diff.mnemonicPrefix=false',
  '-c',
  'diff.relative=false',
  '-c',
  'diff.external=',
  '-c',
  'core.fsmonitor=false', // repo-local config could name a program to run
  '-c',
  'color.ui=false',
];

export interface GitOutput {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

/**
 * Runs git with `args` in `cwd`, without a shell. Resolves with the output for
 * any exit code; rejects with a GitError only when git could not run to the end.
 */
export function runGit(
  cwd: string,
  args: readonly string[],
  opts: GitOptions = {},
): Promise<GitOutput> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const signal = opts.signal;
  if (signal?.aborted) return Promise.reject(cancelled());

  return new Promise<GitOutput>((resolve, reject) => {
    const child = spawn(opts.gitPath ?? 'git', [...GIT_CONFIG_OVERRIDES, ...args], {
      cwd,
      env: gitEnv(opts.env),
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outBytes = 0;
    let errBytes = 0;
    let failure: GitError | undefined;

    const stop = (e: GitError): void => {
      if (failure) return;
      failure = e;
      child.kill();
    };
    const onAbort = (): void => stop(cancelled());
    signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(
      () => stop(new GitError('timeout', `git ${args[0] ?? ''} took longer than ${timeoutMs} ms`)),
      timeoutMs,
    );

    child.stdout.on('data', (chunk: Buffer) => {
      outBytes += chunk.length;
      if (outBytes > maxBytes) {
        stop(
          new GitError(
            'too-large',
            `git ${args[0] ?? ''} printed more than ${formatBytes(maxBytes)}; the change is too large to read`,
          ),
        );
        return;
      }
      out.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      // Keep only the start of stderr: the first lines say what went wrong.
      if (errBytes < 64 * 1024) err.push(chunk);
      errBytes += chunk.length;
    });

    const cleanUp = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    child.on('error', (e: NodeJS.ErrnoException) => {
      cleanUp();
      if (failure) return reject(failure);
      if (e.code === 'ENOENT') {
        // spawn reports a missing cwd as ENOENT too.
        if (!existsSync(cwd))
          return reject(new GitError('failed', `Folder "${cwd}" does not exist`));
        return reject(
          new GitError(
            'no-git',
            opts.gitPath ? `git was not found at "${opts.gitPath}"` : 'git was not found on PATH',
          ),
        );
      }
      reject(new GitError('failed', `Could not run git: ${e.message}`));
    });
    child.on('close', (code: number | null) => {
      cleanUp();
      if (failure) return reject(failure);
      resolve({
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        exitCode: code ?? -1,
      });
    });
  });
}

/** Like runGit, but a non-zero exit is an error with git's own first line of complaint. */
export async function runGitOk(
  cwd: string,
  args: readonly string[],
  opts: GitOptions = {},
): Promise<string> {
  const result = await runGit(cwd, args, opts);
  if (result.exitCode !== 0) throw errorFromOutput(args, result);
  return result.stdout;
}

export function errorFromOutput(args: readonly string[], result: GitOutput): GitError {
  const stderr = result.stderr.trim();
  if (/not a git repository/i.test(stderr)) {
    return new GitError('not-a-repo', 'Not inside a git repository');
  }
  const first = stderr.split('\n')[0] ?? '';
  const detail = first.replace(/^(fatal|error): /, '');
  return new GitError(
    'failed',
    `git ${args[0] ?? ''} failed (exit ${result.exitCode})${detail ? `: ${detail}` : ''}`,
  );
}

function gitEnv(extra: GitOptions['env']): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // The root we are given decides the repository, not variables left by a
  // hook or a wrapper that happens to run us.
  for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_PREFIX']) delete env[name];
  env.GIT_TERMINAL_PROMPT = '0'; // never wait for a password nobody will type
  env.GIT_OPTIONAL_LOCKS = '0'; // reading must not take index.lock from a concurrent commit
  env.GIT_PAGER = 'cat';
  env.LC_ALL = 'C'; // stable English messages to recognise
  for (const [k, v] of Object.entries(extra ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

function cancelled(): GitError {
  return new GitError('cancelled', 'Cancelled');
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round(n / (1024 * 1024))} MiB` : `${n} bytes`;
}
