import { readFileSync, writeFileSync } from 'node:fs';
import { AppError } from '../../platform/errors.ts';
import { cliActor } from '../../platform/permissions/actor.ts';
import { printTable, withServices } from '../context.ts';

function readJsonFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new AppError('NOT_FOUND', { status: 404, userMessage: `Cannot read ${file}: ${(error as Error).message}` });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AppError('MALFORMED_JSON', { status: 400, userMessage: `${file} is not valid JSON: ${(error as Error).message}` });
  }
}

/** `symbiont workflow list [--json]`. */
export async function workflowListCommand(options: { json?: boolean; all?: boolean }): Promise<void> {
  await withServices(async (services) => {
    const page = await services.workflows.list(cliActor(), { limit: 200 });
    if (options.json) {
      process.stdout.write(`${JSON.stringify(page.items, null, 2)}\n`);
      return;
    }
    printTable(
      page.items.map((w) => ({
        id: w.id,
        name: w.name,
        status: w.status,
        version: w.publishedVersion === null ? '-' : `v${w.publishedVersion}`,
        webhook: w.webhookPath ? `/webhooks/${w.webhookPath}` : '',
        'last run': w.lastRun ? `${w.lastRun.status} ${w.lastRun.createdAt}` : '',
      })),
      ['id', 'name', 'status', 'version', 'webhook', 'last run'],
    );
  });
}

/** `symbiont workflow import <file> [--publish]`: a file from `export` (or a bare definition with --name). */
export async function workflowImportCommand(file: string, options: { name?: string; publish?: boolean }): Promise<void> {
  const data = readJsonFile(file) as { format?: string; name?: string; description?: string; definition?: unknown; schemaVersion?: number };
  const isExport = data?.format === 'symbiont.workflow';
  const name = options.name ?? (isExport ? data.name : undefined);
  if (!name) throw new AppError('VALIDATION_FAILED', { status: 400, userMessage: 'Give --name for a bare definition file.' });
  await withServices(async (services) => {
    const created = await services.workflows.create(cliActor(), {
      name,
      description: isExport ? (data.description ?? '') : '',
      definition: isExport ? data.definition : data,
    });
    process.stdout.write(`${created.id}\n`);
    process.stderr.write(`imported "${created.name}"\n`);
    if (options.publish) {
      const v = await services.workflows.publish(cliActor(), created.id, 'imported from the command line');
      process.stderr.write(`published as version ${v.version}\n`);
    }
  });
}

/** `symbiont workflow export <id> [file]`. */
export async function workflowExportCommand(id: string, file?: string): Promise<void> {
  await withServices(async (services) => {
    const text = `${JSON.stringify(await services.workflows.exportFile(cliActor(), id), null, 2)}\n`;
    if (file) {
      writeFileSync(file, text);
      process.stderr.write(`written to ${file}\n`);
    } else process.stdout.write(text);
  });
}

/** `symbiont workflow publish <id> [--note text]`. */
export async function workflowPublishCommand(id: string, options: { note?: string }): Promise<void> {
  await withServices(async (services) => {
    const v = await services.workflows.publish(cliActor(), id, options.note ?? '');
    process.stdout.write(`published version ${v.version}\n`);
  });
}

/** `symbiont workflow run <id> [--input json] [--draft] [--no-wait]`: runs it here and prints the result. */
export async function workflowRunCommand(id: string, options: { input?: string; draft?: boolean; wait?: boolean }): Promise<void> {
  let input: unknown = {};
  if (options.input !== undefined) {
    try {
      input = JSON.parse(options.input);
    } catch (error) {
      throw new AppError('MALFORMED_JSON', { status: 400, userMessage: `--input is not valid JSON: ${(error as Error).message}` });
    }
  }
  await withServices(async (services) => {
    if (options.wait !== false) await services.engine.start();
    const { runId } = await services.workflows.startRun(cliActor(), id, { input, draft: options.draft ?? false });
    process.stderr.write(`run ${runId} started\n`);
    if (options.wait === false) {
      process.stdout.write(`${runId}\n`);
      return;
    }
    const shown = new Set<string>();
    for (;;) {
      const run = await services.runs.get(cliActor(), runId);
      for (const step of run.steps) {
        const key = `${step.id}:${step.status}:${step.attempt}`;
        if (shown.has(key) || step.status === 'running') continue;
        shown.add(key);
        process.stderr.write(
          `  ${step.status.padEnd(9)} ${step.nodeName}${step.itemKey ? ` [${step.itemKey}]` : ''}${step.attempt > 1 ? ` (attempt ${step.attempt})` : ''} ${step.activeMs} ms\n`,
        );
      }
      if (['succeeded', 'failed', 'cancelled'].includes(run.status)) {
        const last = [...run.steps].reverse().find((s) => s.status === 'succeeded' && s.itemKey === '');
        process.stdout.write(`${JSON.stringify({ runId, status: run.status, output: last?.output ?? null, error: run.error }, null, 2)}\n`);
        if (run.status !== 'succeeded') process.exitCode = 1;
        return;
      }
      if (run.status === 'waiting') {
        process.stdout.write(`${JSON.stringify({ runId, status: 'waiting' })}\n`);
        process.stderr.write('the run waits (a delay, a retry or a person); the server continues it\n');
        return;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  });
}

const duration = (ms: number | null) => {
  if (ms === null) return '-';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms < 3_600_000) return `${(ms / 60_000).toFixed(1)} min`;
  return `${(ms / 3_600_000).toFixed(1)} h`;
};

/** `symbiont workflow stats <id> [--days N] [--json]`: runs, success rate, where the time went, per step. */
export async function workflowStatsCommand(id: string, options: { days?: string; json?: boolean }): Promise<void> {
  const days = options.days === undefined ? 90 : Number(options.days);
  if (!Number.isInteger(days) || days < 1 || days > 365) {
    throw new AppError('VALIDATION_FAILED', { status: 400, userMessage: '--days must be a whole number from 1 to 365.' });
  }
  await withServices(async (services) => {
    const s = await services.runs.stats(cliActor(), id, days);
    if (options.json) {
      process.stdout.write(`${JSON.stringify(s, null, 2)}\n`);
      return;
    }
    const rate = s.successRate === null ? '-' : `${Math.round(s.successRate * 1000) / 10} %`;
    process.stdout.write(
      `last ${s.days} days: ${s.runs} runs, ${s.succeeded} succeeded, ${s.failed} failed, success rate ${rate}\n` +
        `duration per run: median ${duration(s.durationP50Ms)}, 95th percentile ${duration(s.durationP95Ms)}\n\n`,
    );
    const t = s.time;
    printTable(
      [
        ['working', t.working],
        ['waiting', t.waiting],
        ['  machines', t.machineWait],
        ['  people', t.humanWait],
      ].map(([label, f]) => {
        const figure = f as typeof t.working;
        return { time: label as string, total: duration(figure.totalMs), median: duration(figure.p50Ms), p95: duration(figure.p95Ms) };
      }),
      ['time', 'total', 'median', 'p95'],
    );
    process.stdout.write('\n');
    printTable(
      s.steps.map((step) => ({
        step: step.name,
        type: step.type ?? '',
        runs: String(step.executions),
        failures: String(step.failures),
        retries: String(step.retries),
        median: duration(step.durationP50Ms),
        p95: duration(step.durationP95Ms),
      })),
      ['step', 'type', 'runs', 'failures', 'retries', 'median', 'p95'],
    );
    if (s.truncated) process.stderr.write('note: only the newest 50,000 runs of the period were counted\n');
  });
}
