import { readFile } from 'node:fs/promises';
import type { AssessInput, IdeaAssessmentView } from '../../modules/assessments/assessments.schemas.ts';
import type { AssessmentFigures } from '../../modules/value/valuation.domain.ts';
import { AppError } from '../../platform/errors.ts';
import { cliActor } from '../../platform/permissions/actor.ts';
import { withServices } from '../context.ts';

const money = (x: number | null) => (x === null ? '—' : Math.round(x).toLocaleString('en'));
const range = (r: { low: number | null; likely: number | null; high: number | null }, f = money) =>
  `${f(r.low)} / ${f(r.likely)} / ${f(r.high)}`;

function print(v: IdeaAssessmentView) {
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const a = v.assessment;
  if (!a) {
    out(`${v.ideaName}: not assessed yet (questionnaire "${v.questionnaire.title}" v${v.questionnaire.version}).`);
    out('Draft from the quick screen (edit it and pass it to `symbiont assessments set`):');
    out(JSON.stringify(v.draft, null, 2));
    return;
  }
  const f = a.figures as AssessmentFigures;
  const months = (x: number | null) => (x === null ? 'never' : x.toFixed(1));
  const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)} %`);
  out(`${v.ideaName} — revision ${a.revision}, ${a.updatedAt}${a.questionnaireOutdated ? ' (a newer questionnaire exists)' : ''}`);
  out(
    `verdict ${a.verdict}; ease ${a.ease.toFixed(0)}/100 (${a.easeBucket}); questionnaire score ${a.questionnaireScore?.toFixed(0) ?? '—'}`,
  );
  out(`                       low / likely / high`);
  out(`AS-IS hours a year     ${range(f.asIs.hours)}`);
  out(`AS-IS cost a year      ${range(f.asIs.cost)}`);
  out(`automation potential   ${pct(f.potential.potential)}`);
  out(`net value a year       ${range(f.valuation.net)} (PERT ${money(f.valuation.net.expected)})`);
  out(`payback (months)       ${range(f.valuation.payback, months)}`);
  out(`first-year ROI         ${range(f.valuation.roi, pct)}`);
  out(`3-year NPV             ${range(f.valuation.npv)}`);
  if (f.calibration) out(`calibrated ×${f.calibration.factor.toFixed(2)}: net value ${range(f.calibration.valuation.net)}`);
  out(`minutes saved per run ${a.minutesSavedPerRun.toFixed(1)}; hourly cost ${a.hourlyCost}`);
}

/** `symbiont assessments show <ideaId> [--json]`: the idea's assessment, or the draft to start from. */
export async function assessmentsShowCommand(ideaId: string, options: { json?: boolean }): Promise<void> {
  await withServices(async (services) => {
    const view = await services.assessments.get(cliActor(), ideaId);
    if (options.json) process.stdout.write(`${JSON.stringify(view, null, 2)}\n`);
    else print(view);
  });
}

/**
 * `symbiont assessments set <ideaId> --file input.json`: saves the assessment. The file is the
 * body of `PUT /api/v1/assessments/ideas/{id}`; without `questionnaireVersion` the current
 * version is assumed.
 */
export async function assessmentsSetCommand(ideaId: string, options: { file: string; json?: boolean }): Promise<void> {
  let body: Partial<AssessInput>;
  try {
    body = JSON.parse(await readFile(options.file, 'utf8'));
  } catch (error) {
    throw new AppError('VALIDATION_FAILED', {
      status: 400,
      userMessage: `Cannot read ${options.file} as JSON: ${(error as Error).message}`,
      details: { issues: [{ in: 'body', path: 'file', message: (error as Error).message }] },
    });
  }
  await withServices(async (services) => {
    const actor = cliActor();
    const current = await services.assessments.get(actor, ideaId);
    const view = await services.assessments.save(actor, ideaId, {
      ...body,
      questionnaireVersion: body.questionnaireVersion ?? current.questionnaire.version,
    } as AssessInput);
    if (options.json) process.stdout.write(`${JSON.stringify(view, null, 2)}\n`);
    else print(view);
  });
}
