import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { createTestDatabase, testDialects } from '../../platform/db/testing/test-database.ts';
import type { Actor } from '../../platform/permissions/actor.ts';
import type { Session } from '../../testing/test-app.ts';
import { submitIdea } from '../ideas/testing/ideas-fixture.ts';
import type { People } from '../tasks/testing/tasks-fixture.ts';
import { createAssessmentsRepository } from './assessments.repository.ts';
import { createAssessmentsService } from './assessments.service.ts';
import { createQuestionnairesService } from './questionnaires.service.ts';
import { assess, assessmentState, createAssessmentPeople, validAnswers, validInput } from './testing/assessments-fixture.ts';

/**
 * Who assesses: Carol approves (global), Adam administers, Bob builds (and may assess the ideas
 * he claimed), Alice submits (a member: she may read, not assess).
 */
for (const { dialect, skip } of testDialects()) {
  describe(`assessments: assess an idea, revisions, audit, calibration, matrix [${dialect}]`, { skip: skip || undefined }, () => {
    let handle: DatabaseHandle;
    let p: People;
    let carol: Session;
    let cats: Record<string, string> = {};
    let ideaId = '';

    before(async () => {
      handle = await createTestDatabase(dialect);
      const f = await createAssessmentPeople(handle);
      ({ p, carol, cats } = f);
      ideaId = (await submitIdea(p.as.alice, cats.Finance ?? '', { teamId: p.financeId })).id;
    });
    after(async () => {
      await p?.app.close();
      await handle?.close();
    });

    it('documents the assessment routes in the OpenAPI document', async () => {
      const paths = (await p.app.server.inject({ method: 'GET', url: '/api/openapi.json' })).json().paths;
      for (const path of [
        '/api/v1/assessments/questionnaires',
        '/api/v1/assessments/questionnaires/{categoryId}',
        '/api/v1/assessments/questionnaires/{categoryId}/versions',
        '/api/v1/assessments/ideas/{ideaId}',
        '/api/v1/assessments/ideas/{ideaId}/preview',
        '/api/v1/assessments/matrix',
      ])
        assert.ok(paths[path], path);
    });

    it('answers a draft prefilled from the quick screen, with the built-in questionnaire, before any assessment', async () => {
      const res = await p.as.alice.request({ method: 'GET', url: `/api/v1/assessments/ideas/${ideaId}` });
      assert.equal(res.statusCode, 200, res.body);
      const v = res.json();
      assert.equal(v.assessment, null);
      assert.equal(v.draft.volumetry.frequency, 'daily');
      assert.equal(v.draft.volumetry.volume, 20);
      assert.deepEqual(v.draft.volumetry.applications, ['Outlook', 'Accounting']);
      assert.equal(v.questionnaire.builtIn, true);
      assert.equal(v.questionnaire.version, 1);
      assert.equal(v.canAssess, false, 'a member may not assess');
      assert.equal(v.calibrationFactor, null);
      const asCarol = await carol.request({ method: 'GET', url: `/api/v1/assessments/ideas/${ideaId}` });
      assert.equal(asCarol.json().canAssess, true);
    });

    it('refuses members and builders who did not claim the idea, and changes nothing', async () => {
      const before = await assessmentState(p);
      assert.equal((await assess(p.as.alice, ideaId)).statusCode, 403, 'the submitter is a member');
      assert.equal((await assess(p.as.bob, ideaId)).statusCode, 403, 'Bob has not claimed it');
      assert.equal((await assess(p.as.vic, ideaId)).statusCode, 403, 'viewers only read');
      assert.deepEqual(await assessmentState(p), before);
    });

    it('saves an approver’s assessment with its figures and an audit entry', async () => {
      const res = await assess(carol, ideaId);
      assert.equal(res.statusCode, 200, res.body);
      const a = res.json().assessment;
      assert.equal(a.revision, 1);
      assert.equal(a.questionnaireVersion, 1);
      assert.equal(a.questionnaireOutdated, false);
      assert.deepEqual(a.answers, validAnswers);
      // 40 a day × 220 days × 6 min = 880 h; AP 0.9, adoption 0.8 → 633.6 h likely, a point estimate
      assert.equal(Math.round(a.hoursSavedPerYear * 10) / 10, 633.6);
      assert.equal(a.hourlyCost, 50);
      assert.equal(a.minutesSavedPerRun, 6 * 0.9);
      assert.equal(a.verdict, 'viable');
      assert.equal(a.easeBucket, a.figures.ease.bucket);
      assert.equal(a.netValuePerYear, a.figures.valuation.net.expected);
      assert.equal(typeof a.questionnaireScore, 'number');
      const row = await handle.db.selectFrom('idea_assessments').selectAll().where('idea_id', '=', ideaId).executeTakeFirstOrThrow();
      assert.equal(row.assessed_by, p.ids.carol);
      assert.equal(row.verdict, 'viable');
      assert.equal(row.questionnaire_id, null, 'the built-in questionnaire has no row');
      const audit = await handle.db.selectFrom('audit_events').selectAll().where('action', '=', 'idea_assessment.save').execute();
      assert.equal(audit.length, 1);
      assert.equal(audit[0]?.object_id, ideaId);
      assert.equal(JSON.parse(audit[0]?.after_json ?? '{}').revision, 1);
    });

    it('counts revisions, keeps the given minutes saved per run, and refuses a stale revision with 409', async () => {
      const second = await assess(carol, ideaId, { minutesSavedPerRun: 4, expectedRevision: 1 });
      assert.equal(second.statusCode, 200, second.body);
      assert.equal(second.json().assessment.revision, 2);
      assert.equal(second.json().assessment.minutesSavedPerRun, 4);
      const before = await assessmentState(p);
      const stale = await assess(carol, ideaId, { expectedRevision: 1 });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().error.code, 'ASSESSMENT_REVISION_CONFLICT');
      assert.deepEqual(await assessmentState(p), before);
      const audits = await handle.db
        .selectFrom('audit_events')
        .select('before_json')
        .where('action', '=', 'idea_assessment.save')
        .execute();
      assert.equal(audits.length, 2);
      assert.ok(audits.some((x) => x.before_json && JSON.parse(x.before_json).revision === 1));
    });

    it('lets the builder who claimed the idea assess it', async () => {
      const moves: [Session, string, string][] = [
        [carol, 'assessment', 'awaiting_review'],
        [carol, 'qualification', 'awaiting_review'],
        [p.as.erin, 'qualification', 'approved'],
      ];
      for (const [who, phase, status] of moves) {
        const res = await who.request({
          method: 'POST',
          url: `/api/v1/ideas/${ideaId}/transitions`,
          payload: { phase, status, reason: 'Assessed and worth building' },
        });
        assert.equal(res.statusCode, 200, res.body);
      }
      const claim = await p.as.bob.request({ method: 'POST', url: `/api/v1/ideas/${ideaId}/claim` });
      assert.equal(claim.statusCode, 200, claim.body);
      const res = await assess(p.as.bob, ideaId, { expectedRevision: 2 });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().assessment.revision, 3);
      assert.equal(res.json().canAssess, true);
    });

    it('passes the category’s calibration factor to the valuation and stores the calibrated figures beside the raw ones', async () => {
      const asked: string[] = [];
      const services = p.app.services;
      const deps = {
        db: handle.db,
        clock: p.app.clock,
        audit: services.audit,
        repo: createAssessmentsRepository(handle.db),
        ideas: services.ideas,
        calibrationOf: async (categoryId: string) => {
          asked.push(categoryId);
          return categoryId === cats.Finance ? 0.5 : null;
        },
      };
      const service = createAssessmentsService(deps, createQuestionnairesService(deps));
      const actor: Actor = {
        type: 'user',
        userId: p.ids.carol,
        label: 'carol',
        grants: await services.roles.grantsOf(p.ids.carol),
        tokenScopes: null,
        requestId: null,
        ip: null,
      };
      const saved = await service.save(actor, ideaId, {
        questionnaireVersion: 1,
        answers: validAnswers,
        input: validInput as never,
        expectedRevision: 3,
      });
      assert.deepEqual(asked.slice(0, 1), [cats.Finance]);
      assert.equal(saved.calibrationFactor, 0.5);
      const figures = saved.assessment?.figures as { calibration: { factor: number; valuation: { hoursSaved: { likely: number } } } };
      assert.equal(figures.calibration.factor, 0.5);
      assert.equal(Math.round(figures.calibration.valuation.hoursSaved.likely * 10) / 10, 316.8, 'half of 633.6 hours');
      const audit = await handle.db
        .selectFrom('audit_events')
        .select('after_json')
        .where('action', '=', 'idea_assessment.save')
        .orderBy('occurred_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      assert.ok(audit.some((x) => JSON.parse(x.after_json ?? '{}').calibrationFactor === 0.5));
      const preview = await service.preview(actor, ideaId, { answers: {}, input: validInput as never });
      assert.equal((preview.figures.calibration as { factor: number }).factor, 0.5);
    });

    it('places assessed ideas on the value × ease matrix and counts those not assessed', async () => {
      const other = (await submitIdea(p.as.alice, cats.Finance ?? '', { name: 'Chase unpaid invoices by e-mail' })).id;
      const small = { ...validInput, volumetry: { ...validInput.volumetry, volume: 2 } };
      assert.equal((await assess(carol, other, { input: small })).statusCode, 200);
      const unassessed = (await submitIdea(p.as.alice, cats.IT ?? '', { name: 'Reset passwords' })).id;
      const res = await p.as.alice.request({ method: 'GET', url: '/api/v1/assessments/matrix' });
      assert.equal(res.statusCode, 200, res.body);
      const m = res.json();
      assert.equal(m.notAssessed, 1);
      const byId = new Map(m.items.map((i: { ideaId: string }) => [i.ideaId, i]));
      const big = byId.get(ideaId) as { valueNorm: number; quadrant: string; ease: number };
      const low = byId.get(other) as { valueNorm: number; quadrant: string; verdict: string };
      assert.equal(big.valueNorm, 1);
      assert.equal(big.quadrant, big.ease >= 50 ? 'quick-win' : 'strategic-bet');
      assert.ok(low.valueNorm < 0.5);
      assert.ok(!byId.has(unassessed));

      const it = await p.as.alice.request({ method: 'GET', url: `/api/v1/assessments/matrix?categoryId=${cats.IT}` });
      assert.deepEqual(it.json().items, []);
      assert.equal(it.json().notAssessed, 1);
      const strict = await p.as.alice.request({ method: 'GET', url: '/api/v1/assessments/matrix?valueThreshold=1&easeThreshold=100' });
      assert.ok(strict.json().items.every((i: { quadrant: string }) => i.quadrant === 'strategic-bet' || i.quadrant === 'avoid'));
      assert.deepEqual(strict.json().thresholds, { value: 1, ease: 100 });
      const bad = await p.as.alice.request({ method: 'GET', url: '/api/v1/assessments/matrix?valueThreshold=2' });
      assert.equal(bad.statusCode, 400);
    });
  });
}
