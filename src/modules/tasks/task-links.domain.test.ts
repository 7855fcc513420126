import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { linkActionsFor, linkExpiry, linkProblem, nextReminderAt, TASK_LINK_TOKEN } from './task-links.domain.ts';

const link = { task_id: 't1', action: 'approve', used_at: null, expires_at: '2026-12-01T08:00:00.000Z' };

describe('linkActionsFor', () => {
  it('offers approve, reject and open for an approval, only open for other tasks', () => {
    assert.deepEqual(linkActionsFor('approval'), ['approve', 'reject', 'open']);
    assert.deepEqual(linkActionsFor('form'), ['open']);
    assert.deepEqual(linkActionsFor('exception'), ['open']);
  });
});

describe('linkExpiry', () => {
  const now = new Date('2026-11-24T08:00:00.000Z');
  it('lasts the configured number of days when the task expires later or never', () => {
    assert.equal(linkExpiry(now, null, 7), '2026-12-01T08:00:00.000Z');
    assert.equal(linkExpiry(now, '2026-12-24T08:00:00.000Z', 3), '2026-11-27T08:00:00.000Z');
  });
  it('ends with the task when the task expires first', () => {
    assert.equal(linkExpiry(now, '2026-11-25T08:00:00.000Z', 7), '2026-11-25T08:00:00.000Z');
  });
});

describe('linkProblem', () => {
  it('accepts an unused link before its expiry', () => {
    assert.equal(linkProblem(link, '2026-11-30T08:00:00.000Z'), null);
    assert.equal(linkProblem(link, '2026-11-30T08:00:00.000Z', { taskId: 't1', action: 'approve' }), null);
  });
  it('refuses a used link, and an expired one from the expiry instant on', () => {
    assert.equal(linkProblem({ ...link, used_at: '2026-11-25T08:00:00.000Z' }, '2026-11-26T08:00:00.000Z'), 'TASK_LINK_USED');
    assert.equal(linkProblem(link, '2026-12-01T08:00:00.000Z'), 'TASK_LINK_EXPIRED');
  });
  it('refuses a link presented for another task or another action', () => {
    assert.equal(linkProblem(link, '2026-11-30T08:00:00.000Z', { taskId: 't2' }), 'TASK_LINK_INVALID');
    assert.equal(linkProblem(link, '2026-11-30T08:00:00.000Z', { action: 'reject' }), 'TASK_LINK_INVALID');
  });
});

describe('nextReminderAt', () => {
  const from = new Date('2026-11-24T08:00:00.000Z');
  it('schedules the next reminder one interval later until the maximum is reached', () => {
    assert.equal(nextReminderAt(from, 4 * 3_600_000, 0, 3), '2026-11-24T12:00:00.000Z');
    assert.equal(nextReminderAt(from, 4 * 3_600_000, 2, 3), '2026-11-24T12:00:00.000Z');
    assert.equal(nextReminderAt(from, 4 * 3_600_000, 3, 3), null);
  });
  it('schedules nothing without an interval', () => {
    assert.equal(nextReminderAt(from, null, 0, 3), null);
  });
});

describe('TASK_LINK_TOKEN', () => {
  it('matches 32 random bytes in base64url and nothing shorter or with other characters', () => {
    assert.ok(TASK_LINK_TOKEN.test('A'.repeat(43)));
    assert.ok(!TASK_LINK_TOKEN.test('A'.repeat(42)));
    assert.ok(!TASK_LINK_TOKEN.test(`${'A'.repeat(42)}/`));
  });
});
