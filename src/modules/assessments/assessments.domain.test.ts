import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { questionnaire, questionnaireScore } from '../value/assessment.domain.ts';
import { assessValue } from '../value/valuation.domain.ts';
import { assessmentValueSchema } from '../value/value.schemas.ts';
import { DRAFT_DEFAULTS, draftInput, figureColumns, matrixPoints } from './assessments.domain.ts';
import { BUILT_IN_QUESTIONNAIRE } from './default-questionnaire.ts';

const idea = {
  frequencyPeriod: 'day',
  frequencyCount: 40,
  minutesPerCase: 6,
  applications: ['Outlook', 'Accounting'],
  screen: { rules: 5, digital: 4, structured: 3, change: 2, documentation: 1 },
};

describe('BUILT_IN_QUESTIONNAIRE', () => {
  it('is a valid questionnaire with single, multi, number and text questions', () => {
    const parsed = questionnaire.parse(BUILT_IN_QUESTIONNAIRE);
    assert.deepEqual(new Set(parsed.questions.map((q) => q.kind)), new Set(['single', 'multi', 'number', 'text']));
  });

  it('scores an easy, low-risk process higher than a paper-based, regulated one', () => {
    const easy = questionnaireScore(BUILT_IN_QUESTIONNAIRE, {
      systems: ['email', 'spreadsheet'],
      inputFormat: 'structured',
      exceptions: 'rare',
      dataSensitivity: 'internal',
      ownerHours: 8,
    });
    const hard = questionnaireScore(BUILT_IN_QUESTIONNAIRE, {
      systems: ['legacy'],
      inputFormat: 'paper',
      exceptions: 'unknown',
      dataSensitivity: 'regulated',
      ownerHours: 0,
    });
    // (2×0.6 + 2×1 + 1.5×1 + 1×0.8 + 1×1) / 7.5 = 6.5 / 7.5
    assert.equal(easy.score?.toFixed(2), ((100 * 6.5) / 7.5).toFixed(2));
    assert.equal(hard.score?.toFixed(2), ((100 * 0.1) / 7.5).toFixed(2));
  });
});

describe('draftInput', () => {
  it('prefills the volumetry from the quick screen and maps the 1–5 answers to shares', () => {
    const draft = draftInput(idea);
    assert.equal(draft.volumetry.frequency, 'daily');
    assert.equal(draft.volumetry.volume, 40);
    assert.equal(draft.volumetry.minutesPerCase, 6);
    assert.deepEqual(draft.volumetry.applications, ['Outlook', 'Accounting']);
    assert.equal(draft.volumetry.hourlyCost, DRAFT_DEFAULTS.hourlyCost);
    assert.deepEqual(draft.potential, { ruleBasedShare: 1, unstructuredShare: 0.5, nonDigitalShare: 0.25, variants: 1 });
    assert.equal(draft.ease?.stability, 4, 'little change expected (2) is a fairly stable process (4)');
  });

  it('gives an input the API schema accepts as it is', () => {
    assert.equal(assessmentValueSchema.safeParse(draftInput({ ...idea, frequencyPeriod: 'week' })).success, true);
    assert.equal(draftInput({ ...idea, frequencyPeriod: 'month' }).volumetry.frequency, 'monthly');
  });
});

describe('figureColumns', () => {
  const input = assessmentValueSchema.parse({
    volumetry: { ...draftInput(idea).volumetry, errorRate: 0.05, reworkMinutes: 20, reviewShare: 0.25, reviewMinutes: 2, hourlyCost: 50 },
    potential: { ruleBasedShare: 1 },
    cost: { buildHours: { low: 20, likely: 40, high: 90 }, builderHourlyCost: 60 },
  });
  const figures = assessValue(input);

  it('stores the PERT expected net value and hours saved, the ease and the verdict', () => {
    const c = figureColumns(input, figures);
    assert.equal(c.netValuePerYear, figures.valuation.net.expected);
    assert.equal(c.hoursSavedPerYear, figures.valuation.hoursSaved.expected);
    assert.equal(c.ease, figures.ease.ease);
    assert.equal(c.easeBucket, figures.ease.bucket);
    assert.equal(c.verdict, 'viable');
    assert.equal(c.hourlyCost, 50);
  });

  it('takes AS-IS minutes per case × potential as the minutes a run saves, unless given', () => {
    // 6 + 0.05 × 20 + 0.25 × 2 = 7.5 minutes; AP = 1
    assert.equal(figureColumns(input, figures).minutesSavedPerRun, 7.5 * figures.potential.potential);
    assert.equal(figureColumns(input, figures, 4).minutesSavedPerRun, 4);
  });
});

describe('matrixPoints', () => {
  it('normalises values among the ideas shown and puts each in its quadrant', () => {
    const points = matrixPoints([
      { ideaId: 'a', ease: 80, netValuePerYear: 40_000 },
      { ideaId: 'b', ease: 30, netValuePerYear: 30_000 },
      { ideaId: 'c', ease: 90, netValuePerYear: 10_000 },
      { ideaId: 'd', ease: 20, netValuePerYear: -5_000 },
    ]);
    assert.deepEqual(
      points.map((p) => [p.idea.ideaId, p.valueNorm, p.quadrant]),
      [
        ['a', 1, 'quick-win'],
        ['b', 0.75, 'strategic-bet'],
        ['c', 0.25, 'fill-in'],
        ['d', 0, 'avoid'],
      ],
    );
  });

  it('moves ideas between quadrants when the thresholds change', () => {
    const points = matrixPoints(
      [
        { ideaId: 'a', ease: 60, netValuePerYear: 100 },
        { ideaId: 'b', ease: 60, netValuePerYear: 70 },
      ],
      { value: 0.8, ease: 70 },
    );
    assert.deepEqual(
      points.map((p) => p.quadrant),
      ['strategic-bet', 'avoid'],
    );
  });
});
