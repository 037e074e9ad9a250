import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// The tests' own git commands ignore the machine's config (signing, hooks,
// default branch names), so the fixtures are the same everywhere.
const HELPER_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: os.devNull,
  GIT_TERMINAL_PROMPT: '0',
};

/** A fresh folder under the system temp folder, with symlinks resolved (macOS /var -> /private/var). */
export function makeTempDir(prefix: string): string {
  return realpathSync(mkdtempSync(path.join(os.tmpdir(), prefix)));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Runs git synchronously for fixture set-up; throws with git's stderr on failure. */
export function gitSync(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: HELPER_ENV, encoding: 'utf8', stdio: 'pipe' });
}

/** A throw-away repository with a local identity, on branch `main`. */
export class TempRepo {
  readonly dir: string;

  constructor(dir: string = makeTempDir('outside-in-git-')) {
    this.dir = dir;
    this.git('init', '-q', '-b', 'main');
    this.git('config', 'user.name', 'Test User');
    this.git('config', 'user.email', 'test@example.com');
    this.git('config', 'commit.gpgsign', 'false');
  }

  git(...args: string[]): string {
    return gitSync(this.dir, ...args);
  }

  write(rel: string, content: string | Uint8Array): void {
    const abs = path.join(this.dir, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }

  /** Stages everything and commits; returns the new commit's id. */
  commitAll(message: string): string {
    this.git('add', '-A');
    this.git('commit', '-q', '-m', message);
    return this.sha('HEAD');
  }

  sha(rev: string): string {
    return this.git('rev-parse', rev).trim();
  }

  remove(): void {
    removeDir(this.dir);
  }
}
