import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BUILT_IN_QUESTIONNAIRE } from '../modules/assessments/default-questionnaire.ts';
import { classifyTransition, type Stage } from '../modules/ideas/pipeline.domain.ts';
import { validateAnswers } from '../modules/value/assessment.domain.ts';
import { assessmentValueSchema } from '../modules/value/value.schemas.ts';
import { demoAssessment } from './demo-assessments.domain.ts';
import { DEMO_PEOPLE } from './demo-company.ts';
import { pathTo, planDemoIdeas } from './demo-ideas.domain.ts';
import { DEMO_IDEAS } from './demo-ideas-catalog.ts';

const DAY = 86_400_000;
const now = Date.UTC(2026, 10, 20, 12);
const firstDay = now - 14 * DAY;

describe('demo ideas plan', () => {
  it('has about thirty ideas in every phase, two of them live on a demo workflow', () => {
    assert.ok(DEMO_IDEAS.length >= 28 && DEMO_IDEAS.length <= 35, `${DEMO_IDEAS.length} ideas`);
    const phases = new Set(DEMO_IDEAS.map((i) => i.stage.phase));
    assert.deepEqual([...phases].sort(), ['analysis', 'assessment', 'build', 'design', 'idea', 'live', 'qualification', 'test']);
    assert.deepEqual(
      DEMO_IDEAS.filter((i) => i.stage.phase === 'live').map((i) => i.workflow),
      ['shop', 'invoice-approval'],
    );
    assert.equal(new Set(DEMO_IDEAS.map((i) => i.key)).size, DEMO_IDEAS.length);
  });

  it('walks each idea to its stage one legal move at a time', () => {
    assert.deepEqual(pathTo({ phase: 'idea', status: 'awaiting_review' }), []);
    assert.deepEqual(
      pathTo({ phase: 'build', status: 'at_risk' }).map((s) => `${s.phase}/${s.status}`),
      [
        'assessment/awaiting_review',
        'qualification/awaiting_review',
        'qualification/approved',
        'analysis/on_track',
        'design/on_track',
        'build/on_track',
        'build/at_risk',
      ],
    );
    for (const idea of DEMO_IDEAS) {
      let from: Stage = { phase: 'idea', status: 'awaiting_review' };
      for (const to of pathTo(idea.stage)) {
        assert.ok(classifyTransition(from, to, true).ok, `${idea.key}: ${from.phase}/${from.status} → ${to.phase}/${to.status}`);
        from = to;
      }
      assert.deepEqual(from, idea.stage, idea.key);
    }
  });

  it('plans dated steps in order, by demo people, ending where the catalog says', () => {
    const steps = planDemoIdeas({ now, firstDay });
    const emails = new Set(DEMO_PEOPLE.map((p) => p.email));
    for (let i = 1; i < steps.length; i++) assert.ok((steps[i]?.at ?? 0) >= (steps[i - 1]?.at ?? 0));
    for (const s of steps) {
      assert.ok(emails.has(s.by), `${s.kind} by ${s.by}`);
      assert.ok(s.at < now, `${s.kind} ${s.idea} is in the past`);
    }
    for (const idea of DEMO_IDEAS) {
      const own = steps.filter((s) => s.idea === idea.key);
      assert.equal(own[0]?.kind, 'submit', idea.key);
      const moves = own.filter((s) => s.kind === 'move');
      const last = moves[moves.length - 1];
      if (last?.kind === 'move') assert.deepEqual(last.to, idea.stage, idea.key);
      assert.ok(
        own.filter((s) => s.kind === 'vote').every((s) => s.by !== idea.by),
        `${idea.key}: nobody votes for their own idea`,
      );
    }
    // The live ideas are linked before the replay starts and go live after a day of runs.
    for (const key of ['shop-orders', 'invoice-approval']) {
      const own = steps.filter((s) => s.idea === key);
      const link = own.find((s) => s.kind === 'link');
      const live = own.find((s) => s.kind === 'move' && s.to.phase === 'live');
      assert.ok(link && link.at < firstDay && live && live.at > firstDay + DAY, key);
    }
    // Both reviews are approved before the go-live move (the gate), the technical one after a day of runs.
    for (const key of ['shop-orders', 'invoice-approval']) {
      const own = steps
        .filter((s) => s.idea === key)
        .map((s) => (s.kind.startsWith('review') && 'review' in s ? `${s.kind}:${s.review}` : s.kind));
      const tail = own.filter((k) => k.startsWith('review') || k === 'link' || k === 'move').slice(-7);
      assert.deepEqual(tail, [
        'link',
        'review-submit:business',
        'review-approve:business',
        'review-submit:technical',
        'review-checks',
        'review-approve:technical',
        'move',
      ]);
    }
    assert.deepEqual(planDemoIdeas({ now, firstDay }), steps, 'deterministic');
  });
});

describe('demo assessments', () => {
  it('gives every idea a valid value input and valid answers to the built-in questionnaire', () => {
    for (const idea of DEMO_IDEAS) {
      const a = demoAssessment(idea);
      const parsed = assessmentValueSchema.safeParse(a.input);
      assert.ok(parsed.success, `${idea.key}: ${parsed.success ? '' : JSON.stringify(parsed.error.issues)}`);
      const checked = validateAnswers(BUILT_IN_QUESTIONNAIRE, { version: a.questionnaireVersion, answers: a.answers });
      assert.ok(checked.ok, `${idea.key}: ${checked.ok ? '' : JSON.stringify(checked.issues)}`);
    }
    const rejected = DEMO_IDEAS.find((i) => i.key === 'delivery-notes');
    assert.deepEqual(rejected && demoAssessment(rejected).answers.inputFormat, 'paper');
  });
});
