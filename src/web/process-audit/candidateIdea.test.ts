import assert from 'node:assert/strict';
import { it } from 'node:test';
import { ideaFromCandidate } from './candidateIdea.ts';

it('fills an idea from a candidate: name, description and volumetry in the best-fitting period', () => {
  const base = { activity: 'Check stock', events: 1800, cases: 1800, medianMinutes: 44.6, reworkRate: 0, handoverRate: 0.97, resources: 3 };
  const daily = ideaFromCandidate({ ...base, casesPerWeek: 210 }, 'Order to delivery');
  assert.equal(daily.name, 'Automate “Check stock”');
  assert.equal(daily.frequencyPeriod, 'day');
  assert.equal(daily.frequencyCount, 30);
  assert.equal(daily.minutesPerCase, 45);
  assert.match(daily.description, /Order to delivery.*1800 times in 1800 cases.*about 210 cases a week.*3 people.*97 % of the time/);
  assert.equal(ideaFromCandidate({ ...base, casesPerWeek: 3.4 }, 'x').frequencyPeriod, 'week');
  const monthly = ideaFromCandidate({ ...base, casesPerWeek: 0.5, medianMinutes: null }, 'x');
  assert.deepEqual([monthly.frequencyPeriod, monthly.frequencyCount, monthly.minutesPerCase, monthly.painPoints], ['month', 2, 5, '']);
});
