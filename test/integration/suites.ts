/**
 * What the integration runners and the extension host agree on: the table of
 * suites, how a session learns which suite it runs, and the lines the host
 * logs around mocha's report. Plain data, so that `index.ts` (in the extension
 * host) imports it and the runners (`scripts/run-vscode-tests.mjs`,
 * `.vscode-test.mjs`) import its compiled form `out/test/integration/suites.js`.
 *
 * Adding a suite: a folder `test/integration/<name>/` with `*.test.ts` files and
 * one row here. The runners refuse to start when a folder has no row or a row
 * no folder, so a suite cannot be skipped without anyone noticing.
 */

/** One integration suite: one fresh editor session. */
export interface IntegrationSuite {
  /** The folder `test/integration/<name>/` whose `*.test.ts` the session runs. */
  readonly name: string;
  /** The session opens a fresh copy of `test/fixtures/workspaces/<fixture>/`. */
  readonly fixture: string;
  /** A `.code-workspace` file of the fixture that the session opens instead of its folder (multi-root). */
  readonly workspace?: string;
  /**
   * `development`: the repository is the extension under development.
   * `vsix`: the packaged `.vsix` is installed and an empty probe extension is
   * the one under development (VS Code runs tests only in a development session).
   */
  readonly install: 'development' | 'vsix';
  /** The workspace opens untrusted (Restricted Mode); every other session is trusted. */
  readonly restricted: boolean;
  /** `npm run test:electron` (desktop VS Code through `@vscode/test-cli`) runs it too. */
  readonly electron: boolean;
  /**
   * The extension runs its browser entry in the web worker extension host, as
   * in vscode.dev; the suite is bundled for it (scripts/lib/webTests.mjs).
   * `run-vscode-tests.mjs --web` runs these rows, and only these.
   */
  readonly web: boolean;
}

/** A row: the options left out are the usual session (development, trusted, code-server only). */
function suite(
  name: string,
  fixture: string,
  options: Partial<Omit<IntegrationSuite, 'name' | 'fixture'>> = {},
): IntegrationSuite {
  return {
    name,
    fixture,
    install: 'development',
    restricted: false,
    electron: false,
    web: false,
    ...options,
  };
}

/** Every integration suite, one row each; `scripts/run-vscode-tests.mjs` runs them in this order. */
export const SUITES: readonly IntegrationSuite[] = [
  suite('agents', 'basic'),
  suite('authoring', 'authoring'),
  suite('basic', 'basic', { electron: true }),
  suite('checklist', 'checklist'),
  suite('editor', 'editor'),
  suite('health', 'sidebar'),
  suite('installed', 'basic', { install: 'vsix' }),
  suite('multiroot', 'multiroot', { workspace: 'multi.code-workspace' }),
  suite('reload', 'basic', { electron: true }),
  suite('restricted', 'restricted', { restricted: true }),
  suite('sidebar', 'sidebar'),
  suite('web', 'web', { web: true }),
];

/**
 * The environment variable naming the suite a session runs. The runners set it
 * on the editor's process and the extension host inherits it.
 */
export const SUITE_ENV = 'OUTSIDE_IN_TEST_SUITE';

/**
 * The environment variable with mocha's per-test timeout in milliseconds
 * (default 20 s). The runner raises it for VS Code 1.100, whose TypeScript
 * extension makes the first hover asked of a `.ts` file wait until its server
 * has loaded the project: 26 s on a loaded 2-core machine.
 */
export const TEST_TIMEOUT_ENV = 'OUTSIDE_IN_TEST_TIMEOUT_MS';

/** The extension host logs this line just before mocha's report... */
export const START_MARKER = 'OUTSIDE-IN-MOCHA-START';
/** ...and this one, followed by mocha's counts as JSON, just after it. */
export const STATS_MARKER = 'OUTSIDE-IN-MOCHA-STATS ';

/**
 * Mocha's counts and the failed tests' titles, each with its error's first
 * line: the summary of a long run repeats them, where the report itself may
 * have scrolled far out of sight.
 */
export function statsOf(
  runner: Mocha.Runner,
  failed: readonly string[],
): {
  tests: number;
  passes: number;
  failures: number;
  pending: number;
  failed: readonly string[];
} {
  // `tests` too: the runner fails a suite in which no test ran.
  const { tests = 0, passes = 0, failures = 0, pending = 0 } = runner.stats ?? {};
  return { tests, passes, failures, pending, failed };
}

/** One failed test (or hook) as the summary names it. */
export function failureLine(test: Mocha.Runnable, err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return `${test.fullTitle()}: ${message.split('\n')[0] ?? ''}`;
}
