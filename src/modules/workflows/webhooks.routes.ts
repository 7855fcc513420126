import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { workflowDefinition } from '../../engine/definition/workflow-definition.schemas.ts';
import type { ExpressionEngine } from '../../engine/expressions/expressions.ts';
import type { Engine } from '../../engine/runtime/engine.ts';
import { webhookTrigger } from '../../engine/steps/triggers.ts';
import { AppError } from '../../platform/errors.ts';
import { signatureMatches } from './webhook-signature.domain.ts';
import type { WorkflowsService } from './workflows.service.ts';

/** Request headers kept in the run's data; credentials never are. */
const DROPPED_HEADERS = new Set(['cookie', 'authorization', 'proxy-authorization']);

interface WebhookConfig {
  methods: string[];
  mode: 'sync' | 'async';
  idempotencyHeader?: string | undefined;
  idempotencyExpression?: string | undefined;
  signature?: { header: string; secret: string; prefix: string } | undefined;
  timeoutMs: number;
}

const configs = new Map<string, WebhookConfig>();

/** The webhook trigger's settings of a version (parsed once per version). */
function configOf(versionId: string, definitionJson: string): WebhookConfig {
  const hit = configs.get(versionId);
  if (hit) return hit;
  const def = workflowDefinition.parse(JSON.parse(definitionJson));
  const node = def.nodes.find((n) => n.type === 'trigger.webhook');
  const config = webhookTrigger.config.parse(node?.config ?? {}) as WebhookConfig;
  if (configs.size > 10_000) configs.clear();
  configs.set(versionId, config);
  return config;
}

/**
 * Public webhook endpoints: `/webhooks/<path>` starts a run of the live version whose webhook
 * trigger has that path. The run row is committed before any answer: 202 with the run id
 * (async), or the Respond step's answer (sync). The path is a capability; a signature check
 * and an idempotency key are optional per workflow.
 */
export async function webhookRoutes(
  app: FastifyInstance,
  deps: { workflows: WorkflowsService; engine: Engine; expressions: ExpressionEngine },
): Promise<void> {
  app.removeAllContentTypeParsers();
  // Keep the raw bytes: signatures are computed over them.
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  const handler = async (request: FastifyRequest<{ Params: { path: string } }>, reply: FastifyReply) => {
    const target = await deps.workflows.webhookTarget(request.params.path);
    if (!target || target.status === 'archived') {
      throw new AppError('WEBHOOK_NOT_FOUND', {
        status: 404,
        userMessage: `No live workflow listens on /webhooks/${request.params.path}.`,
      });
    }
    const config = configOf(target.version_id, target.definition_json);
    if (!config.methods.includes(request.method)) {
      throw new AppError('WEBHOOK_METHOD_NOT_ALLOWED', { status: 405, userMessage: `This webhook accepts ${config.methods.join(', ')}.` });
    }
    const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    if (config.signature) {
      const header = request.headers[config.signature.header.toLowerCase()];
      if (!signatureMatches(raw, config.signature.secret, typeof header === 'string' ? header : undefined, config.signature.prefix)) {
        throw new AppError('WEBHOOK_SIGNATURE_INVALID', { status: 401, userMessage: 'The request signature is missing or wrong.' });
      }
    }
    const contentType = String(request.headers['content-type'] ?? '');
    let body: unknown = null;
    if (raw.length > 0) {
      if (contentType.includes('json')) {
        try {
          body = JSON.parse(raw.toString('utf8'));
        } catch (error) {
          throw new AppError('MALFORMED_JSON', { status: 400, userMessage: `The body is not valid JSON: ${(error as Error).message}` });
        }
      } else if (contentType.includes('application/x-www-form-urlencoded')) {
        body = Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
      } else body = raw.toString('utf8');
    }
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(request.headers))
      if (!DROPPED_HEADERS.has(k) && v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
    const data = { body, headers, query: request.query ?? {}, method: request.method };
    let triggerKey: string | null = null;
    if (config.idempotencyHeader) {
      const v = request.headers[config.idempotencyHeader.toLowerCase()];
      if (typeof v === 'string' && v) triggerKey = `h:${v.slice(0, 200)}`;
    } else if (config.idempotencyExpression) {
      const v = await deps.expressions.evaluate(config.idempotencyExpression, data);
      if (v !== undefined && v !== null && v !== '')
        triggerKey = `e:${String(typeof v === 'string' ? v : JSON.stringify(v)).slice(0, 200)}`;
    }
    const started = await deps.engine.startRun({
      workflowId: target.workflow_id,
      versionId: target.version_id,
      triggerType: 'webhook',
      data,
      triggerKey,
      inline: true,
      awaitResponse: config.mode === 'sync',
    });
    if (started.duplicate) return reply.status(200).send({ runId: started.runId, duplicate: true });
    if (!started.response) return reply.status(202).send({ runId: started.runId });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), config.timeoutMs);
    });
    const answer = await Promise.race([started.response, timeout]);
    clearTimeout(timer);
    if (!answer) {
      throw new AppError('WEBHOOK_TIMEOUT', {
        status: 504,
        userMessage: `The run did not answer within ${config.timeoutMs} ms; it goes on.`,
        details: { runId: started.runId },
      });
    }
    reply.header('x-symbiont-run-id', started.runId);
    for (const [k, v] of Object.entries(answer.headers)) reply.header(k, v);
    return reply.status(answer.status).send(answer.body);
  };

  app.route({
    method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    url: '/webhooks/:path',
    config: { public: true },
    schema: { hide: true },
    handler,
  });
}
