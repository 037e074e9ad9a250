/** Where the CLI writes, so tests can run commands in-process too. */
export interface Io {
  readonly cwd: string;
  out(text: string): void;
  err(text: string): void;
}

/** Exit codes of the contract: 0 fine, 1 errors found, 2 bad usage or unreadable input. */
export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

/**
 * Bad usage or unreadable input: one line on stderr, exit 2. `seeHelp` names
 * the help that line may send the reader to (a command, or '' for the global
 * help) when the message itself does not say what to type instead.
 */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly seeHelp?: string,
  ) {
    super(message);
  }
}

export interface PrintableProblem {
  readonly file: string;
  readonly line: number; // 1-based
  readonly column: number; // 1-based
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly rule: string;
}

/** `path:line:col: severity: message [rule]`, the contract's problem line. */
export function formatProblem(p: PrintableProblem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.severity}: ${p.message} [${p.rule}]`;
}
