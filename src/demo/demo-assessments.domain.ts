import { draftInput } from '../modules/assessments/assessments.domain.ts';
import type { AssessmentValueRequest } from '../modules/value/value.schemas.ts';
import type { DemoIdea } from './demo-ideas-catalog.ts';

/**
 * What the approver enters when assessing a demo idea: the draft from its quick screen, with
 * ranges around the submitter's figures (volume ±20 %, minutes −20 % / +30 %), a few errors to
 * rework, a bakery's hourly cost, build hours that grow with the applications touched, and the
 * answers to the built-in questionnaire read off the idea. Pure.
 */
export function demoAssessment(idea: DemoIdea): {
  questionnaireVersion: number;
  answers: Record<string, string | string[] | number>;
  input: AssessmentValueRequest;
} {
  const [rules, digital, structured, change, documentation] = idea.screen;
  const draft = draftInput({
    frequencyPeriod: idea.frequency[0],
    frequencyCount: idea.frequency[1],
    minutesPerCase: idea.minutesPerCase,
    applications: idea.applications,
    screen: { rules, digital, structured, change, documentation },
  });
  const volume = idea.frequency[1];
  const minutes = idea.minutesPerCase;
  const round1 = (x: number) => Math.round(x * 10) / 10;
  const apps = Math.max(1, idea.applications.length);
  const input: AssessmentValueRequest = {
    ...draft,
    volumetry: {
      ...draft.volumetry,
      volume: { low: round1(volume * 0.8), likely: volume, high: round1(volume * 1.2) },
      minutesPerCase: { low: round1(minutes * 0.8), likely: minutes, high: round1(minutes * 1.3) },
      errorRate: (6 - rules) / 50,
      reworkMinutes: minutes,
      hourlyCost: 32,
    },
    cost: { buildHours: { low: 6 * apps, likely: 12 * apps, high: 24 * apps }, builderHourlyCost: 45 },
  };
  return { questionnaireVersion: 1, answers: answersFor(idea), input };
}

const SYSTEMS: [RegExp, string][] = [
  [/mail/i, 'email'],
  [/spreadsheet|order list|order book/i, 'spreadsheet'],
  [/accounting|payroll/i, 'accounting'],
  [/portal|web shop|review sites/i, 'web_portal'],
  [/till|printer|admin|terminal|screen|calendar|maps/i, 'legacy'],
];

function answersFor(idea: DemoIdea): Record<string, string | string[] | number> {
  const [rules, digital, structured] = idea.screen;
  const systems = [...new Set(idea.applications.flatMap((a) => SYSTEMS.filter(([re]) => re.test(a)).map(([, s]) => s)))];
  const inputFormat = digital <= 2 ? 'paper' : structured >= 4 ? 'structured' : structured === 3 ? 'documents' : 'free_text';
  const exceptions = rules >= 5 ? 'rare' : rules === 4 ? 'documented' : rules === 3 ? 'judgement' : 'unknown';
  const dataSensitivity = idea.category === 'HR' ? 'personal' : idea.category === 'Sales & orders' ? 'personal' : 'internal';
  return { systems: systems.length > 0 ? systems : ['legacy'], inputFormat, exceptions, dataSensitivity, ownerHours: 2 };
}
