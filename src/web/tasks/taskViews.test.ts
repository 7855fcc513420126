import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { approvalProgress, delegationState } from './taskViews.ts';

describe('approvalProgress', () => {
  const votes = (...d: string[]) => d.map((decision) => ({ decision }));
  it('counts approvals against N for N-of-M, ignoring rejections', () => {
    assert.deepEqual(approvalProgress({ policy: 'n_of_m', required: 3, eligible: 5, decisions: votes('approve', 'reject', 'approve') }), {
      done: 2,
      needed: 3,
    });
  });

  it('needs everyone who could decide for all-must-approve', () => {
    assert.deepEqual(approvalProgress({ policy: 'all', required: 1, eligible: 4, decisions: votes('approve') }), { done: 1, needed: 4 });
  });

  it('has no progress when any one decides', () => {
    assert.equal(approvalProgress({ policy: 'any', required: 1, eligible: 4, decisions: [] }), null);
  });
});

describe('delegationState', () => {
  const now = Date.parse('2026-11-24T12:00:00Z');
  const base = { startsAt: '2026-11-24T08:00:00Z', endsAt: '2026-11-30T17:00:00Z', cancelledAt: null, active: false };
  it('tells active, planned, ended and cancelled delegations apart', () => {
    assert.equal(delegationState({ ...base, active: true }, now), 'active');
    assert.equal(delegationState({ ...base, startsAt: '2026-11-25T08:00:00Z' }, now), 'planned');
    assert.equal(delegationState({ ...base, endsAt: '2026-11-24T10:00:00Z' }, now), 'ended');
    assert.equal(delegationState({ ...base, cancelledAt: '2026-11-24T09:00:00Z' }, now), 'cancelled');
  });
});
