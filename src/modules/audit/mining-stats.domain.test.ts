import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareCodePoints, compareSequences, describeSorted, histogram } from './mining-stats.domain.ts';

describe('describeSorted', () => {
  it('gives the median of an even count as the mean of the middle two and a sample standard deviation', () => {
    const s = describeSorted(new Float64Array([1, 2, 4, 9]));
    assert.deepEqual(s, { count: 4, mean: 4, median: 3, min: 1, max: 9, sum: 16, stdev: Math.sqrt((9 + 4 + 0 + 25) / 3) });
    assert.equal(describeSorted(new Float64Array([7])).stdev, null);
  });

  it('describes a segment of a larger array', () => {
    assert.equal(describeSorted(new Float64Array([100, 1, 2, 3, 100]), 1, 4).median, 2);
  });
});

describe('compareCodePoints', () => {
  it('orders by code point as Python does, also above U+FFFF', () => {
    // U+FF5E (fullwidth tilde) is below U+1F600 (emoji) as code points, above it as UTF-16 units.
    assert.ok(compareCodePoints('\uff5e', '😀') < 0);
    assert.ok('\uff5e' > '😀');
    assert.ok(compareCodePoints('B', 'a') < 0);
    assert.ok(compareCodePoints('ab', 'abc') < 0);
    assert.equal(compareCodePoints('x', 'x'), 0);
    assert.ok(compareSequences(['a', 'b'], ['a', 'b', 'a']) < 0);
  });
});

describe('histogram', () => {
  it('splits [min, max] into equal bins, the maximum in the last', () => {
    assert.deepEqual(histogram([0, 1, 2, 3, 4, 10], 2), [
      { from: 0, to: 5, count: 5 },
      { from: 5, to: 10, count: 1 },
    ]);
    assert.deepEqual(histogram([3, 3]), [{ from: 3, to: 3, count: 2 }]);
    assert.deepEqual(histogram([]), []);
    assert.equal(histogram(Array.from({ length: 100 }, (_, i) => i)).length, 8);
  });
});
