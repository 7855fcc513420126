import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { averageRating, normalizeTags, ratingDelta } from './templates.domain.ts';

describe('averageRating', () => {
  it('is null before anyone rates', () => assert.equal(averageRating(0, 0), null));
  it('rounds the mean to one decimal', () => assert.equal(averageRating(14, 3), 4.7));
});

describe('normalizeTags', () => {
  it('trims, lower-cases, joins words with dashes and drops duplicates and empties', () => {
    assert.deepEqual(normalizeTags([' Invoices ', 'invoices', '', 'Month End']), ['invoices', 'month-end']);
  });
});

describe('ratingDelta', () => {
  it('counts a first rating', () => assert.deepEqual(ratingDelta(null, 4), { sum: 4, count: 1 }));
  it('moves only the sum when a rating is edited', () => assert.deepEqual(ratingDelta(4, 2), { sum: -2, count: 0 }));
  it('takes a deleted rating back', () => assert.deepEqual(ratingDelta(3, null), { sum: -3, count: -1 }));
});
