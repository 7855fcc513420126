import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isAppError } from '../platform/errors.ts';
import { connectors, describeConnectors, findCredentialType, findNodeType } from './registry.ts';
import { pollTrigger, runAction } from './run-action.ts';
import { credentialJsonSchema, toJsonSchema } from './sdk.ts';
import { closeConnectorResources } from './shutdown.ts';
import { createTestContext, type TestContext } from './testing/test-context.ts';

const KEY = /^[a-z][a-z0-9_]*$/;

type Json = Record<string, unknown>;

/** Paths of object properties without a description, anywhere in a JSON Schema. */
function undescribed(schema: unknown, at = ''): string[] {
  if (!schema || typeof schema !== 'object') return [];
  const s = schema as Json;
  const out: string[] = [];
  for (const [name, prop] of Object.entries((s.properties ?? {}) as Record<string, Json>)) {
    if (typeof prop.description !== 'string' || prop.description.trim() === '') out.push(`${at}${name}`);
    out.push(...undescribed(prop, `${at}${name}.`));
  }
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    for (const variant of (s[key] ?? []) as unknown[]) out.push(...undescribed(variant, at));
  }
  if (s.items) out.push(...undescribed(s.items, `${at}[].`));
  return out;
}

/** A sample input per action that runs here without a network service; the rest have their own tests. */
const SAMPLES: Record<string, { input: unknown; credential?: Json; check?: (output: Json) => void }> = {
  'csv.parse': { input: { text: 'a;b\n1;2\n' }, check: (o) => assert.deepEqual(o.rows, [{ a: '1', b: '2' }]) },
  'csv.build': { input: { rows: [{ a: 1, b: 'x,y' }] }, check: (o) => assert.equal(o.text, 'a,b\r\n1,"x,y"\r\n') },
  'datetime.now': { input: { timeZone: 'Europe/Berlin' }, check: (o) => assert.match(String(o.local), /\+0[12]:00$/) },
  'datetime.format': {
    input: { date: '2026-03-29T09:00:00Z', pattern: 'dd.MM.yyyy HH:mm', timeZone: 'Europe/Berlin' },
    check: (o) => assert.equal(o.text, '29.03.2026 11:00'),
  },
  'datetime.parse': {
    input: { text: '29.03.2026 11:00', pattern: 'dd.MM.yyyy HH:mm', timeZone: 'Europe/Berlin' },
    check: (o) => assert.equal(o.iso, '2026-03-29T09:00:00.000Z'),
  },
  'datetime.add': { input: { date: '2026-01-31', months: 1 }, check: (o) => assert.equal(o.iso, '2026-02-28T00:00:00.000Z') },
  'datetime.subtract': { input: { date: '2026-03-01T00:00:00Z', days: 1 }, check: (o) => assert.equal(o.iso, '2026-02-28T00:00:00.000Z') },
  'datetime.difference': { input: { from: '2026-01-01', to: '2026-03-01' }, check: (o) => assert.equal(o.months, 2) },
  'datetime.start_of': {
    input: { date: '2026-03-18T15:00:00Z', unit: 'month' },
    check: (o) => assert.equal(o.iso, '2026-03-01T00:00:00.000Z'),
  },
  'datetime.end_of': {
    input: { date: '2026-03-18T15:00:00Z', unit: 'day' },
    check: (o) => assert.equal(o.iso, '2026-03-18T23:59:59.999Z'),
  },
  'files.write': { input: { path: 'contract/a.txt', content: 'hello' }, check: (o) => assert.equal(o.size, 5) },
  'files.read': { input: { path: 'contract/a.txt' }, check: (o) => assert.equal(o.content, 'hello') },
  'files.list': { input: { path: 'contract' }, check: (o) => assert.equal((o.entries as unknown[]).length, 1) },
  'files.move': { input: { from: 'contract/a.txt', to: 'contract/b.txt' }, check: (o) => assert.equal(o.alreadyMoved, false) },
  'files.delete': { input: { path: 'contract/b.txt' }, check: (o) => assert.equal(o.deleted, true) },
  'spreadsheet.write': { input: { rows: [{ n: 1 }], path: 'contract.xlsx' }, check: (o) => assert.equal(o.rowCount, 1) },
  'spreadsheet.read': { input: { path: 'contract.xlsx' }, check: (o) => assert.deepEqual(o.rows, [{ n: 1 }]) },
  'sql.sqlite_query': {
    input: { query: 'select ? + 1 as n', params: [41], readOnly: false },
    credential: { path: 'contract.db' },
    check: (o) => assert.deepEqual(o.rows, [{ n: 42 }]),
  },
};

/** Actions that need a network service; each has real-component tests in its folder. */
const TESTED_ELSEWHERE: Record<string, string> = {
  'http.request': 'src/connectors/http/http.test.ts (local HTTP server)',
  'email.send': 'src/connectors/email/email.test.ts (local smtp-server)',
  'chat.send': 'src/connectors/chat/chat.test.ts (local webhook)',
  'sql.postgres_query': 'src/connectors/sql/sql.test.ts (PostgreSQL test cluster)',
};

describe('connector contract', () => {
  let ctx: TestContext;
  before(() => {
    ctx = createTestContext();
  });
  after(async () => {
    await ctx.dispose();
    await closeConnectorResources();
  });

  it('gives every connector, action, trigger and credential type a well-formed unique key, a title and a description', () => {
    const nodeTypes = new Set<string>();
    for (const c of connectors) {
      assert.match(c.key, KEY, c.key);
      assert.ok(c.title.trim() && c.description.trim(), `${c.key} title/description`);
      for (const a of c.actions) {
        assert.match(a.key, KEY, `${c.key}.${a.key}`);
        assert.ok(a.title.trim() && a.description.trim(), `${c.key}.${a.key} title/description`);
        const nodeType = `connector.${c.key}.${a.key}`;
        assert.ok(!nodeTypes.has(nodeType), `duplicate ${nodeType}`);
        nodeTypes.add(nodeType);
        assert.equal(findNodeType(nodeType)?.kind, 'action');
        if (a.credential)
          assert.ok(findCredentialType(a.credential.type), `${nodeType} names unknown credential type ${a.credential.type}`);
      }
      for (const t of c.triggers) {
        assert.match(t.key, KEY);
        assert.ok(t.title.trim() && t.description.trim());
        assert.equal(findNodeType(`trigger.${c.key}.${t.key}`)?.kind, 'trigger');
        if (t.credential) assert.ok(findCredentialType(t.credential.type));
      }
      for (const type of c.credentials) {
        assert.match(type.key, KEY);
        assert.ok(type.title.trim());
      }
    }
    assert.equal(findNodeType('connector.nope.nothing'), undefined);
    assert.equal(findNodeType('logic.if'), undefined);
  });

  it('describes every field of every schema, and every schema converts to JSON Schema', () => {
    const missing: string[] = [];
    for (const c of connectors) {
      for (const a of c.actions) {
        missing.push(...undescribed(toJsonSchema(a.input)).map((p) => `${c.key}.${a.key} input ${p}`));
        missing.push(...undescribed(toJsonSchema(a.output, { io: 'output' })).map((p) => `${c.key}.${a.key} output ${p}`));
      }
      for (const t of c.triggers) missing.push(...undescribed(toJsonSchema(t.config)).map((p) => `${c.key}.${t.key} config ${p}`));
      for (const type of c.credentials) missing.push(...undescribed(credentialJsonSchema(type)).map((p) => `credential ${type.key} ${p}`));
    }
    assert.deepEqual(missing, []);
    const catalogue = JSON.parse(JSON.stringify(describeConnectors()));
    assert.equal(catalogue.length, connectors.length);
  });

  it('marks secret credential fields writeOnly in the JSON Schema', () => {
    for (const c of connectors) {
      for (const type of c.credentials) {
        const props = credentialJsonSchema(type).properties as Record<string, Json>;
        for (const field of type.secretFields) assert.equal(props[field]?.writeOnly, true, `${type.key}.${field}`);
        for (const [name, prop] of Object.entries(props)) if (!type.secretFields.includes(name)) assert.notEqual(prop.writeOnly, true);
      }
    }
  });

  it('rejects input of the wrong shape with STEP_INPUT_INVALID naming the field', async () => {
    for (const c of connectors) {
      for (const a of c.actions) {
        const first = Object.keys((toJsonSchema(a.input).properties ?? {}) as Json)[0];
        assert.ok(first, `${c.key}.${a.key} has no input fields`);
        await assert.rejects(runAction(a, { [first]: Symbol('wrong') }, ctx), (error: unknown) => {
          assert.ok(isAppError(error), String(error));
          assert.equal(error.code, 'STEP_INPUT_INVALID', `${c.key}.${a.key}: ${error.userMessage}`);
          assert.equal(error.retryable, false);
          const paths = (error.details as { issues: { path: string }[] }).issues.map((i) => i.path);
          assert.ok(paths.includes(first), `${c.key}.${a.key}: issues ${paths.join(', ')} do not name ${first}`);
          return true;
        });
        await assert.rejects(runAction(a, 'not an object', ctx), { code: 'STEP_INPUT_INVALID' });
      }
    }
  });

  it('rejects trigger config of the wrong shape with STEP_INPUT_INVALID before connecting anywhere', async () => {
    for (const c of connectors) {
      for (const t of c.triggers) {
        const first = Object.keys((toJsonSchema(t.config).properties ?? {}) as Json)[0];
        assert.ok(first, `${c.key}.${t.key} has no config fields`);
        await assert.rejects(pollTrigger(t, { [first]: Symbol('wrong') }, { ...ctx, state: null }), (error: unknown) => {
          assert.ok(isAppError(error));
          assert.equal(error.code, 'STEP_INPUT_INVALID');
          assert.ok((error.details as { issues: { path: string }[] }).issues.some((i) => i.path === first));
          return true;
        });
      }
    }
  });

  it('runs a sample of every action that works without a network service', async () => {
    for (const c of connectors) {
      for (const a of c.actions) {
        const id = `${c.key}.${a.key}`;
        assert.ok(SAMPLES[id] || TESTED_ELSEWHERE[id], `${id} has neither a sample nor a dedicated test`);
      }
    }
    // In the samples' order: files are written before they are read.
    for (const [id, sample] of Object.entries(SAMPLES)) {
      const [connectorKey = '', actionKey = ''] = id.split('.');
      const found = findNodeType(`connector.${connectorKey}.${actionKey}`);
      assert.equal(found?.kind, 'action', id);
      if (found?.kind !== 'action') continue;
      const output = (await runAction(found.action, sample.input, { ...ctx, credential: sample.credential ?? null })) as Json;
      sample.check?.(output);
    }
  });
});
