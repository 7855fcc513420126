import type { WorkflowDefinition, WorkflowNode } from '../../engine/definition/workflow-definition.schemas.ts';

/** Something a person must supply after creating a workflow from a template. */
export interface TemplateNeed {
  /** credential: pick a stored credential; secret: type a secret value; setting: choose a value. */
  kind: 'credential' | 'secret' | 'setting';
  nodeId: string;
  nodeName: string;
  /** The credential type the step needs (credential needs only). */
  credentialType: string | null;
  /** Dotted path in the node's config (secret and setting needs). */
  path: string | null;
  message: string;
}

/** What a template puts where a secret was: long enough for every "min length" rule, and obviously not real. */
export const SECRET_PLACEHOLDER = '__SET_A_SECRET__';
/** What a template puts in a webhook trigger's path: each use gets its own (see `personalizeDefinition`). */
export const WEBHOOK_PATH_PLACEHOLDER = 'template-webhook';

/** Config keys whose values are secrets, wherever they sit in a step's settings (headers included). */
const SECRET_KEY = /(secret|passw(or)?d|token|api[-_]?key|authorization|private[-_]?key|cookie|session)/i;
/** A value that is only an expression (`{{ … }}`) carries no secret itself. */
const ONLY_EXPRESSION = /^\s*\{\{[\s\S]*\}\}\s*$/;

export type CredentialTypeOf = (nodeType: string) => { type: string; required: boolean } | null;

function stripSecrets(value: unknown, path: string, found: string[]): unknown {
  if (Array.isArray(value)) return value.map((v, i) => stripSecrets(v, `${path}.${i}`, found));
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const here = path ? `${path}.${key}` : key;
    if (SECRET_KEY.test(key) && typeof v === 'string' && v !== '' && !ONLY_EXPRESSION.test(v)) {
      out[key] = SECRET_PLACEHOLDER;
      found.push(here);
    } else out[key] = stripSecrets(v, here, found);
  }
  return out;
}

function stripNode(node: WorkflowNode, credentialTypeOf: CredentialTypeOf, needs: TemplateNeed[]): WorkflowNode {
  const base = { nodeId: node.id, nodeName: node.name };
  const { credentialId, ...rest } = node.config as Record<string, unknown>;
  const credential = credentialTypeOf(node.type);
  if (credential && (credential.required || (typeof credentialId === 'string' && credentialId !== ''))) {
    needs.push({
      ...base,
      kind: 'credential',
      credentialType: credential.type,
      path: 'credentialId',
      message: `Needs a credential of type ${credential.type}`,
    });
  } else if (typeof credentialId === 'string' && credentialId !== '') {
    needs.push({ ...base, kind: 'credential', credentialType: null, path: 'credentialId', message: 'Needs a credential' });
  }
  const found: string[] = [];
  const config = stripSecrets(rest, '', found) as Record<string, unknown>;
  for (const path of found) {
    needs.push({ ...base, kind: 'secret', credentialType: null, path, message: `Needs a secret value for ${path}` });
  }
  if (node.type === 'trigger.webhook' && typeof config.path === 'string') {
    config.path = WEBHOOK_PATH_PLACEHOLDER;
    needs.push({
      ...base,
      kind: 'setting',
      credentialType: null,
      path: 'path',
      message: 'Each workflow made from this template gets its own webhook path; change it if you like',
    });
  }
  return { ...node, config };
}

/**
 * A published workflow definition made safe to share: every `credentialId` removed and every
 * secret-looking setting (a key naming a secret, password, token, API key, authorization,
 * private key, cookie or session, holding a literal rather than an expression) replaced by
 * `SECRET_PLACEHOLDER`; webhook paths (secret when a hook is unsigned) replaced too. Each
 * removal is listed as a need ("needs a credential of type smtp"), so the person who uses the
 * template knows what to supply. Steps whose type needs a credential are listed even when none
 * was set.
 */
export function stripDefinition(
  definition: WorkflowDefinition,
  credentialTypeOf: CredentialTypeOf,
): { definition: WorkflowDefinition; needs: TemplateNeed[] } {
  const needs: TemplateNeed[] = [];
  const nodes = definition.nodes.map((node) => stripNode(node, credentialTypeOf, needs));
  return { definition: { ...definition, nodes }, needs };
}

/** A template's definition for one new workflow: webhook triggers get their own path (`suffix`: random, from the caller). */
export function personalizeDefinition(definition: WorkflowDefinition, suffix: string): WorkflowDefinition {
  let n = 0;
  const nodes = definition.nodes.map((node) => {
    if (node.type !== 'trigger.webhook' || node.config.path !== WEBHOOK_PATH_PLACEHOLDER) return node;
    n += 1;
    return { ...node, config: { ...node.config, path: `tpl-${suffix}${n > 1 ? `-${n}` : ''}` } };
  });
  return { ...definition, nodes };
}
