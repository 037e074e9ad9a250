/**
 * Part 5 of issue 6, not done yet: editor measures in a real VS Code
 * (extension activation, hover and CodeLens latency on the 10,000-line file,
 * diagnostics after an edit of the needs file). They need an extension host,
 * so they will run through scripts/ like the integration tests and hand their
 * results back here; `main.ts` already merges whatever this returns into the
 * table, the JSON and docs/benchmarks.md.
 */
import type { Result } from './measures';

export function editorMeasures(): Promise<Result[]> {
  return Promise.resolve([]);
}
