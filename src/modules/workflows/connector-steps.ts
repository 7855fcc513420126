import path from 'node:path';
import { z } from 'zod';
import { pollTrigger, runAction } from '../../connectors/run-action.ts';
import type { ConnectorDefinition } from '../../connectors/sdk.ts';
import type { StepType } from '../../engine/steps/step-type.ts';
import type { GuardedHttpClient } from '../../platform/http-client/guarded-client.ts';
import type { CredentialLimiter } from '../credentials/credential-limits.service.ts';

export interface ConnectorStepDeps {
  http: GuardedHttpClient;
  /** Root of the files connector: `<data dir>/files`. */
  filesRoot: string;
  /** Rate limits of credentials: a step takes a token before it calls out (none: unlimited). */
  limiter?: CredentialLimiter;
}

const credentialIdOf = (config: unknown): string | null => {
  const id = (config as { credentialId?: unknown } | null)?.credentialId;
  return typeof id === 'string' && id !== '' ? id : null;
};

const credentialField = z.string().max(64).optional().describe('The credential to use (its id)');

function withCredential(schema: z.ZodType): z.ZodType {
  return schema instanceof z.ZodObject ? schema.extend({ credentialId: credentialField }) : schema;
}

function withoutCredential(config: unknown): unknown {
  if (!config || typeof config !== 'object' || Array.isArray(config)) return config;
  const { credentialId: _drop, ...rest } = config as Record<string, unknown>;
  return rest;
}

/**
 * Every connector action as an engine step type `connector.<connector>.<action>`, and every
 * connector trigger as a polling trigger `trigger.<connector>.<trigger>`. The engine owns
 * retries and timeouts; the action gets the guarded HTTP client, the decrypted credential and
 * the step's idempotency key.
 */
export function connectorStepTypes(connectors: readonly ConnectorDefinition[], deps: ConnectorStepDeps): StepType[] {
  const types: StepType[] = [];
  for (const connector of connectors) {
    for (const action of connector.actions) {
      types.push({
        type: `connector.${connector.key}.${action.key}`,
        title: `${connector.title}: ${action.title}`,
        description: action.description,
        category: 'connector',
        config: withCredential(action.input),
        ...(action.credential ? { credentialType: action.credential } : {}),
        async execute(config, _input, ctx) {
          const credentialId = credentialIdOf(config);
          // Over the credential's rate limit: wait durably until a call is allowed. A wait is
          // not an attempt, so the step keeps its retries.
          const grant = credentialId && ctx.credential && deps.limiter ? await deps.limiter.acquire(credentialId) : null;
          if (grant && !grant.granted) {
            return { kind: 'wait', until: grant.retryAt, state: { rateLimited: { credentialId, kind: grant.kind } } };
          }
          try {
            const output = await runAction(action, withoutCredential(config), {
              signal: ctx.signal,
              log: ctx.log,
              http: deps.http,
              idempotencyKey: ctx.idempotencyKey,
              credential: ctx.credential,
              now: () => ctx.clock.now(),
              filesRoot: deps.filesRoot,
            });
            return { kind: 'done', output };
          } finally {
            await grant?.release();
          }
        },
      });
    }
    for (const trigger of connector.triggers) {
      const config =
        trigger.config instanceof z.ZodObject
          ? trigger.config.extend({
              credentialId: credentialField,
              pollSeconds: z.number().int().min(10).max(86_400).default(60).describe('How often to look for new items, seconds'),
            })
          : trigger.config;
      types.push({
        type: `trigger.${connector.key}.${trigger.key}`,
        title: `${connector.title}: ${trigger.title}`,
        description: trigger.description,
        category: 'trigger',
        pure: true,
        config,
        ...(trigger.credential ? { credentialType: trigger.credential } : {}),
        execute: async (_config, input) => ({ kind: 'done', output: input }),
        async poll(cfg, ctx) {
          const { pollSeconds: _p, ...rest } = withoutCredential(cfg) as Record<string, unknown>;
          const credentialId = credentialIdOf(cfg);
          const grant = credentialId && ctx.credential && deps.limiter ? await deps.limiter.acquire(credentialId) : null;
          // Over the limit: no items this time, the same state; the next poll looks again.
          if (grant && !grant.granted) return { items: [], state: ctx.state };
          try {
            return await pollTrigger(trigger, rest, {
              signal: ctx.signal,
              log: ctx.log,
              http: deps.http,
              idempotencyKey: `${ctx.workflowId}:${ctx.nodeId}:poll`,
              credential: ctx.credential,
              now: () => ctx.clock.now(),
              filesRoot: deps.filesRoot,
              state: ctx.state,
            });
          } finally {
            await grant?.release();
          }
        },
      });
    }
  }
  return types;
}

export const filesRootOf = (dataDir: string) => path.join(dataDir, 'files');
