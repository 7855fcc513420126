import { cliActor } from '../../platform/permissions/actor.ts';
import { printTable, withServices } from '../context.ts';

/** `symbiont runs list [--workflow id] [--status s] [--limit n] [--json]`. */
export async function runsListCommand(options: { workflow?: string; status?: string; limit?: string; json?: boolean }): Promise<void> {
  await withServices(async (services) => {
    const page = await services.runs.list(cliActor(), {
      workflowId: options.workflow,
      status: options.status as 'failed' | undefined,
      limit: Math.min(200, Math.max(1, Number(options.limit ?? 50) || 50)),
    });
    if (options.json) {
      process.stdout.write(`${JSON.stringify(page.items, null, 2)}\n`);
      return;
    }
    printTable(
      page.items.map((r) => ({
        id: r.id,
        workflow: r.workflowName,
        version: `v${r.version}`,
        status: r.status,
        trigger: r.triggerType,
        created: r.createdAt,
        ms: r.durationMs === null ? '' : String(r.durationMs),
        error: r.error ? `${r.error.code}: ${r.error.message}`.slice(0, 60) : '',
      })),
      ['id', 'workflow', 'version', 'status', 'trigger', 'created', 'ms', 'error'],
    );
  });
}

/** `symbiont runs show <id> [--json]`. */
export async function runsShowCommand(id: string, options: { json?: boolean }): Promise<void> {
  await withServices(async (services) => {
    const run = await services.runs.get(cliActor(), id);
    if (options.json) {
      process.stdout.write(`${JSON.stringify(run, null, 2)}\n`);
      return;
    }
    process.stdout.write(
      `run ${run.id} of "${run.workflowName}" v${run.version}: ${run.status} (${run.triggerType}), ${run.activeMs} ms active\n`,
    );
    if (run.error) process.stdout.write(`error: ${run.error.code}: ${run.error.message}\n`);
    printTable(
      run.steps.map((s) => ({
        step: s.nodeName + (s.itemKey ? ` [${s.itemKey}]` : ''),
        status: s.status,
        attempt: String(s.attempt),
        ms: String(s.activeMs),
        output: JSON.stringify(s.output ?? s.error ?? null).slice(0, 70),
      })),
      ['step', 'status', 'attempt', 'ms', 'output'],
    );
  });
}

/** `symbiont runs retry <id>`: continues a failed run from its failed step (the server drives it). */
export async function runsRetryCommand(id: string): Promise<void> {
  await withServices(async (services) => {
    await services.runs.retry(cliActor(), id);
    process.stdout.write(`run ${id} queued again from its failed step\n`);
  });
}

/** `symbiont runs cancel <id>`. */
export async function runsCancelCommand(id: string): Promise<void> {
  await withServices(async (services) => {
    await services.runs.cancel(cliActor(), id);
    process.stdout.write(`run ${id}: cancellation requested\n`);
  });
}
