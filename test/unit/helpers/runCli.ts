import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The repository root, seen from out/test/unit/helpers/. */
export const REPO_ROOT = path.resolve(__dirname, '../../../..');
export const CLI_PATH = path.join(REPO_ROOT, 'dist', 'cli.js');

const SOURCE_DIRS = ['src/cli', 'src/node', 'src/core'].map((d) => path.join(REPO_ROOT, d));
/** Files the bundle is built from besides the sources: the build and the version it stamps. */
const BUILD_FILES = ['scripts/build.mjs', 'package.json'].map((f) => path.join(REPO_ROOT, f));

function newestSourceTime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const abs = path.join(dir, entry.name);
    const t = entry.isDirectory() ? newestSourceTime(abs) : statSync(abs).mtimeMs;
    if (t > newest) newest = t;
  }
  return newest;
}

/**
 * Bundles dist/cli.js when it is missing or older than the code it is built
 * from, so the tests never run a stale CLI. Same command as `npm run build`.
 */
export function ensureCliBuilt(): void {
  const built = existsSync(CLI_PATH) ? statSync(CLI_PATH).mtimeMs : 0;
  const sources = Math.max(
    ...SOURCE_DIRS.map(newestSourceTime),
    ...BUILD_FILES.map((f) => statSync(f).mtimeMs),
  );
  if (built >= sources) return;
  execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'build.mjs')], {
    cwd: REPO_ROOT,
    stdio: 'pipe',
  });
}

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `node dist/cli.js ...args` as a real process in `cwd`. Git reads no
 * system or user config, so the machine's settings cannot change the result.
 */
export function runCli(
  cwd: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): CliRun {
  const result = spawnSync(process.execPath, [CLI_PATH, ...args], {
    cwd,
    encoding: 'utf8',
    env: {
      ...env,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: os.devNull,
      GIT_TERMINAL_PROMPT: '0',
    },
  });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Node prints "    at fn (file:line:col)" for each stack frame. */
export const STACK_FRAME = /^\s+at .+[:(]/m;
