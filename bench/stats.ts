/** Timing and summary statistics for the benchmark runs. */

/** Milliseconds taken by one call of `fn` (by `clock`, for tests), and its result. */
export function timed<T>(fn: () => T, clock: () => number = () => performance.now()): { ms: number; result: T } {
  const start = clock();
  const result = fn();
  return { ms: clock() - start, result };
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

/** Two measurements taken in pairs, and the median of the pairs' ratios. */
export interface PairedMeasurement<A, B> {
  a: Measurement<A>;
  b: Measurement<B>;
  /** The median over the pairs of b's time divided by a's. */
  ratio: number;
}

/**
 * Runs `a` and `b` `warmup` times each untimed, then `runs` pairs timed: one run of
 * each per pair, `a` first in even pairs and `b` first in odd ones, so both runs of a
 * pair see the machine in the same state and neither always runs after the other.
 * The ratio is the median of the pairs' ratios: on a machine whose speed changes
 * from one stretch to the next (this one's single pass reads 2 ms in some and 4.5 ms
 * in others), one of them cannot be timed in a fast stretch and the other in a slow
 * one. `clock` is for tests.
 */
export function measurePaired<A, B>(
  a: () => A,
  b: () => B,
  options: { warmup: number; runs: number },
  clock: () => number = () => performance.now(),
): PairedMeasurement<A, B> {
  for (let i = 0; i < options.warmup; i++) {
    a();
    b();
  }
  const runsA: number[] = [];
  const runsB: number[] = [];
  const ratios: number[] = [];
  let runA = { ms: 0, result: undefined as A | undefined };
  let runB = { ms: 0, result: undefined as B | undefined };
  for (let i = 0; i < Math.max(1, options.runs); i++) {
    if (i % 2 === 0) {
      runA = timed(a, clock);
      runB = timed(b, clock);
    } else {
      runB = timed(b, clock);
      runA = timed(a, clock);
    }
    runsA.push(runA.ms);
    runsB.push(runB.ms);
    ratios.push(runB.ms / runA.ms);
  }
  return {
    a: { median: median(runsA), runs: runsA, result: runA.result as A },
    b: { median: median(runsB), runs: runsB, result: runB.result as B },
    ratio: median(ratios),
  };
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
