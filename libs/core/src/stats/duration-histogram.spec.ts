import {
  MEDIAN_RELATIVE_ERROR,
  bucketOf,
  summariseBuckets,
  type Bucket,
} from './duration-histogram';

/** The histogram of some durations, as the SQL builds it. */
function histogram(values: readonly number[]): Bucket[] {
  const buckets = new Map<number, Bucket>();
  for (const v of values) {
    const k = bucketOf(v);
    const b = buckets.get(k) ?? { bucket: k, cases: 0, sumMs: 0, minMs: v, maxMs: v, exact: true };
    b.cases += 1;
    b.sumMs += v;
    b.minMs = Math.min(b.minMs, v);
    b.maxMs = Math.max(b.maxMs, v);
    buckets.set(k, b);
  }
  return [...buckets.values()];
}

/** percentile_cont(0.5). */
function exactMedian(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const lo = s[Math.floor((s.length - 1) / 2)];
  const hi = s[Math.ceil((s.length - 1) / 2)];
  return (lo + hi) / 2;
}

function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

const HOUR = 3_600_000;

describe('medians read from the duration histogram', () => {
  it('states a bound under 0.5 %', () => {
    expect(MEDIAN_RELATIVE_ERROR).toBeLessThan(0.005);
  });

  it.each([
    ['hours to weeks, spread evenly', (r: () => number) => r() * 400 * HOUR],
    ['log-normal, seconds to months', (r: () => number) => Math.exp(5 + r() * 20)],
    ['whole days only (many equal values)', (r: () => number) => Math.ceil(r() * 29) * 24 * HOUR],
    ['a spike at zero and a tail', (r: () => number) => (r() < 0.4 ? 0 : r() * 90 * HOUR)],
    ['below a second', (r: () => number) => r() * 900],
  ])('stays within the bound: %s', (_name, draw) => {
    const r = random(42);
    for (const n of [1, 2, 3, 4, 7, 50, 51, 1000, 20_001]) {
      const values = Array.from({ length: n }, () => draw(r));
      const exact = exactMedian(values);
      const { cases, sumMs, medianMs } = summariseBuckets(histogram(values));
      expect(cases).toBe(n);
      expect(sumMs).toBeCloseTo(
        values.reduce((a, b) => a + b, 0),
        0,
      );
      expect(Math.abs((medianMs ?? NaN) - exact)).toBeLessThanOrEqual(
        MEDIAN_RELATIVE_ERROR * Math.abs(exact) + 1,
      );
    }
  });

  it('is exact for a few values, each alone or at the edge of its bucket', () => {
    for (const values of [[72 * HOUR], [72 * HOUR, 48 * HOUR], [6 * HOUR, 48 * HOUR, 72 * HOUR]]) {
      expect(summariseBuckets(histogram(values)).medianMs).toBe(exactMedian(values));
    }
    // Three values in one bucket: the middle one is the sum less the other two.
    const close = [100_000, 100_300, 100_700];
    expect(summariseBuckets(histogram(close)).medianMs).toBeCloseTo(100_300, 6);
  });

  it('has no median without values, and counts a clock that stepped back', () => {
    expect(summariseBuckets([])).toEqual({ cases: 0, sumMs: 0, medianMs: null });
    const values = [-5000, -20, 0, 0.4, 3000];
    const { medianMs } = summariseBuckets(histogram(values));
    expect(Math.abs((medianMs ?? NaN) - exactMedian(values))).toBeLessThanOrEqual(1);
  });
});
