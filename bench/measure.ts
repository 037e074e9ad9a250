/**
 * Timing: run a function several times after a warm-up and keep every sample,
 * so the report can show the median and the spread, not one lucky number.
 */

export interface Sample {
  /** Milliseconds per run, sorted. */
  readonly runs: readonly number[];
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly q1: number;
  readonly q3: number;
}

function quantile(sorted: readonly number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] ?? 0;
  const b = sorted[hi] ?? a;
  return a + (b - a) * (pos - lo);
}

export function summarize(times: readonly number[]): Sample {
  const runs = [...times].sort((a, b) => a - b);
  return {
    runs,
    median: quantile(runs, 0.5),
    min: runs[0] ?? 0,
    max: runs[runs.length - 1] ?? 0,
    q1: quantile(runs, 0.25),
    q3: quantile(runs, 0.75),
  };
}

export interface TimeOptions {
  readonly runs: number;
  readonly warmup?: number;
}

/** Times `fn` (sync or async) `runs` times after `warmup` untimed runs. */
export async function time(fn: () => unknown, options: TimeOptions): Promise<Sample> {
  for (let i = 0; i < (options.warmup ?? 1); i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < options.runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return summarize(times);
}

/**
 * Times two functions in alternation, so a slow moment of the machine (another
 * process, a GC, thermal throttling) hits both sides of a ratio alike.
 */
export async function timePair(
  a: () => unknown,
  b: () => unknown,
  options: TimeOptions & { runsB?: number; beforeA?: () => void },
): Promise<{ a: Sample; b: Sample }> {
  const before = options.beforeA ?? ((): void => undefined);
  for (let i = 0; i < (options.warmup ?? 1); i++) {
    before();
    await a();
    await b();
  }
  const ta: number[] = [];
  const tb: number[] = [];
  const runsB = options.runsB ?? options.runs;
  for (let i = 0; i < Math.max(options.runs, runsB); i++) {
    if (i < options.runs) {
      before();
      const t = performance.now();
      await a();
      ta.push(performance.now() - t);
    }
    if (i < runsB) {
      const t = performance.now();
      await b();
      tb.push(performance.now() - t);
    }
  }
  return { a: summarize(ta), b: summarize(tb) };
}
