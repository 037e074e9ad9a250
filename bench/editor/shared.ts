/** What bench/editor.ts (Node) and bench/editor/index.ts (extension host) agree on. */

/** One JSON line after this marker in the extension host's console is the result. */
export const RESULT_MARKER = 'OUTSIDE-IN-BENCH-RESULT ';
/** The needs file, named in the workspace settings: no activation event matches it. */
export const BENCH_NEEDS_FILE = 'bench-needs.yaml';
/** The 10,000-line file, as plain text: only our hover provider answers on it. */
export const BENCH_BIG_FILE = 'src/checkout/big.txt';
export const HOVERS = 1000;
/** Names the measure a session runs: unset for activation and hover, `index` for the workspace index. */
export const BENCH_MODE_ENV = 'OUTSIDE_IN_BENCH_MODE';
/** Needs in the index session's needs file, over the 20,000-file tree. */
export const INDEX_NEEDS = 10000;
