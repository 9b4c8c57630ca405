/** Nearest-rank percentile of unsorted samples (p in 0..100). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export const median = (samples: readonly number[]) => percentile(samples, 50);

export const round = (n: number, digits = 2) => (Number.isFinite(n) ? Math.round(n * 10 ** digits) / 10 ** digits : n);

export interface LatencySummary {
  samples: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  min: number;
  max: number;
}

/** Largest and smallest without spreading the samples into arguments (hundreds of thousands overflow the stack). */
export const maxOf = (samples: readonly number[]) => samples.reduce((a, b) => (b > a ? b : a), -Infinity);
export const minOf = (samples: readonly number[]) => samples.reduce((a, b) => (b < a ? b : a), Infinity);

export function latencySummary(samplesMs: readonly number[]): LatencySummary {
  const mean = samplesMs.reduce((a, b) => a + b, 0) / (samplesMs.length || 1);
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const at = (p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] : NaN);
  return {
    samples: samplesMs.length,
    p50: round(at(50)),
    p95: round(at(95)),
    p99: round(at(99)),
    mean: round(mean),
    min: round(sorted[0] ?? NaN),
    max: round(sorted.at(-1) ?? NaN),
  };
}
