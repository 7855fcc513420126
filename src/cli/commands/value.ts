import { AppError } from '../../platform/errors.ts';
import { cliActor } from '../../platform/permissions/actor.ts';
import { printTable, withServices } from '../context.ts';

const money = (v: number) => (Math.round(v * 100) / 100).toFixed(2);
const pct = (v: number | null) => (v === null ? '-' : `${Math.round(v * 1000) / 10} %`);
const hours = (v: number) => `${Math.round(v * 100) / 100} h`;

/** `symbiont value report [--from] [--to] [--format table|csv|json]`: expected versus measured value of every live automation. */
export async function valueReportCommand(options: { from?: string; to?: string; format?: string }): Promise<void> {
  const format = options.format ?? 'table';
  if (!['table', 'csv', 'json'].includes(format)) {
    throw new AppError('VALIDATION_FAILED', { status: 400, userMessage: '--format must be table, csv or json.' });
  }
  for (const [name, value] of [
    ['--from', options.from],
    ['--to', options.to],
  ] as const) {
    if (value !== undefined && Number.isNaN(Date.parse(value))) {
      throw new AppError('VALIDATION_FAILED', { status: 400, userMessage: `${name} must be a date (YYYY-MM-DD) or an ISO date-time.` });
    }
  }
  await withServices(async (services) => {
    const actor = cliActor();
    const query = { from: options.from, to: options.to };
    if (format === 'csv') {
      process.stdout.write(await services.value.exportCsv(actor, query));
      return;
    }
    const d = await services.value.dashboard(actor, query);
    if (format === 'json') {
      process.stdout.write(`${JSON.stringify(d, null, 2)}\n`);
      return;
    }
    const k = d.kpis;
    process.stdout.write(
      `${d.from.slice(0, 10)} → ${d.to.slice(0, 10)}: ${k.ideas} ideas, ${k.live} live; expected ${money(k.expected)}, realised ${money(k.actual)} (${pct(k.realisation)}), ${hours(k.actualHours)} saved\n\n`,
    );
    printTable(
      d.automations.map((a) => ({
        automation: a.name,
        kind: a.kind,
        expected: money(a.expected),
        actual: money(a.actual),
        realisation: pct(a.realisation),
        runs: `${a.succeededRuns}/${a.runs}`,
        'human hours': hours(a.humanHours),
      })),
      ['automation', 'kind', 'expected', 'actual', 'realisation', 'runs', 'human hours'],
    );
  });
}
