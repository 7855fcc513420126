import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RoleKey } from '../../platform/permissions/catalog.ts';
import { awaitsDecision, classifyTransition, mayTake, movesFor } from './pipeline.domain.ts';

const roles = (...r: RoleKey[]) => new Set<RoleKey>(r);

describe('classifyTransition', () => {
  it('names the action of each legal move', () => {
    const cases: [string, string, string, string, string][] = [
      ['idea', 'awaiting_review', 'assessment', 'awaiting_review', 'review'],
      ['idea', 'awaiting_review', 'idea', 'duplicate', 'review'],
      ['assessment', 'awaiting_review', 'qualification', 'awaiting_review', 'qualify'],
      ['qualification', 'awaiting_review', 'qualification', 'approved', 'qualify'],
      ['qualification', 'approved', 'analysis', 'on_track', 'plan'],
      ['design', 'on_track', 'build', 'on_track', 'build'],
      ['build', 'on_track', 'build', 'at_risk', 'build'],
      ['test', 'on_track', 'live', 'on_track', 'go_live'],
      ['build', 'delayed', 'design', 'on_track', 'send_back'],
      ['build', 'on_track', 'build', 'cancelled', 'close'],
      ['analysis', 'on_track', 'analysis', 'on_hold', 'progress'],
    ];
    for (const [fp, fs, tp, ts, action] of cases) {
      const c = classifyTransition({ phase: fp, status: fs } as never, { phase: tp, status: ts } as never);
      assert.deepEqual(c, { ok: true, action }, `${fp}/${fs} → ${tp}/${ts}`);
    }
  });

  it('refuses skipped phases, unapproved gates, final states and statuses a phase cannot take', () => {
    const bad: [string, string, string, string, RegExp][] = [
      ['idea', 'awaiting_review', 'qualification', 'awaiting_review', /one phase at a time/],
      ['qualification', 'awaiting_review', 'analysis', 'on_track', /approved/],
      ['idea', 'rejected', 'assessment', 'awaiting_review', /no longer moves/],
      ['build', 'on_track', 'build', 'approved', /cannot be approved/],
      ['idea', 'awaiting_review', 'idea', 'awaiting_review', /already/],
      ['assessment', 'awaiting_review', 'assessment', 'approved', /Qualification/],
      ['build', 'on_hold', 'test', 'on_track', /Resume/],
    ];
    for (const [fp, fs, tp, ts, reason] of bad) {
      const c = classifyTransition({ phase: fp, status: fs } as never, { phase: tp, status: ts } as never);
      assert.equal(c.ok, false, `${fp}/${fs} → ${tp}/${ts}`);
      if (!c.ok) assert.match(c.reason, reason);
    }
  });

  it('lets the submitter withdraw a new idea', () => {
    assert.deepEqual(classifyTransition({ phase: 'idea', status: 'awaiting_review' }, { phase: 'idea', status: 'archived' }, true), {
      ok: true,
      action: 'withdraw',
    });
  });
});

describe('mayTake and movesFor', () => {
  it('follow the default rules, category overrides, and let admins do anything', () => {
    assert.equal(mayTake('qualify', roles('approver'), {}), true);
    assert.equal(mayTake('qualify', roles('builder', 'member'), {}), false);
    assert.equal(mayTake('qualify', roles('approver'), { qualify: ['programme_manager'] }), false);
    assert.equal(mayTake('send_back', roles('admin'), {}), true);
  });

  it('offer a member no moves, and an approver the review moves of a new idea', () => {
    const stage = { phase: 'idea', status: 'awaiting_review' } as const;
    assert.deepEqual(movesFor(stage, roles('member'), {}), []);
    assert.deepEqual(
      movesFor(stage, roles('member'), {}, true).map((m) => m.action),
      ['withdraw'],
    );
    const approver = movesFor(stage, roles('approver'), {}).map((m) => `${m.phase}/${m.status}`);
    assert.ok(approver.includes('assessment/awaiting_review'));
    assert.ok(approver.includes('idea/duplicate'));
    assert.ok(!approver.includes('idea/archived'), 'closing is for programme managers');
    assert.equal(awaitsDecision(stage), true);
    assert.equal(awaitsDecision({ phase: 'build', status: 'on_track' }), false);
  });
});
