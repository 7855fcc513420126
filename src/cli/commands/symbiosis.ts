import { AppError } from '../../platform/errors.ts';
import { cliActor } from '../../platform/permissions/actor.ts';
import { printTable, withServices } from '../context.ts';

const HOUR = 3_600_000;
const share = (v: number | null) => (v === null ? '-' : `${Math.round(v * 1000) / 10} %`);
const hours = (ms: number | null) => (ms === null ? '-' : `${Math.round((ms / HOUR) * 10) / 10} h`);
const per100 = (v: number | null) => (v === null ? '-' : String(Math.round(v * 10) / 10));

/** `symbiont symbiosis [--workflow id] [--team name|id] [--weeks n] [--json]`: people and the machine, week by week. */
export async function symbiosisCommand(options: { workflow?: string; team?: string; weeks?: string; json?: boolean }): Promise<void> {
  const weeks = options.weeks === undefined ? 12 : Number(options.weeks);
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > 104) {
    throw new AppError('VALIDATION_FAILED', { status: 400, userMessage: '--weeks must be a whole number from 1 to 104.' });
  }
  await withServices(async (services) => {
    const actor = cliActor();
    let teamId: string | undefined;
    if (options.team) {
      const found = (await services.teams.list(actor, { q: options.team, limit: 50 })).items;
      teamId =
        (found.find((t) => t.id === options.team || t.name.toLowerCase() === options.team?.toLowerCase()) ?? found[0])?.id ?? options.team;
    }
    const v = await services.symbiosis.view(actor, { workflowId: options.workflow, teamId, weeks });
    if (options.json) {
      process.stdout.write(`${JSON.stringify(v, null, 2)}\n`);
      return;
    }
    const t = v.totals;
    const scope = v.workflow ? `workflow ${v.workflow.name}` : v.team ? `team ${v.team.name}` : 'the whole programme';
    process.stdout.write(
      `${scope}, ${weeks} weeks since ${v.since.slice(0, 10)}: ${t.runs} runs, ${t.peopleSteps} steps by people and ${t.machineSteps} by the machine (${share(t.peopleStepShare)} people)\n` +
        `time with people ${hours(t.peopleMs)} (${share(t.peopleTimeShare)}), machine working ${hours(t.machineWorkMs)}, machine waiting ${hours(t.machineWaitMs)}\n` +
        `task cycle time median ${hours(t.cycleP50Ms)}, p90 ${hours(t.cycleP90Ms)}; SLA breached ${share(t.slaBreachRate)} (${t.slaBreached} of ${t.slaTasks}); ${per100(t.exceptionsPer100Runs)} exceptions per 100 runs\n\n`,
    );
    printTable(
      v.weeks.map((w) => ({
        week: w.week,
        runs: String(w.runs),
        'people steps': String(w.peopleSteps),
        'machine steps': String(w.machineSteps),
        'people time': hours(w.peopleMs),
        'cycle p50': hours(w.cycleP50Ms),
        'SLA breached': share(w.slaBreachRate),
        'exc./100 runs': per100(w.exceptionsPer100Runs),
      })),
      ['week', 'runs', 'people steps', 'machine steps', 'people time', 'cycle p50', 'SLA breached', 'exc./100 runs'],
    );
    if (v.scope !== 'workflow' && v.workflows.length > 0) {
      process.stdout.write('\n');
      printTable(
        v.workflows.map((w) => ({
          workflow: w.name,
          runs: String(w.runs),
          'people steps': share(w.peopleStepShare),
          'people time': share(w.peopleTimeShare),
          'SLA breached': share(w.slaBreachRate),
          'exc./100 runs': per100(w.exceptionsPer100Runs),
        })),
        ['workflow', 'runs', 'people steps', 'people time', 'SLA breached', 'exc./100 runs'],
      );
    }
    if (v.truncated) process.stderr.write('note: more than 50,000 runs or tasks in the period; the newest were counted\n');
  });
}
