import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fieldsFor, humanize, parseJsonInput, parseNumberInput } from './schemaFields.ts';

// What zod's toJSONSchema gives for the webhook trigger's config (shortened).
const webhookSchema = {
  type: 'object',
  properties: {
    path: { type: 'string', description: 'The URL path after /webhooks/' },
    methods: { type: 'array', items: { type: 'string', enum: ['GET', 'POST'] }, default: ['POST'] },
    mode: { type: 'string', enum: ['sync', 'async'], default: 'async' },
    idempotencyExpression: { type: 'string' },
    signature: {
      type: 'object',
      properties: { header: { type: 'string' }, secret: { type: 'string' } },
      required: ['header', 'secret'],
    },
    timeoutMs: { type: 'integer', minimum: 100, maximum: 120000, default: 30000 },
    headers: { type: 'object', additionalProperties: { type: 'string' } },
    body: {},
    enabled: { anyOf: [{ type: 'boolean' }, { type: 'null' }], description: 'On or off' },
  },
  required: ['path'],
};

describe('fieldsFor', () => {
  const fields = fieldsFor(webhookSchema, ['idempotencyExpression']);
  const byKey = new Map(fields.map((f) => [f.key, f]));

  it('keeps the schema order and marks required fields', () => {
    assert.deepEqual(
      fields.map((f) => f.key),
      ['path', 'methods', 'mode', 'idempotencyExpression', 'signature', 'timeoutMs', 'headers', 'body', 'enabled'],
    );
    assert.equal(byKey.get('path')?.required, true);
    assert.equal(byKey.get('mode')?.required, false);
    assert.equal(byKey.get('path')?.description, 'The URL path after /webhooks/');
  });

  it('maps each JSON Schema type to its input kind', () => {
    assert.deepEqual(
      fields.map((f) => f.kind),
      ['text', 'multiEnum', 'enum', 'code', 'object', 'number', 'json', 'json', 'boolean'],
    );
  });

  it('gives enums their options and numbers their bounds', () => {
    const mode = byKey.get('mode');
    assert.ok(mode?.kind === 'enum');
    assert.deepEqual(mode.options, ['sync', 'async']);
    const methods = byKey.get('methods');
    assert.ok(methods?.kind === 'multiEnum');
    assert.deepEqual(methods.options, ['GET', 'POST']);
    const timeout = byKey.get('timeoutMs');
    assert.ok(timeout?.kind === 'number');
    assert.deepEqual([timeout.integer, timeout.min, timeout.max, timeout.default], [true, 100, 120000, 30000]);
  });

  it('nests the fields of an object with properties', () => {
    const signature = byKey.get('signature');
    assert.ok(signature?.kind === 'object');
    assert.deepEqual(
      signature.fields.map((f) => [f.key, f.kind, f.required]),
      [
        ['header', 'text', true],
        ['secret', 'text', true],
      ],
    );
  });

  it('labels fields from their keys', () => {
    assert.equal(byKey.get('timeoutMs')?.label, 'Timeout ms');
    assert.equal(humanize('idempotency_header'), 'Idempotency header');
  });
});

describe('parseNumberInput', () => {
  it('stores numbers as numbers, templates as text and empty as nothing', () => {
    assert.equal(parseNumberInput(' 42 '), 42);
    assert.equal(parseNumberInput('{{ total }}'), '{{ total }}');
    assert.equal(parseNumberInput(''), undefined);
  });
});

describe('parseJsonInput', () => {
  it('parses JSON, keeps templates and refuses anything else', () => {
    assert.deepEqual(parseJsonInput('{"ok": true}'), { value: { ok: true } });
    assert.deepEqual(parseJsonInput('{{ lines }}'), { value: '{{ lines }}' });
    assert.ok('error' in parseJsonInput('{ok: true'));
    assert.deepEqual(parseJsonInput('  '), { value: undefined });
  });
});
