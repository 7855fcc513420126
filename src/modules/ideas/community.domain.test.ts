import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hoursPerMonth, parseMentions } from './community.domain.ts';

describe('parseMentions', () => {
  it('finds names and e-mail addresses, lower-cased and once each', () => {
    assert.deepEqual(parseMentions('@Alice and @bob@bakery.example, ping @alice again. Thanks @carol.smith.'), [
      'alice',
      'bob@bakery.example',
      'carol.smith',
    ]);
  });

  it('ignores an @ inside a word (a plain e-mail address)', () => {
    assert.deepEqual(parseMentions('write to sales@bakery.example'), []);
  });
});

describe('hoursPerMonth', () => {
  it('adds everyone’s volume: count × k(period) / 12 × minutes / 60', () => {
    // 10/day × 220/12 × 6 min = 1100 min = 18.3 h; 5/week × 52/12 × 12 min = 260 min = 4.3 h
    assert.equal(
      hoursPerMonth([
        { period: 'day', count: 10, minutes: 6 },
        { period: 'week', count: 5, minutes: 12 },
      ]),
      22.7,
    );
    assert.equal(hoursPerMonth([{ period: 'month', count: 0, minutes: 30 }]), 0);
  });
});
