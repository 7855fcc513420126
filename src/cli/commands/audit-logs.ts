import { cliActor } from '../../platform/permissions/actor.ts';
import { printTable, withServices } from '../context.ts';
import { type AuditStatsOptions, importOptions, printStats, warnAbout, withProgress } from './audit.ts';

/** `symbiont audit import <file> [column flags] [--name N] [--json]`: stores the log for the web UI. */
export async function auditImportCommand(file: string, options: AuditStatsOptions & { name?: string }): Promise<void> {
  const parsed = importOptions(options);
  await withServices(async (services) => {
    const view = await withProgress(file, (onProgress) =>
      services.eventLogs.importFile(cliActor(), file, { ...parsed, name: options.name, onProgress }),
    );
    warnAbout(view);
    if (options.json) {
      process.stdout.write(`${JSON.stringify(view, null, 2)}\n`);
      return;
    }
    process.stdout.write(
      `imported event log ${view.id} "${view.name}": ${view.numEvents} events, ${view.numCases} cases, ${view.numActivities} activities, ${view.numVariants} variants, ${view.firstEventAt} – ${view.lastEventAt}\n`,
    );
  });
}

/** `symbiont audit list [--json]`: imported logs, newest first. */
export async function auditListCommand(options: { json?: boolean }): Promise<void> {
  await withServices(async (services) => {
    const page = await services.eventLogs.list(cliActor(), { limit: 200 });
    if (options.json) {
      process.stdout.write(`${JSON.stringify(page.items, null, 2)}\n`);
      return;
    }
    printTable(
      page.items.map((l) => ({
        id: l.id,
        name: l.name,
        format: l.format,
        events: String(l.numEvents),
        cases: String(l.numCases),
        variants: String(l.numVariants),
        imported: l.createdAt,
      })),
      ['id', 'name', 'format', 'events', 'cases', 'variants', 'imported'],
    );
  });
}

/** `symbiont audit show <id> [--json]`: the statistics of a stored log (as `audit stats` on its file). */
export async function auditShowCommand(id: string, options: { json?: boolean }): Promise<void> {
  await withServices(async (services) => {
    const view = await services.eventLogs.get(cliActor(), id);
    const log = await services.eventLogs.load(cliActor(), id);
    printStats(`${view.name} (stored ${view.createdAt}, from ${view.sourceFile}, ${view.format})`, log, options.json === true);
  });
}
