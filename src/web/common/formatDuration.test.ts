import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatDuration } from './formatDuration.ts';

describe('formatDuration', () => {
  it('picks the unit by size', () => {
    assert.deepEqual([340, 4200, 45_000, 185_000, 7_800_000].map(formatDuration), ['340 ms', '4.2 s', '45 s', '3 min 5 s', '2 h 10 min']);
  });

  it('shows a dash when the duration is unknown', () => {
    assert.equal(formatDuration(null), '—');
  });
});
