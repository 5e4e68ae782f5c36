/** Timing and summary statistics for the benchmark runs. */

/** Milliseconds taken by one call of `fn`, and its result. */
export function timed<T>(fn: () => T): { ms: number; result: T } {
  const start = performance.now();
  const result = fn();
  return { ms: performance.now() - start, result };
}

export interface Measurement<T> {
  /** Median of the timed runs, in milliseconds. */
  median: number;
  /** Every timed run, in milliseconds, in order. */
  runs: number[];
  /** The result of the last run. */
  result: T;
}

/**
 * Runs `fn` `warmup` times untimed (so the JIT has compiled the hot paths), then
 * `runs` times timed, and returns the median.
 */
export function measure<T>(fn: () => T, options: { warmup: number; runs: number }): Measurement<T> {
  for (let i = 0; i < options.warmup; i++) fn();
  const runs: number[] = [];
  let result: T | undefined;
  for (let i = 0; i < Math.max(1, options.runs); i++) {
    const run = timed(fn);
    runs.push(run.ms);
    result = run.result;
  }
  return { median: median(runs), runs, result: result as T };
}

/**
 * Takes each named measurement `rounds` times, in alternation, and keeps for each
 * the measurement with the lowest median.
 */
export function fastestOfRounds<M extends Record<string, unknown>>(
  rounds: number,
  measurements: { [K in keyof M]: () => Measurement<M[K]> },
): { [K in keyof M]: Measurement<M[K]> } {
  const best: Partial<{ [K in keyof M]: Measurement<M[K]> }> = {};
  for (let round = 0; round < rounds; round++) {
    for (const name of Object.keys(measurements) as (keyof M)[]) {
      const m = measurements[name]();
      const kept = best[name];
      if (kept === undefined || m.median < kept.median) best[name] = m;
    }
  }
  return best as { [K in keyof M]: Measurement<M[K]> };
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/**
 * The p-th percentile (0-100) by linear interpolation between closest ranks, so
 * the median of an even count is the mean of the middle two.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('percentile of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}
