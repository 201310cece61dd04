/**
 * The benchmarks' one way to time things and read the figures: nearest-rank percentiles over the
 * samples, and a loop that times `fn` `n` times in a row (sequential, so one run never waits behind
 * another). Milliseconds throughout.
 */

/** What a series of samples says: the percentiles the bench READMEs quote, and the worst one. */
export interface Timings {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** The nearest-rank `p`-th percentile (0–100) of ascending `sorted` samples; NaN when there are none. */
export function percentile(sorted: readonly number[], p: number): number {
  return (
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN
  );
}

/** The median of a list of numbers (any order). */
export function median(values: readonly number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

/** p50, p95, p99 and max of samples in any order. */
export function summarize(samples: readonly number[]): Timings {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

/** Times `fn` `n` times, one after the other. */
export async function timeIt(n: number, fn: () => Promise<unknown>): Promise<Timings> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return summarize(times);
}

/** `p50 1.2 ms  p99 3.4 ms  max 5.6 ms`, or with other percentiles (`['p50', 'p95']`). */
export function formatTimings(
  t: Timings,
  keys: readonly ('p50' | 'p95' | 'p99' | 'max')[] = ['p50', 'p99', 'max'],
) {
  return keys.map((k) => `${k} ${t[k].toFixed(1)} ms`).join('  ');
}
