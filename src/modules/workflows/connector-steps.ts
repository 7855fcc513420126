import path from 'node:path';
import { z } from 'zod';
import { pollTrigger, runAction } from '../../connectors/run-action.ts';
import type { ConnectorDefinition } from '../../connectors/sdk.ts';
import type { StepType } from '../../engine/steps/step-type.ts';
import type { GuardedHttpClient } from '../../platform/http-client/guarded-client.ts';

export interface ConnectorStepDeps {
  http: GuardedHttpClient;
  /** Root of the files connector: `<data dir>/files`. */
  filesRoot: string;
}

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
          return pollTrigger(trigger, rest, {
            signal: ctx.signal,
            log: ctx.log,
            http: deps.http,
            idempotencyKey: `${ctx.workflowId}:${ctx.nodeId}:poll`,
            credential: ctx.credential,
            now: () => ctx.clock.now(),
            filesRoot: deps.filesRoot,
            state: ctx.state,
          });
        },
      });
    }
  }
  return types;
}

export const filesRootOf = (dataDir: string) => path.join(dataDir, 'files');
