import { Cron } from 'croner';
import type { Kysely } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/schema.ts';
import { createPeriodic } from '../../platform/periodic.ts';
import { workflowDefinition } from '../definition/workflow-definition.schemas.ts';
import type { StepLog, StepRegistry } from '../steps/step-type.ts';
import type { Engine } from './engine.ts';

export interface TriggerSchedulerOptions {
  db: Kysely<Database>;
  engine: Engine;
  registry: StepRegistry;
  clock: Clock;
  log: StepLog;
  owner: string;
  resolveCredential: (id: string) => Promise<Record<string, unknown>>;
  /** How often to look for due triggers, ms (default 250). */
  pollMs?: number;
}

/** The next fire time of a cron expression in a time zone, strictly after `after`. */
export function nextFire(cron: string, timezone: string, after: Date): Date | null {
  return new Cron(cron, { timezone, paused: true }).nextRun(after);
}

/**
 * Fires schedule triggers and polls polling triggers of live workflows. Each trigger's next
 * time is a row (`trigger_state`), claimed with a lease, so with several processes one fires
 * it; a schedule's run carries the trigger key `s:<time>` and a poll item `p:<dedupeKey>`, so
 * even a fire repeated after a crash starts no second run.
 */
export function createTriggerScheduler(options: TriggerSchedulerOptions) {
  const { db, engine, registry, clock, log } = options;
  const pollMs = options.pollMs ?? 250;

  /** Registers (or removes) the triggers of a workflow after it was published or archived. */
  async function sync(workflowId: string): Promise<void> {
    const wf = await db
      .selectFrom('workflows')
      .innerJoin('workflow_versions', 'workflow_versions.id', 'workflows.published_version_id')
      .select(['workflows.status', 'workflow_versions.id as version_id', 'workflow_versions.definition_json'])
      .where('workflows.id', '=', workflowId)
      .executeTakeFirst();
    const now = clock.now();
    const def = wf ? workflowDefinition.parse(JSON.parse(wf.definition_json)) : null;
    const trigger = def?.nodes.find((n) => n.type.startsWith('trigger.'));
    const type = trigger ? registry.get(trigger.type) : undefined;
    const scheduled = wf && wf.status === 'active' && trigger && (trigger.type === 'trigger.schedule' || type?.poll);
    await db.transaction().execute(async (trx) => {
      await trx
        .deleteFrom('trigger_state')
        .where('workflow_id', '=', workflowId)
        .where('node_id', '!=', trigger?.id ?? '')
        .execute();
      if (!scheduled || !trigger || !wf) {
        await trx.deleteFrom('trigger_state').where('workflow_id', '=', workflowId).execute();
        return;
      }
      const existing = await trx
        .selectFrom('trigger_state')
        .selectAll()
        .where('workflow_id', '=', workflowId)
        .where('node_id', '=', trigger.id)
        .executeTakeFirst();
      let nextAt = now.toISOString();
      if (trigger.type === 'trigger.schedule') {
        const c = trigger.config as { cron: string; timezone?: string };
        nextAt = nextFire(c.cron, c.timezone ?? 'UTC', now)?.toISOString() ?? '9999-12-31T00:00:00.000Z';
      }
      if (existing) {
        await trx
          .updateTable('trigger_state')
          .set({
            version_id: wf.version_id,
            next_at: trigger.type === 'trigger.schedule' ? nextAt : existing.next_at,
            updated_at: now.toISOString(),
          })
          .where('workflow_id', '=', workflowId)
          .where('node_id', '=', trigger.id)
          .execute();
      } else {
        await trx
          .insertInto('trigger_state')
          .values({
            workflow_id: workflowId,
            node_id: trigger.id,
            version_id: wf.version_id,
            state_json: null,
            next_at: nextAt,
            lease_owner: null,
            lease_until: null,
            last_error: null,
            updated_at: now.toISOString(),
          })
          .execute();
      }
    });
  }

  async function fireDue(): Promise<void> {
    const now = clock.now();
    const iso = now.toISOString();
    const due = await db
      .updateTable('trigger_state')
      .set({ lease_owner: options.owner, lease_until: new Date(now.getTime() + 30_000).toISOString() })
      .where('next_at', '<=', iso)
      .where((eb) => eb.or([eb('lease_owner', 'is', null), eb('lease_until', '<', iso)]))
      .returningAll()
      .execute();
    for (const row of due) {
      let next: string | null = null;
      let state = row.state_json;
      let lastError: string | null = null;
      try {
        const version = await db
          .selectFrom('workflow_versions')
          .select('definition_json')
          .where('id', '=', row.version_id)
          .executeTakeFirstOrThrow();
        const node = workflowDefinition.parse(JSON.parse(version.definition_json)).nodes.find((n) => n.id === row.node_id);
        const type = node ? registry.get(node.type) : undefined;
        if (!node || !type) continue;
        if (node.type === 'trigger.schedule') {
          const c = node.config as { cron: string; timezone?: string };
          const scheduledAt = row.next_at ?? iso;
          await engine.startRun({
            workflowId: row.workflow_id,
            versionId: row.version_id,
            triggerType: 'schedule',
            data: { scheduledAt, firedAt: iso },
            triggerKey: `s:${scheduledAt}`,
          });
          next =
            nextFire(c.cron, c.timezone ?? 'UTC', new Date(Math.max(now.getTime(), new Date(scheduledAt).getTime())))?.toISOString() ??
            null;
        } else if (type.poll) {
          const parsed = type.config.parse(node.config) as { pollSeconds?: number; credentialId?: string };
          const credential = parsed.credentialId ? await options.resolveCredential(parsed.credentialId) : null;
          const result = await type.poll(parsed, {
            workflowId: row.workflow_id,
            nodeId: row.node_id,
            state: row.state_json ? JSON.parse(row.state_json) : null,
            signal: AbortSignal.timeout(25_000),
            clock,
            log,
            credential,
          });
          for (const item of result.items) {
            await engine.startRun({
              workflowId: row.workflow_id,
              versionId: row.version_id,
              triggerType: node.type,
              data: item.data,
              triggerKey: `p:${item.dedupeKey}`,
            });
          }
          state = JSON.stringify(result.state ?? null);
          next = new Date(now.getTime() + (parsed.pollSeconds ?? 60) * 1000).toISOString();
        }
      } catch (error) {
        lastError = error instanceof Error ? error.message : String(error);
        log.warn('trigger failed; trying again later', { workflowId: row.workflow_id, error: lastError });
        next = new Date(now.getTime() + 60_000).toISOString();
      }
      await db
        .updateTable('trigger_state')
        .set({
          next_at: next,
          state_json: state,
          last_error: lastError,
          lease_owner: null,
          lease_until: null,
          updated_at: clock.now().toISOString(),
        })
        .where('workflow_id', '=', row.workflow_id)
        .where('node_id', '=', row.node_id)
        .execute();
    }
  }

  const periodic = createPeriodic(fireDue, pollMs, (error) => log.error('trigger scheduler failed', { error: String(error) }));
  return { sync, fireDue, start: periodic.start, stop: periodic.stop };
}

export type TriggerScheduler = ReturnType<typeof createTriggerScheduler>;
