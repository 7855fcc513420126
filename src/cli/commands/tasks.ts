import type { Services } from '../../app.ts';
import { AppError } from '../../platform/errors.ts';
import { type Actor, cliActor } from '../../platform/permissions/actor.ts';
import { printTable, withServices } from '../context.ts';

type ListOptions = { as?: string; view?: string; status?: string; kind?: string; due?: string; limit?: string; json?: boolean };

/** The person a terminal user acts as: tasks are decided by people, so decisions need `--as`. */
async function actorOf(services: Services, email: string | undefined, required: boolean): Promise<Actor> {
  if (!email) {
    if (required) throw new AppError('BAD_REQUEST', { status: 400, userMessage: 'Say whose decision it is: --as <e-mail address>.' });
    return cliActor();
  }
  return services.directory.actorForEmail(email, `cli:${process.env.USER ?? 'operator'}`);
}

function parseJson(text: string | undefined, option: string): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AppError('MALFORMED_JSON', { status: 400, userMessage: `${option} is not valid JSON: ${(error as Error).message}` });
  }
}

/** `symbiont tasks list [--as e-mail] [--view] [--status] [--kind] [--due] [--limit] [--json]`. */
export async function tasksListCommand(options: ListOptions): Promise<void> {
  await withServices(async (services) => {
    const actor = await actorOf(services, options.as, false);
    const page = await services.tasks.list(actor, {
      view: (options.view ?? (options.as ? 'inbox' : 'all')) as 'inbox',
      status: (options.status ?? 'active') as 'active',
      kind: options.kind as 'approval' | undefined,
      due: options.due as 'overdue' | undefined,
      limit: Math.min(200, Math.max(1, Number(options.limit ?? 50) || 50)),
    });
    if (options.json) {
      process.stdout.write(`${JSON.stringify(page.items, null, 2)}\n`);
      return;
    }
    printTable(
      page.items.map((t) => ({
        id: t.id,
        kind: t.kind,
        status: t.status,
        title: t.title.slice(0, 50),
        workflow: t.workflowName ?? '',
        due: t.dueAt ? `${t.dueAt}${t.overdue ? ' (overdue)' : ''}` : '',
        claimed: t.claimedBy?.name ?? '',
      })),
      ['id', 'kind', 'status', 'title', 'workflow', 'due', 'claimed'],
    );
  });
}

/** `symbiont tasks show <id> [--as e-mail] [--json]`. */
export async function tasksShowCommand(id: string, options: { as?: string; json?: boolean }): Promise<void> {
  await withServices(async (services) => {
    const task = await services.tasks.get(await actorOf(services, options.as, false), id);
    if (options.json) {
      process.stdout.write(`${JSON.stringify(task, null, 2)}\n`);
      return;
    }
    process.stdout.write(`${task.kind} task ${task.id}: ${task.title} [${task.status}${task.outcome ? `: ${task.outcome}` : ''}]\n`);
    if (task.description) process.stdout.write(`${task.description}\n`);
    process.stdout.write(`for: ${task.assignees.map((a) => a.label).join(', ')}\n`);
    if (task.dueAt) process.stdout.write(`due: ${task.dueAt}${task.overdue ? ' (overdue)' : ''}\n`);
    if (task.kind === 'approval') process.stdout.write(`policy: ${task.policy}, ${task.votesNeeded} more approval(s) needed\n`);
    if (task.context !== null) process.stdout.write(`data: ${JSON.stringify(task.context)}\n`);
    for (const d of task.decisions) process.stdout.write(`  ${d.at} ${d.actorLabel}: ${d.decision}${d.comment ? ` — ${d.comment}` : ''}\n`);
    if (task.actions.length > 0) process.stdout.write(`you may: ${task.actions.join(', ')}\n`);
  });
}

function report(task: { id: string; status: string; outcome: string | null; votesNeeded: number }): void {
  const state =
    task.status === 'done' ? `done (${task.outcome}); the run continues` : `${task.status}, ${task.votesNeeded} more approval(s) needed`;
  process.stdout.write(`task ${task.id}: ${state}\n`);
}

/** `symbiont tasks approve <id> --as e-mail [--comment text]`. */
export async function tasksApproveCommand(id: string, options: { as?: string; comment?: string }): Promise<void> {
  await withServices(async (services) =>
    report(await services.tasks.approve(await actorOf(services, options.as, true), id, options.comment ?? '')),
  );
}

/** `symbiont tasks reject <id> --as e-mail [--comment text]`. */
export async function tasksRejectCommand(id: string, options: { as?: string; comment?: string }): Promise<void> {
  await withServices(async (services) =>
    report(await services.tasks.reject(await actorOf(services, options.as, true), id, options.comment ?? '')),
  );
}

/** `symbiont tasks complete <id> --as e-mail [--data json] [--outcome name] [--comment text]`. */
export async function tasksCompleteCommand(
  id: string,
  options: { as?: string; data?: string; outcome?: string; comment?: string },
): Promise<void> {
  const data = parseJson(options.data, '--data') ?? {};
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new AppError('BAD_REQUEST', { status: 400, userMessage: '--data must be a JSON object of field values.' });
  }
  await withServices(async (services) =>
    report(
      await services.tasks.complete(await actorOf(services, options.as, true), id, {
        data: data as Record<string, unknown>,
        outcome: options.outcome,
        comment: options.comment ?? '',
      }),
    ),
  );
}

/** `symbiont tasks resolve <id> --as e-mail --action retry|skip|abort [--input json] [--output json]`. */
export async function tasksResolveCommand(
  id: string,
  options: { as?: string; action: 'retry' | 'skip' | 'abort'; input?: string; output?: string; comment?: string },
): Promise<void> {
  const input = parseJson(options.input, '--input');
  const output = parseJson(options.output, '--output');
  await withServices(async (services) =>
    report(
      await services.tasks.resolve(await actorOf(services, options.as, true), id, {
        action: options.action,
        ...(input === undefined ? {} : { input }),
        ...(output === undefined ? {} : { output }),
        comment: options.comment ?? '',
      }),
    ),
  );
}
