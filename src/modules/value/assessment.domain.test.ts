import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  nextVersion,
  type Questionnaire,
  questionnaire,
  questionnaireChanges,
  questionnaireScore,
  validateAnswers,
} from './assessment.domain.ts';

const finance: Questionnaire = questionnaire.parse({
  categoryId: 'finance',
  version: 2,
  title: 'Finance assessment',
  questions: [
    {
      key: 'inputFormat',
      label: 'How does the input arrive?',
      kind: 'single',
      required: true,
      weight: 2,
      options: [
        { value: 'paper', label: 'On paper', score: 0 },
        { value: 'pdf', label: 'PDF', score: 0.75 },
        { value: 'api', label: 'Through an API', score: 1 },
      ],
    },
    { key: 'volume', label: 'Cases per week', kind: 'number', required: true, min: 0, scoreFrom: 0, scoreTo: 60 },
    {
      key: 'controls',
      label: 'Which controls apply?',
      kind: 'multi',
      options: [
        { value: 'sox', label: 'SOX', score: 0.5 },
        { value: 'gdpr', label: 'GDPR', score: 0.25 },
        { value: 'audit', label: 'Yearly audit', score: 0.75 },
      ],
    },
    { key: 'notes', label: 'Anything else?', kind: 'text', affectsScore: false, maxLength: 20 },
  ],
});

describe('questionnaire', () => {
  it('rejects a bad definition with the path of each problem', () => {
    const r = questionnaire.safeParse({
      categoryId: 'finance',
      version: 0,
      title: 'x',
      questions: [
        { key: 'a', label: 'A', kind: 'single', options: [{ value: 'x', label: 'X' }] },
        { key: 'a', label: 'B', kind: 'text' },
        { key: 'n', label: 'N', kind: 'number', scoreFrom: 5, scoreTo: 5 },
        {
          key: 'm',
          label: 'M',
          kind: 'multi',
          options: [
            { value: 'x', label: 'X', score: 2 },
            { value: 'x', label: 'Y' },
          ],
        },
      ],
    });
    assert.equal(r.success, false);
    const paths = (r.error?.issues ?? []).map((i) => i.path.join('.')).sort();
    assert.deepEqual(paths, [
      'questions.0.options', // one option only
      'questions.1.affectsScore', // a scored text
      'questions.1.key', // the key "a" twice
      'questions.2.scoreTo', // scoreFrom = scoreTo
      'questions.3.options.0.score', // a score above 1
      'questions.3.options.1.value', // the value "x" twice
      'version', // version 0
    ]);
  });
});

describe('nextVersion and questionnaireChanges', () => {
  it('starts at 1 and counts up', () => {
    assert.equal(nextVersion(null), 1);
    assert.equal(nextVersion(finance), 3);
  });

  it('lists added, removed and changed questions', () => {
    const next = questionnaire.parse({
      ...finance,
      version: 3,
      questions: [
        { ...finance.questions[0], weight: 3 },
        finance.questions[1],
        { key: 'owner', label: 'Who owns it?', kind: 'text', affectsScore: false },
      ],
    });
    assert.deepEqual(questionnaireChanges(finance, next), { added: ['owner'], removed: ['controls', 'notes'], changed: ['inputFormat'] });
  });
});

describe('validateAnswers', () => {
  it('accepts answers of the right kinds and drops empty optional ones', () => {
    const r = validateAnswers(finance, { version: 2, answers: { inputFormat: 'pdf', volume: 30, controls: [], notes: '' } });
    assert.deepEqual(r, { ok: true, answers: { inputFormat: 'pdf', volume: 30 } });
  });

  it('reports every problem with its path', () => {
    const r = validateAnswers(finance, {
      version: 1,
      answers: { volume: -5, controls: ['sox', 'sox'], notes: 'much too long for this box', colour: 'red' },
    });
    assert.equal(r.ok, false);
    assert.deepEqual(r.ok ? [] : r.issues, [
      { path: 'version', message: 'These answers are for version 1; the questionnaire is at version 2' },
      { path: 'answers.colour', message: 'Not a question of this questionnaire' },
      { path: 'answers.inputFormat', message: 'Required' },
      { path: 'answers.volume', message: 'At least 0' },
      { path: 'answers.controls', message: 'A choice is listed twice' },
      { path: 'answers.notes', message: 'At most 20 characters' },
    ]);
  });

  it('rejects a choice that is not an option and a number given as text', () => {
    const r = validateAnswers(finance, { version: 2, answers: { inputFormat: 'fax', volume: '30' } });
    assert.deepEqual(r.ok ? [] : r.issues.map((i) => i.message), ['Not one of the choices', 'Must be a number']);
  });
});

describe('questionnaireScore', () => {
  it('is the weighted mean of the answered scored questions, with each one’s points', () => {
    // inputFormat pdf: 0.75 × 2; volume 30 on 0 → 60: 0.5 × 1; controls unanswered (left out)
    // score = 100 × (1.5 + 0.5) / 3 = 66.667; coverage = 3 / 4
    const s = questionnaireScore(finance, { inputFormat: 'pdf', volume: 30 });
    assert.ok(Math.abs((s.score ?? 0) - 66.6667) < 1e-3);
    assert.equal(s.coverage, 0.75);
    assert.deepEqual(
      s.questions.map((q) => [q.key, Number(q.points.toFixed(2))]),
      [
        ['inputFormat', 50],
        ['volume', 16.67],
      ],
    );
  });

  it('caps a multi choice at 1 and clamps numbers outside the scoring range', () => {
    // paper 0 × 2, volume 90 → 1 × 1, controls sox + audit = 1.25 → 1 × 1: 100 × 2 / 4 = 50
    assert.equal(questionnaireScore(finance, { inputFormat: 'paper', volume: 90, controls: ['sox', 'audit'] }).score, 50);
    // gdpr alone scores 0.25: 100 × (2 + 0 + 0.25) / 4 = 56.25
    assert.equal(questionnaireScore(finance, { inputFormat: 'api', volume: 0, controls: ['gdpr'] }).score, 56.25);
  });

  it('is null when no scored question is answered, and ignores text', () => {
    const s = questionnaireScore(finance, { notes: 'hello' });
    assert.equal(s.score, null);
    assert.equal(s.coverage, 0);
  });

  it('scores a number question where less is better', () => {
    const q = questionnaire.parse({
      categoryId: 'ops',
      version: 1,
      title: 'Ops',
      questions: [{ key: 'apps', label: 'Applications', kind: 'number', scoreFrom: 10, scoreTo: 1 }],
    });
    // (4 − 10) / (1 − 10) = 0.6667
    assert.ok(Math.abs((questionnaireScore(q, { apps: 4 }).score ?? 0) - 66.6667) < 1e-3);
  });
});
