import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  automaticChecks,
  checkCredentials,
  checkErrorHandling,
  checkOwner,
  checkTestRuns,
  itemState,
  maySubmit,
  openItems,
  reviewsApproved,
  type WorkflowFacts,
} from './idea-reviews.domain.ts';

const wf = (over: Partial<WorkflowFacts> = {}): WorkflowFacts => ({
  id: 'w1',
  name: 'Intake',
  nodes: [{ id: 'start', name: 'Start', type: 'trigger.manual' }],
  edges: [],
  credentials: {},
  teamId: 't1',
  owner: { id: 'u1', name: 'Bob', active: true },
  publishedVersion: 2,
  succeededRuns: 3,
  ...over,
});
const fetch = { id: 'fetch', name: 'Fetch', type: 'connector.http.request' };

describe('checkErrorHandling', () => {
  it('passes a workflow that calls nothing external', () => {
    assert.deepEqual(checkErrorHandling(wf()), { pass: true, why: ['Intake: no step calls an external system'] });
  });
  it('fails a connector step without retry, error edge or exception task, naming it', () => {
    const r = checkErrorHandling(wf({ nodes: [fetch, { ...fetch, id: 'b', name: 'B', retry: { maxAttempts: 1 } }] }));
    assert.equal(r.pass, false);
    assert.equal(r.why.length, 2, 'one attempt is no retry');
  });
  it('accepts a retry policy, an error edge or an exception task', () => {
    const nodes = [
      { ...fetch, retry: { maxAttempts: 3 } },
      { ...fetch, id: 'b', name: 'B' },
      { ...fetch, id: 'c', name: 'C', onFailure: 'task' as const },
    ];
    assert.equal(checkErrorHandling(wf({ nodes, edges: [{ from: 'b', kind: 'error' }] })).pass, true);
    assert.equal(checkErrorHandling(wf({ nodes, edges: [{ from: 'b', kind: 'default' }] })).pass, false);
  });
});

describe('checkCredentials', () => {
  const needs = { type: 'http_auth', required: true };
  it('fails a missing credential, a credential of the wrong type and a required one left out', () => {
    const r = checkCredentials(
      wf({
        nodes: [
          { ...fetch, credentialId: 'gone' },
          { ...fetch, id: 'b', name: 'B', credentialId: 'c1', credentialType: needs },
          { ...fetch, id: 'c', name: 'C', credentialType: needs },
        ],
        credentials: { c1: { type: 'smtp' } },
      }),
    );
    assert.equal(r.pass, false);
    assert.deepEqual(r.why, [
      'Intake: step "Fetch" names credential gone, which does not exist',
      'Intake: step "B" takes a http_auth credential, not smtp',
      'Intake: step "C" needs a http_auth credential and names none',
    ]);
  });
  it('passes existing credentials of the right type', () => {
    const r = checkCredentials(
      wf({ nodes: [{ ...fetch, credentialId: 'c1', credentialType: needs }], credentials: { c1: { type: 'http_auth' } } }),
    );
    assert.equal(r.pass, true);
  });
});

describe('checkOwner and checkTestRuns', () => {
  it('needs an active owner and a team', () => {
    assert.equal(checkOwner(wf()).pass, true);
    assert.deepEqual(checkOwner(wf({ owner: null, teamId: null })).why, ['Intake: has no owner', 'Intake: has no owning team']);
    assert.equal(checkOwner(wf({ owner: { id: 'u', name: 'Ann', active: false } })).pass, false);
  });
  it('counts succeeded runs of the published version against the minimum', () => {
    assert.equal(checkTestRuns(wf(), 3).pass, true);
    assert.deepEqual(checkTestRuns(wf({ succeededRuns: 2 }), 3), {
      pass: false,
      why: ['Intake: 2 succeeded run(s) of version 2, needs 3'],
    });
    assert.deepEqual(checkTestRuns(wf({ publishedVersion: null, succeededRuns: 0 }), 0).why, ['Intake: not published yet']);
  });
});

describe('automaticChecks and openItems', () => {
  it('passes an item only when it passes for every linked workflow, and fails everything without one', () => {
    const auto = automaticChecks([wf(), wf({ id: 'w2', name: 'Other', teamId: null })], null, 3);
    assert.equal(auto.owner.pass, false);
    assert.equal(auto.error_handling.pass, true);
    assert.equal(auto.data_class.pass, null);
    assert.equal(automaticChecks([], 'internal', 3).test_runs.pass, false);
  });
  it('leaves open every item neither confirmed (and passing) nor waived', () => {
    const auto = automaticChecks([wf({ succeededRuns: 0 })], 'internal', 3);
    const by = { by: 'Erin', at: '2026-11-26T10:00:00Z', reason: '' };
    const decisions = {
      error_handling: { decision: 'confirmed' as const, ...by },
      credentials: { decision: 'confirmed' as const, ...by },
      test_runs: { decision: 'confirmed' as const, ...by },
      owner: { decision: 'waived' as const, ...by, reason: 'team set next week' },
    };
    assert.deepEqual(openItems(auto, decisions), ['data_class', 'test_runs']);
    assert.equal(itemState(auto.test_runs, decisions.test_runs), 'failing', 'a confirmation does not outlive a check that fails now');
    assert.equal(itemState(auto.data_class, undefined), 'to_confirm');
  });
});

describe('maySubmit and reviewsApproved', () => {
  const r = (kind: string, round: number, status: string) => ({ kind, round, status });
  it('opens reviews in Build or Test, with a workflow, one round at a time, technical after business', () => {
    assert.deepEqual(maySubmit('business', [], 'design', 1), {
      ok: false,
      code: 'IDEA_REVIEW_NOT_OPEN',
      reason: 'Reviews are submitted in the Build or Test phase.',
    });
    assert.equal((maySubmit('business', [], 'build', 0) as { code: string }).code, 'IDEA_REVIEW_NO_WORKFLOW');
    assert.deepEqual(maySubmit('business', [], 'build', 1), { ok: true, round: 1 });
    assert.equal((maySubmit('business', [r('business', 1, 'pending')], 'test', 1) as { code: string }).code, 'IDEA_REVIEW_IN_PROGRESS');
    assert.deepEqual(maySubmit('business', [r('business', 1, 'changes_requested')], 'test', 1), { ok: true, round: 2 });
    assert.equal((maySubmit('technical', [r('business', 1, 'pending')], 'test', 1) as { code: string }).code, 'IDEA_REVIEW_OUT_OF_ORDER');
    assert.equal((maySubmit('business', [r('business', 1, 'approved')], 'test', 1) as { code: string }).code, 'IDEA_REVIEW_APPROVED');
  });
  it('opens the go-live gate only when the latest round of both reviews is approved', () => {
    assert.equal(reviewsApproved([r('business', 1, 'approved'), r('technical', 1, 'approved')]).ok, true);
    assert.deepEqual(reviewsApproved([r('business', 1, 'approved'), r('technical', 1, 'approved'), r('technical', 2, 'pending')]), {
      ok: false,
      business: 'approved',
      technical: 'pending',
    });
    assert.equal(reviewsApproved([]).business, 'not_submitted');
  });
});
