/** Descriptive statistics of a set of durations, in seconds. */
export interface DurationStats {
  count: number;
  /** Σx / n. */
  mean: number;
  /** The middle value of the sorted values; the mean of the two middle ones for an even count. */
  median: number;
  min: number;
  max: number;
  /** Σx. */
  sum: number;
  /** Sample standard deviation √(Σ(x − mean)² / (n − 1)); null for a single value. */
  stdev: number | null;
}

/**
 * Statistics of `values[from, to)`, which must be sorted ascending and non-empty. The mean is
 * Σx / n; the standard deviation takes a second pass over the deviations (numerically stable,
 * as numpy/pandas' `std(ddof=1)`).
 */
export function describeSorted(values: Float64Array, from = 0, to = values.length): DurationStats {
  const n = to - from;
  let sum = 0;
  for (let i = from; i < to; i++) sum += values[i] as number;
  const mean = sum / n;
  let squares = 0;
  for (let i = from; i < to; i++) {
    const d = (values[i] as number) - mean;
    squares += d * d;
  }
  const mid = from + (n >> 1);
  const median = n % 2 === 1 ? (values[mid] as number) : ((values[mid - 1] as number) + (values[mid] as number)) / 2;
  return {
    count: n,
    mean,
    median,
    min: values[from] as number,
    max: values[to - 1] as number,
    sum,
    stdev: n > 1 ? Math.sqrt(squares / (n - 1)) : null,
  };
}

/**
 * Orders strings by Unicode code point, as Python compares `str` (JavaScript's `<` compares
 * UTF-16 code units, which differs for characters above U+FFFF). Used wherever the oracle's
 * order (PM4Py, `sorted()`) must be reproduced.
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Only surrogates (U+D800–U+DFFF) sort differently: as code points they are above U+FFFF.
    const sx = x >= 0xd800 && x <= 0xdfff;
    const sy = y >= 0xd800 && y <= 0xdfff;
    if (sx !== sy) return sx ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

/** Element-wise comparison of two label sequences (Python's list ordering): first difference decides, then length. */
export function compareSequences(a: readonly string[], b: readonly string[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compareCodePoints(a[i] as string, b[i] as string);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

export interface HistogramBin {
  /** Lower bound (inclusive), seconds. */
  from: number;
  /** Upper bound (exclusive; inclusive for the last bin), seconds. */
  to: number;
  count: number;
}

/**
 * Equal-width histogram of `values` over [min, max] with `bins` bins (default: Sturges' rule,
 * ⌈log2 n⌉ + 1, at most 50). Bin i covers [min + i·w, min + (i+1)·w) with w = (max − min) / bins;
 * the maximum falls in the last bin. All values equal → one bin.
 */
export function histogram(values: ArrayLike<number>, bins?: number): HistogramBin[] {
  const n = values.length;
  if (n === 0) return [];
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === max) return [{ from: min, to: max, count: n }];
  const k = Math.max(1, Math.floor(bins ?? Math.min(50, Math.ceil(Math.log2(n)) + 1)));
  const width = (max - min) / k;
  const counts = new Array<number>(k).fill(0);
  for (let i = 0; i < n; i++) {
    const b = Math.min(k - 1, Math.floor(((values[i] as number) - min) / width));
    counts[b] = (counts[b] as number) + 1;
  }
  return counts.map((count, i) => ({ from: min + i * width, to: i === k - 1 ? max : min + (i + 1) * width, count }));
}
