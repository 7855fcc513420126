import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeDue, slaState, spanPhrase } from './taskDue.ts';

const NOW = Date.parse('2026-11-24T12:00:00.000Z');
const at = (hours: number) => new Date(NOW + hours * 3_600_000).toISOString();

describe('spanPhrase', () => {
  it('picks minutes, hours or days by size and rounds down', () => {
    assert.deepEqual([20_000, 25 * 60_000, 3.9 * 3_600_000, 47 * 3_600_000, 50 * 3_600_000].map(spanPhrase), [
      'under a minute',
      '25 min',
      '3 h',
      '47 h',
      '2 d',
    ]);
  });
});

describe('describeDue', () => {
  it('counts down to the due time of an open task', () => {
    assert.deepEqual(describeDue({ dueAt: at(3), status: 'open' }, NOW), { label: 'due in 3 h', overdue: false });
  });

  it('marks an open task past its due time as overdue, also when claimed', () => {
    assert.deepEqual(describeDue({ dueAt: at(-50), status: 'claimed' }, NOW), { label: 'overdue by 2 d', overdue: true });
  });

  it('says whether a closed task closed in time, never overdue', () => {
    assert.deepEqual(describeDue({ dueAt: at(-5), status: 'done', closedAt: at(-6) }, NOW), { label: 'closed in time', overdue: false });
    assert.deepEqual(describeDue({ dueAt: at(-5), status: 'done', closedAt: at(-2) }, NOW), { label: 'closed 3 h late', overdue: false });
  });

  it('says so when there is no due date', () => {
    assert.deepEqual(describeDue({ dueAt: null, status: 'open' }, NOW), { label: 'no due date', overdue: false });
  });
});

describe('slaState', () => {
  const created = at(-8);
  it('is on time early, due soon in the last quarter, breached after', () => {
    assert.equal(slaState({ dueAt: at(5), createdAt: created, status: 'open' }, NOW), 'on-time');
    assert.equal(slaState({ dueAt: at(2), createdAt: created, status: 'open' }, NOW), 'due-soon');
    assert.equal(slaState({ dueAt: at(-1), createdAt: created, status: 'open' }, NOW), 'breached');
  });

  it('gives short SLAs at least the last hour as due soon', () => {
    assert.equal(slaState({ dueAt: at(0.75), createdAt: at(-0.25), status: 'open' }, NOW), 'due-soon');
  });

  it('is met or missed once closed, and none without an SLA', () => {
    assert.equal(slaState({ dueAt: at(-1), createdAt: created, status: 'done', closedAt: at(-2) }, NOW), 'met');
    assert.equal(slaState({ dueAt: at(-1), createdAt: created, status: 'done', closedAt: at(-0.5) }, NOW), 'missed');
    assert.equal(slaState({ dueAt: null, createdAt: created, status: 'open' }, NOW), 'none');
  });
});
