import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createApp, type Services } from '../app.ts';
import type { Config } from '../platform/config/config.ts';
import type { DatabaseHandle } from '../platform/db/database.ts';
import { AppError } from '../platform/errors.ts';
import { createLogger } from '../platform/logger.ts';
import { cliActor } from '../platform/permissions/actor.ts';
import { DEMO_PASSWORD, DEMO_PEOPLE, DEMO_TEAMS } from './demo-company.ts';
import { demoLogCsv, planOrderToDelivery } from './demo-eventlog.domain.ts';
import { planDemoHistory } from './demo-history.domain.ts';
import { planDemoIdeas } from './demo-ideas.domain.ts';
import { planPeopleHistory } from './demo-people-history.domain.ts';
import { invoiceApprovalWorkflow, wholesaleOrdersWorkflow } from './demo-people-workflows.ts';
import {
  cateringWorkflow,
  type DemoWorkflow,
  dailySalesWorkflow,
  productionListWorkflow,
  shopOrdersWorkflow,
  supplierInvoicesWorkflow,
} from './demo-workflows.ts';
import { createIdeaStepRunner, describeIdeaStep } from './load-demo-ideas.ts';
import { createReplayClock, type ReplayEvent, replayHistory } from './replay-history.ts';

export interface DemoSummary {
  teams: number;
  people: number;
  adminEmail: string;
  password: string;
  workflows: { live: number; drafts: number };
  runs: Record<string, number>;
  /** Open tasks left in the inbox by kind (approvals and exceptions still to decide). */
  openTasks: Record<string, number>;
  /** The ideas in the pipeline, the live ones, and the hours these realised (measured from their runs). */
  ideas: { total: number; live: number; realisedHours: number };
  /** The process audit's sample log. */
  eventLog: { name: string; events: number; cases: number };
  days: number;
}

export interface DemoOptions {
  handle: DatabaseHandle;
  config: Pick<Config, 'secretKey' | 'dataDir' | 'publicUrl' | 'httpAllow'>;
  /** Days of history to replay (default 14). */
  days?: number;
  /** Called once with the number of progress steps, then once per step. */
  onStart?: (steps: number) => void;
  onProgress?: (step: string) => void;
}

/** The team that owns each demo workflow (its managers see its tasks; the symbiosis view groups by it). */
const WORKFLOW_TEAMS: Record<string, string> = {
  shop: 'bakery',
  report: 'office',
  production: 'bakery',
  catering: 'bakery',
  invoices: 'office',
  'invoice-approval': 'office',
  wholesale: 'shop',
};

/** How many progress steps loadDemo reports for `events` events. */
const WORKFLOW_STEPS = 9;

/**
 * Loads the demo company into a fresh database through the services (so every row has its
 * audit entry): teams and people, the bakery's workflows, and the last `days` days of their
 * work replayed through the engine — real runs, on a clock set back to each day. Refuses when
 * people already exist, to never mix demo and real data.
 */
export async function loadDemo(services: Services, options: DemoOptions): Promise<DemoSummary> {
  const actor = cliActor('demo loader');
  const days = options.days ?? 14;
  const progress = options.onProgress ?? (() => {});
  const counts = await services.users.counts();
  if (counts.users > 0 || counts.teams > 0) {
    throw new AppError('CONFLICT', {
      status: 409,
      userMessage: 'The database already has people or teams; the demo loads only into a fresh database (use another SYMBIONT_DATA_DIR).',
    });
  }
  const started = Date.now();
  const events: ReplayEvent[] = [...planDemoHistory({ now: started, days }), ...planPeopleHistory({ now: started, days })].sort(
    (a, b) => a.at - b.at,
  );
  const firstDay = events[0]?.at ?? started;
  const ideaSteps = planDemoIdeas({ now: started, firstDay });
  options.onStart?.(DEMO_TEAMS.length + DEMO_PEOPLE.length + WORKFLOW_STEPS + events.length + ideaSteps.length);

  const teamIds = new Map<string, string>();
  for (const team of DEMO_TEAMS) {
    const created = await services.teams.create(actor, { name: team.name, description: team.description });
    teamIds.set(team.key, created.id);
    progress(`team ${team.name}`);
  }
  for (const person of DEMO_PEOPLE) {
    const teamId = teamIds.get(person.team) as string;
    const user = await services.users.create(actor, {
      email: person.email,
      name: person.name,
      password: DEMO_PASSWORD,
      teamIds: [teamId],
      roles: person.roles.map((r) =>
        r.team
          ? { role: r.role, scopeType: 'team' as const, scopeId: teamIds.get(r.team) ?? null }
          : { role: r.role, scopeType: 'global' as const },
      ),
    });
    if (person.manager) await services.teams.setMember(actor, teamId, user.id, true);
    progress(`person ${person.name}`);
  }

  // The workflows are set up on the morning of the first replayed day, on the replay clock.
  const clock = createReplayClock();
  const setUpAt = firstDay - 3 * 3_600_000;
  clock.set(setUpAt);
  const app = await createApp(options.handle, {
    config: { bodyLimit: 1024 * 1024, trustProxy: false, ...options.config },
    logger: createLogger('silent'),
    clock,
    engine: false,
    webDir: null,
  });
  let summary: DemoSummary['runs'] = {};
  const openTasks: DemoSummary['openTasks'] = {};
  const live: DemoWorkflow[] = [];
  try {
    const demo = app.services;
    const mailbox = await demo.credentials.create(actor, {
      name: 'Office mailbox',
      type: 'imap',
      fields: { host: 'imap.crumb.example', port: 993, secure: true, user: 'office@crumb.example', password: 'change-me' },
      rateLimit: { requests: 30, per: 'minute', maxConcurrent: 1 },
    });
    progress('credential Office mailbox');
    const production = productionListWorkflow();
    const ids = new Map<string, string>();
    for (const wf of [shopOrdersWorkflow(), dailySalesWorkflow(), production, null, supplierInvoicesWorkflow(mailbox.id)]) {
      const workflow = wf ?? cateringWorkflow(ids.get('production') as string);
      const created = await demo.workflows.create(actor, {
        name: workflow.name,
        description: workflow.description,
        teamId: teamIds.get(WORKFLOW_TEAMS[workflow.key] ?? '') ?? null,
        definition: workflow.definition,
      });
      ids.set(workflow.key, created.id);
      if (workflow.publish) {
        await demo.workflows.publish(actor, created.id, 'First version');
        live.push(workflow);
      }
      progress(`workflow ${workflow.name}`);
    }
    for (const workflow of [invoiceApprovalWorkflow(), wholesaleOrdersWorkflow()]) {
      const created = await demo.workflows.create(actor, {
        name: workflow.name,
        description: workflow.description,
        teamId: teamIds.get(WORKFLOW_TEAMS[workflow.key] ?? '') ?? null,
        definition: workflow.definition,
      });
      ids.set(workflow.key, created.id);
      await demo.workflows.publish(actor, created.id, 'First version');
      progress(`workflow ${workflow.name}`);
    }
    // The invoice book the draft appends to: made by testing its last step with no rows.
    await demo.workflows.testStep(actor, ids.get('invoices') as string, 'save', []);

    // The ideas' history: what happened before the replayed days is played now, on a clock set
    // back to each step; the rest joins the replay, among the runs.
    const ideaRunner = createIdeaStepRunner(demo, options.handle, { teamIds, workflowIds: ids });
    for (const step of ideaSteps.filter((s) => s.at < setUpAt)) {
      clock.set(step.at);
      await ideaRunner.run(step);
      progress(describeIdeaStep(step));
    }
    clock.set(setUpAt);
    const later = ideaSteps
      .filter((s) => s.at >= setUpAt)
      .map((s): ReplayEvent => ({ kind: 'step', at: s.at, label: describeIdeaStep(s), run: () => ideaRunner.run(s) }));
    await app.services.engine.start();
    await replayHistory(
      app,
      clock,
      [...events, ...later].sort((a, b) => a.at - b.at),
      (e) => progress(describe(e)),
    );
    const rows = await options.handle.db.selectFrom('runs').select('status').execute();
    summary = {};
    for (const r of rows) summary[r.status] = (summary[r.status] ?? 0) + 1;
    const open = await options.handle.db.selectFrom('tasks').select('kind').where('status', 'in', ['open', 'claimed']).execute();
    for (const t of open) openTasks[t.kind] = (openTasks[t.kind] ?? 0) + 1;
  } finally {
    await app.server.close();
  }
  // The process audit's sample: 60 days of orders from receipt to payment, as a CSV in the
  // office folder, imported like any log a user brings.
  const logFile = path.join(options.config.dataDir, 'files', 'office', 'order-to-delivery.csv');
  await mkdir(path.dirname(logFile), { recursive: true });
  await writeFile(logFile, demoLogCsv(planOrderToDelivery({ now: started, days: 60 })));
  const eventLog = await services.eventLogs.importFile(actor, logFile, {
    name: 'Order to delivery (bakery)',
    caseColumn: 'case',
    activityColumn: 'activity',
    timestampColumn: 'timestamp',
    resourceColumn: 'resource',
  });
  progress('event log Order to delivery');
  const value = await services.value.dashboard(actor, {});
  const admin = DEMO_PEOPLE.find((p) => p.roles.some((r) => r.role === 'admin'));
  return {
    teams: DEMO_TEAMS.length,
    people: DEMO_PEOPLE.length,
    adminEmail: admin?.email ?? '',
    password: DEMO_PASSWORD,
    workflows: { live: live.length + 2, drafts: 1 },
    runs: summary,
    openTasks,
    ideas: { total: value.kpis.ideas, live: value.kpis.live, realisedHours: value.kpis.actualHours },
    eventLog: { name: eventLog.name, events: eventLog.numEvents, cases: eventLog.numCases },
    days,
  };
}

/** One progress line per replayed event. */
function describe(e: ReplayEvent): string {
  switch (e.kind) {
    case 'step':
      return e.label;
    case 'report':
      return 'sales report';
    case 'invoice':
      return `invoice ${e.invoice.id}`;
    case 'decide':
      return `${e.decision} ${e.invoiceId}`;
    case 'resolve':
      return `${e.action} ${e.orderId}`;
    default:
      return `${e.kind} ${e.order.id}`;
  }
}
