import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { createTestDatabase, testDialects } from '../../platform/db/testing/test-database.ts';
import type { Session } from '../../testing/test-app.ts';
import { submitIdea } from '../ideas/testing/ideas-fixture.ts';
import type { People } from '../tasks/testing/tasks-fixture.ts';
import { BUILT_IN_QUESTIONNAIRE } from './default-questionnaire.ts';
import { assess, assessmentState, createAssessmentPeople, validAnswers, validInput } from './testing/assessments-fixture.ts';

const pathsOf = (body: string) => (JSON.parse(body).error.details.issues as { path: string }[]).map((i) => i.path);

const scored = {
  key: 'volume',
  label: 'Invoices a month',
  kind: 'number',
  min: 0,
  scoreFrom: 0,
  scoreTo: 500,
};
const channel = {
  key: 'channel',
  label: 'How do invoices arrive?',
  kind: 'single',
  required: true,
  options: [
    { value: 'email', label: 'E-mail', score: 1 },
    { value: 'post', label: 'Post', score: 0 },
  ],
};

/** Questionnaire publishing and the 400s of bad assessments: every refusal names its field and changes nothing. */
for (const { dialect, skip } of testDialects()) {
  describe(`assessments: questionnaires and bad input [${dialect}]`, { skip: skip || undefined }, () => {
    let handle: DatabaseHandle;
    let p: People;
    let adam: Session;
    let carol: Session;
    let cats: Record<string, string> = {};
    let ideaId = '';

    before(async () => {
      handle = await createTestDatabase(dialect);
      ({ p, adam, carol, cats } = await createAssessmentPeople(handle));
      ideaId = (await submitIdea(p.as.alice, cats.Finance ?? '')).id;
    });
    after(async () => {
      await p?.app.close();
      await handle?.close();
    });

    const publish = (who: Session, categoryId: string, body: Record<string, unknown>) =>
      who.request({ method: 'POST', url: `/api/v1/assessments/questionnaires/${categoryId}`, payload: body });

    it('refuses a bad value input with 400 and the path of each wrong field', async () => {
      const before = await assessmentState(p);
      const negative = await assess(carol, ideaId, { input: { ...validInput, volumetry: { ...validInput.volumetry, volume: -5 } } });
      assert.equal(negative.statusCode, 400, negative.body);
      assert.equal(negative.json().error.code, 'VALIDATION_FAILED');
      assert.ok(pathsOf(negative.body).includes('input.volumetry.volume'), negative.body);
      const errors = await assess(carol, ideaId, { input: { ...validInput, volumetry: { ...validInput.volumetry, errorRate: 1.5 } } });
      assert.equal(errors.statusCode, 400);
      assert.ok(pathsOf(errors.body).includes('input.volumetry.errorRate'), errors.body);
      const range = await assess(carol, ideaId, {
        input: { ...validInput, cost: { ...validInput.cost, buildHours: { low: 50, likely: 10, high: 80 } } },
      });
      assert.equal(range.statusCode, 400);
      assert.ok(
        pathsOf(range.body).some((x) => x.startsWith('input.cost.buildHours')),
        range.body,
      );
      assert.deepEqual(await assessmentState(p), before);
    });

    it('refuses answers that do not match the questionnaire, naming each', async () => {
      const before = await assessmentState(p);
      const res = await assess(carol, ideaId, {
        answers: { ...validAnswers, inputFormat: 'telepathy', colour: 'blue', exceptions: undefined },
      });
      assert.equal(res.statusCode, 400, res.body);
      assert.deepEqual(pathsOf(res.body).sort(), ['answers.colour', 'answers.exceptions', 'answers.inputFormat']);
      const version = await assess(carol, ideaId, { questionnaireVersion: 7 });
      assert.equal(version.statusCode, 400);
      assert.deepEqual(pathsOf(version.body), ['questionnaireVersion']);
      assert.deepEqual(await assessmentState(p), before);
    });

    it('answers 404 for an unknown idea', async () => {
      assert.equal((await assess(carol, 'no-such-idea')).statusCode, 404);
      const get = await carol.request({ method: 'GET', url: '/api/v1/assessments/ideas/no-such-idea' });
      assert.equal(get.statusCode, 404);
      assert.equal(get.json().error.code, 'NOT_FOUND');
    });

    it('previews figures without storing them, listing answer problems instead of refusing', async () => {
      const before = await assessmentState(p);
      const res = await p.as.alice.request({
        method: 'POST',
        url: `/api/v1/assessments/ideas/${ideaId}/preview`,
        payload: { answers: { inputFormat: 'structured', systems: ['nope'] }, input: validInput },
      });
      assert.equal(res.statusCode, 200, res.body);
      const v = res.json();
      assert.equal(v.figures.valuation.verdict, 'viable');
      assert.deepEqual(v.answerIssues.map((i: { path: string }) => i.path).sort(), [
        'answers.dataSensitivity',
        'answers.exceptions',
        'answers.systems',
      ]);
      assert.equal(v.questionnaireScore.score, 100, 'the one valid scored answer');
      assert.deepEqual(await assessmentState(p), before);
      const bad = await p.as.alice.request({
        method: 'POST',
        url: `/api/v1/assessments/ideas/${ideaId}/preview`,
        payload: { input: { ...validInput, volumetry: { ...validInput.volumetry, volume: -1 } } },
      });
      assert.equal(bad.statusCode, 400);
      assert.ok(pathsOf(bad.body).includes('input.volumetry.volume'));
    });

    it('lets only idea managers publish a questionnaire', async () => {
      const before = await assessmentState(p);
      const body = { title: 'Finance', questions: [channel] };
      assert.equal((await publish(carol, cats.Finance ?? '', body)).statusCode, 403);
      assert.equal((await publish(p.as.erin, cats.Finance ?? '', body)).statusCode, 403);
      assert.equal((await publish(adam, 'no-such-category', body)).statusCode, 404);
      assert.deepEqual(await assessmentState(p), before);
    });

    it('refuses an invalid questionnaire with the path of each problem', async () => {
      const before = await assessmentState(p);
      const res = await publish(adam, cats.Finance ?? '', {
        title: 'Finance',
        questions: [
          channel,
          { ...channel, options: [{ value: 'x', label: 'X' }] },
          { key: 'note', label: 'Note', kind: 'text', affectsScore: true },
        ],
      });
      assert.equal(res.statusCode, 400, res.body);
      const paths = pathsOf(res.body);
      assert.ok(paths.includes('questions.1.options'), res.body);
      assert.ok(paths.includes('questions.2.affectsScore'), res.body);
      const dup = await publish(adam, cats.Finance ?? '', { title: 'Finance', questions: [channel, channel] });
      assert.equal(dup.statusCode, 400);
      assert.deepEqual(pathsOf(dup.body), ['questions.1.key']);
      assert.deepEqual(await assessmentState(p), before);
    });

    it('publishes versions per category with what changed, audited; the category then uses its own', async () => {
      const first = await publish(adam, cats.Finance ?? '', { title: 'Finance', questions: [channel, scored] });
      assert.equal(first.statusCode, 201, first.body);
      assert.equal(first.json().questionnaire.version, 1);
      assert.deepEqual(first.json().changes.added, ['channel', 'volume']);
      assert.deepEqual(
        first.json().changes.removed,
        BUILT_IN_QUESTIONNAIRE.questions.map((q) => q.key),
      );
      const second = await publish(adam, cats.Finance ?? '', { title: 'Finance', questions: [{ ...channel, weight: 3 }] });
      assert.equal(second.json().questionnaire.version, 2);
      assert.deepEqual(second.json().changes, { added: [], removed: ['volume'], changed: ['channel'] });
      const versions = await carol.request({ method: 'GET', url: `/api/v1/assessments/questionnaires/${cats.Finance}/versions` });
      assert.deepEqual(
        versions.json().map((v: { version: number }) => v.version),
        [2, 1],
      );
      const current = await carol.request({ method: 'GET', url: `/api/v1/assessments/questionnaires/${cats.Finance}` });
      assert.equal(current.json().version, 2);
      const hr = await carol.request({ method: 'GET', url: `/api/v1/assessments/questionnaires/${cats.HR}` });
      assert.equal(hr.json().builtIn, true, 'other categories keep the default');
      const audit = await handle.db
        .selectFrom('audit_events')
        .selectAll()
        .where('action', '=', 'assessment_questionnaire.publish')
        .execute();
      assert.equal(audit.length, 2);

      // The old answers are refused now; answers to version 2 are saved against its row.
      const stale = await assess(carol, ideaId);
      assert.equal(stale.statusCode, 400);
      const saved = await assess(carol, ideaId, { questionnaireVersion: 2, answers: { channel: 'email' } });
      assert.equal(saved.statusCode, 200, saved.body);
      assert.equal(saved.json().assessment.questionnaireVersion, 2);
      assert.equal(saved.json().assessment.questionnaireScore, 100);
      const third = await publish(adam, cats.Finance ?? '', { title: 'Finance v3', questions: [channel] });
      assert.equal(third.json().questionnaire.version, 3);
      const after = await carol.request({ method: 'GET', url: `/api/v1/assessments/ideas/${ideaId}` });
      assert.equal(after.json().assessment.questionnaireOutdated, true);
    });

    it('publishes the default questionnaire after the built-in one, and lists the current ones', async () => {
      const res = await publish(adam, 'default', { title: 'Our default', questions: [channel] });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().questionnaire.version, 2, 'the built-in one is version 1');
      const hr = await carol.request({ method: 'GET', url: `/api/v1/assessments/questionnaires/${cats.HR}` });
      assert.equal(hr.json().title, 'Our default');
      const list = await carol.request({ method: 'GET', url: '/api/v1/assessments/questionnaires' });
      assert.deepEqual(
        list
          .json()
          .map((q: { categoryId: string; version: number }) => `${q.categoryId === 'default' ? 'default' : 'finance'}:${q.version}`)
          .sort(),
        ['default:2', 'finance:3'],
      );
      const versions = await carol.request({ method: 'GET', url: '/api/v1/assessments/questionnaires/default/versions' });
      assert.deepEqual(
        versions.json().map((v: { version: number; builtIn: boolean }) => [v.version, v.builtIn]),
        [
          [2, false],
          [1, true],
        ],
      );
    });
  });
}
