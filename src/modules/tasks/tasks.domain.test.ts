import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dueRange, dueWork, matchDecider, nextCheckAt, sortKeyOf, tallyVotes, UNDATED, votesNeeded } from './tasks.domain.ts';

const approve = { vote: 'approve' as const };
const reject = { vote: 'reject' as const };

describe('tallyVotes', () => {
  it('settles an any-one approval with the first vote', () => {
    assert.equal(tallyVotes('any', 1, 5, []), null);
    assert.equal(tallyVotes('any', 1, 5, [reject]), 'rejected');
    assert.equal(tallyVotes('any', 1, 5, [approve]), 'approved');
  });

  it('needs every eligible approval for all, and one rejection rejects', () => {
    assert.equal(tallyVotes('all', 1, 3, [approve, approve]), null);
    assert.equal(tallyVotes('all', 1, 3, [approve, approve, approve]), 'approved');
    assert.equal(tallyVotes('all', 1, 3, [approve, reject]), 'rejected');
  });

  it('approves N of M at N approvals and rejects once N is out of reach', () => {
    assert.equal(tallyVotes('n_of_m', 2, 4, [approve]), null);
    assert.equal(tallyVotes('n_of_m', 2, 4, [approve, reject, approve]), 'approved');
    assert.equal(tallyVotes('n_of_m', 3, 4, [reject]), null);
    assert.equal(tallyVotes('n_of_m', 3, 4, [reject, reject]), 'rejected');
    assert.equal(tallyVotes('n_of_m', 2, 4, [reject, reject]), null, 'two of the remaining two can still approve');
  });

  it('lets an override (an escalation) settle alone', () => {
    assert.equal(tallyVotes('all', 1, 3, [approve, { vote: 'reject', override: true }]), 'rejected');
    assert.equal(tallyVotes('n_of_m', 3, 4, [{ vote: 'approve', override: true }]), 'approved');
  });

  it('counts the votes still needed', () => {
    assert.equal(votesNeeded('n_of_m', 2, 4, 1), 1);
    assert.equal(votesNeeded('all', 1, 3, 1), 2);
    assert.equal(votesNeeded('any', 1, 3, 0), 1);
  });
});

describe('matchDecider', () => {
  const base = {
    userId: 'u1',
    own: ['u:u1', 't:fin'],
    delegators: [] as string[],
    policy: 'any' as const,
    eligible: null,
    alreadyVoted: [] as string[],
  };

  it('matches through the person’s own principals first', () => {
    assert.deepEqual(matchDecider({ ...base, assignees: [{ principal: 't:fin', reason: 'assigned' }] }), {
      deciderId: 'u1',
      onBehalfOf: null,
      override: false,
    });
  });

  it('matches a stand-in as the vote of the person away, but not through escalations', () => {
    const assignees = [{ principal: 'u:away', reason: 'assigned' }];
    assert.deepEqual(matchDecider({ ...base, own: ['u:u1'], delegators: ['away'], assignees }), {
      deciderId: 'away',
      onBehalfOf: 'away',
      override: false,
    });
    assert.equal(
      matchDecider({ ...base, own: ['u:u1'], delegators: ['away'], assignees: [{ principal: 'u:away', reason: 'escalated' }] }),
      null,
    );
    assert.equal(matchDecider({ ...base, own: ['u:u1'], delegators: ['away'], assignees, alreadyVoted: ['away'] }), null);
  });

  it('marks someone reached only through an escalation as an override, a claim does not change that', () => {
    const m = matchDecider({
      ...base,
      own: ['u:boss', 'm:fin'],
      userId: 'boss',
      assignees: [
        { principal: 'm:fin', reason: 'escalated' },
        { principal: 'u:boss', reason: 'claimed' },
      ],
    });
    assert.equal(m?.override, true);
  });

  it('keeps all-policy votes to the people counted when the task opened', () => {
    const assignees = [{ principal: 't:fin', reason: 'assigned' }];
    assert.equal(matchDecider({ ...base, policy: 'all', eligible: ['u2', 'u3'], assignees }), null);
    assert.ok(matchDecider({ ...base, policy: 'all', eligible: ['u1', 'u3'], assignees }));
  });

  it('refuses someone with no matching principal', () => {
    assert.equal(matchDecider({ ...base, assignees: [{ principal: 't:sales', reason: 'assigned' }] }), null);
  });
});

describe('scheduling', () => {
  const now = new Date('2026-11-24T08:00:00.000Z');
  const open = {
    status: 'open',
    due_at: '2026-11-24T12:00:00.000Z',
    expires_at: '2026-11-26T08:00:00.000Z',
    escalated_at: null,
    signal_pending: 0,
  };

  it('looks again at the earliest of SLA and expiry, then only the expiry after an escalation', () => {
    assert.equal(nextCheckAt(open, now), '2026-11-24T12:00:00.000Z');
    assert.equal(nextCheckAt({ ...open, escalated_at: '2026-11-24T12:00:01.000Z' }, now), '2026-11-26T08:00:00.000Z');
    assert.equal(nextCheckAt({ ...open, status: 'done' }, now), null);
    assert.equal(nextCheckAt({ ...open, status: 'done', signal_pending: 1 }, now), '2026-11-24T08:00:01.000Z');
  });

  it('says what is due: redelivery, expiry before escalation', () => {
    assert.deepEqual(dueWork(open, '2026-11-24T11:59:59.999Z'), []);
    assert.deepEqual(dueWork(open, '2026-11-24T12:00:00.000Z'), ['escalate']);
    assert.deepEqual(dueWork(open, '2026-11-26T08:00:00.000Z'), ['expire']);
    assert.deepEqual(dueWork({ ...open, status: 'expired', signal_pending: 1 }, '2026-11-26T08:00:00.000Z'), ['resignal']);
  });

  it('looks again at the next reminder of an open task, and reminds only while it is open and not expiring', () => {
    const reminding = { ...open, next_remind_at: '2026-11-24T10:00:00.000Z' };
    assert.equal(nextCheckAt(reminding, now), '2026-11-24T10:00:00.000Z');
    assert.equal(nextCheckAt({ ...reminding, status: 'done' }, now), null);
    assert.deepEqual(dueWork(reminding, '2026-11-24T10:00:00.000Z'), ['remind']);
    assert.deepEqual(dueWork(reminding, '2026-11-24T12:00:00.000Z'), ['escalate', 'remind']);
    assert.deepEqual(dueWork(reminding, '2026-11-26T08:00:00.000Z'), ['expire']);
  });

  it('orders open tasks by due time (undated last) and closed ones by when they closed', () => {
    assert.equal(sortKeyOf({ status: 'open', due_at: null, closed_at: null }), UNDATED);
    assert.equal(sortKeyOf({ status: 'claimed', due_at: 'd', closed_at: null }), 'd');
    assert.equal(sortKeyOf({ status: 'done', due_at: 'd', closed_at: 'c' }), 'c');
    assert.deepEqual(dueRange('today', now), { lt: '2026-11-25T00:00:00.000Z' });
    assert.deepEqual(dueRange('none', now), { eq: UNDATED });
  });
});
