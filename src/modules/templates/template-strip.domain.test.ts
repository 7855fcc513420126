import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { WorkflowDefinition } from '../../engine/definition/workflow-definition.schemas.ts';
import {
  type CredentialTypeOf,
  personalizeDefinition,
  SECRET_PLACEHOLDER,
  stripDefinition,
  WEBHOOK_PATH_PLACEHOLDER,
} from './template-strip.domain.ts';

const types: CredentialTypeOf = (t) =>
  t === 'connector.email.send'
    ? { type: 'smtp', required: true }
    : t === 'connector.http.request'
      ? { type: 'http-auth', required: false }
      : null;

const def: WorkflowDefinition = {
  schemaVersion: 1,
  nodes: [
    {
      id: 'hook',
      type: 'trigger.webhook',
      name: 'Order in',
      config: { path: 'orders-x7f3k2', signature: { header: 'X-Sig', secret: 'hunter2hunter2', prefix: '' } },
    },
    {
      id: 'call',
      type: 'connector.http.request',
      name: 'Call shop',
      config: {
        credentialId: 'cred-1',
        url: 'https://shop.example/api',
        headers: { Authorization: 'Bearer abc', 'X-Api-Key': '{{ $trigger.body.key }}', Accept: 'application/json' },
      },
    },
    { id: 'mail', type: 'connector.email.send', name: 'Mail', config: { to: 'a@b.example', subject: 'Hi' } },
    { id: 'calc', type: 'logic.transform', name: 'Calc', config: { expression: '$' } },
  ],
  edges: [],
  settings: {},
};

describe('stripDefinition', () => {
  const { definition, needs } = stripDefinition(def, types);
  const node = (id: string) => definition.nodes.find((n) => n.id === id)?.config as Record<string, unknown>;

  it('removes credential references and lists the credential type each step needs', () => {
    assert.equal(node('call').credentialId, undefined);
    const creds = needs.filter((n) => n.kind === 'credential');
    assert.deepEqual(
      creds.map((n) => [n.nodeId, n.credentialType]),
      [
        ['call', 'http-auth'],
        ['mail', 'smtp'],
      ],
    );
    assert.equal(creds[1]?.message, 'Needs a credential of type smtp');
  });

  it('replaces literal secrets (nested, in headers) but keeps expressions and ordinary settings', () => {
    assert.equal((node('hook').signature as Record<string, unknown>).secret, SECRET_PLACEHOLDER);
    const headers = node('call').headers as Record<string, unknown>;
    assert.equal(headers.Authorization, SECRET_PLACEHOLDER);
    assert.equal(headers['X-Api-Key'], '{{ $trigger.body.key }}');
    assert.equal(headers.Accept, 'application/json');
    assert.equal(node('call').url, 'https://shop.example/api');
    assert.deepEqual(
      needs.filter((n) => n.kind === 'secret').map((n) => `${n.nodeId}:${n.path}`),
      ['hook:signature.secret', 'call:headers.Authorization'],
    );
  });

  it('hides the webhook path and leaves the source definition untouched', () => {
    assert.equal(node('hook').path, WEBHOOK_PATH_PLACEHOLDER);
    assert.equal((def.nodes[0]?.config as Record<string, unknown> | undefined)?.path, 'orders-x7f3k2');
    assert.equal((def.nodes[1]?.config as Record<string, unknown> | undefined)?.credentialId, 'cred-1');
  });

  it('lists nothing for a workflow without credentials or secrets', () => {
    const plain = stripDefinition({ ...def, nodes: [def.nodes[3] as WorkflowDefinition['nodes'][number]] }, types);
    assert.deepEqual(plain.needs, []);
  });
});

describe('personalizeDefinition', () => {
  it('gives each webhook trigger of a new workflow its own path', () => {
    const { definition } = stripDefinition(def, types);
    const mine = personalizeDefinition(definition, 'ab12cd34');
    assert.equal((mine.nodes[0]?.config as Record<string, unknown> | undefined)?.path, 'tpl-ab12cd34');
  });
});
