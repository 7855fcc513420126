import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { describeEachDialect } from '../../platform/db/testing/test-database.ts';
import { createTestApp, type Session, type TestApp, tableCounts } from '../../testing/test-app.ts';
import { multipartFile } from '../forms/testing/forms-fixture.ts';
import { assertClose } from './testing/assert-close.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../../test/fixtures/eventlogs');
const XES = readFileSync(path.join(FIXTURES, 'running-example.xes'));
const oracle = JSON.parse(readFileSync(path.join(FIXTURES, 'running-example.oracle.json'), 'utf8'));

describeEachDialect('event logs over HTTP', (getDb) => {
  let t: TestApp;
  let builder: Session;
  let member: Session;
  before(async () => {
    t = await createTestApp(getDb());
    await t.createUser('builder@x.test', ['builder']);
    await t.createUser('member@x.test', []);
    builder = await t.login('builder@x.test');
    member = await t.login('member@x.test');
  });
  after(() => t.close());

  const upload = (s: Session, name: string, content: Buffer | string, query = '') => {
    const m = multipartFile(name, content);
    return s.request({ method: 'POST', url: `/api/v1/event-logs${query}`, payload: m.payload, headers: m.headers });
  };

  it('imports an uploaded .xes.gz, lists it, and answers its statistics equal to the PM4Py oracle', async () => {
    const res = await upload(builder, 'running-example.xes.gz', gzipSync(XES), '?name=Running%20example');
    assert.equal(res.statusCode, 201, res.body);
    const log = res.json();
    assert.equal(log.name, 'Running example');
    assert.equal(log.sourceFile, 'running-example.xes.gz');
    assert.equal(log.numEvents, oracle.num_events);
    assert.equal(log.numCases, oracle.num_cases);
    const listed = (await builder.request({ method: 'GET', url: '/api/v1/event-logs' })).json();
    assert.ok(listed.items.some((l: { id: string }) => l.id === log.id));
    const stats = await builder.request({ method: 'GET', url: `/api/v1/event-logs/${log.id}/stats` });
    assert.equal(stats.statusCode, 200, stats.body);
    const body = stats.json();
    const KEYS = [
      'num_cases',
      'num_events',
      'num_activities',
      'activities',
      'activities_case_count',
      'num_variants',
      'variants',
      'start_activities',
      'end_activities',
      'num_dfg_edges',
      'dfg',
      'performance_dfg_seconds',
      'case_duration_seconds',
      'case_arrival_average_seconds',
      'rework_cases_per_activity',
      'minimum_self_distances',
    ];
    assert.deepEqual(Object.keys(body).sort(), [...KEYS].sort());
    for (const key of ['num_variants', 'variants', 'start_activities', 'end_activities', 'dfg'])
      assert.deepEqual(body[key], oracle[key], key);
    assertClose(body.performance_dfg_seconds, oracle.performance_dfg_seconds);
    const removed = await builder.request({ method: 'DELETE', url: `/api/v1/event-logs/${log.id}` });
    assert.equal(removed.statusCode, 204);
    assert.equal((await builder.request({ method: 'GET', url: `/api/v1/event-logs/${log.id}` })).statusCode, 404);
  });

  it('mines a stored log: the process map equals the oracle, filters narrow the cases, candidates are ranked', async () => {
    const id = (await upload(builder, 'running-example.xes', XES)).json().id as string;
    const full = await builder.request({ method: 'GET', url: `/api/v1/process-analyses?eventLogId=${id}` });
    assert.equal(full.statusCode, 200, full.body);
    const a = full.json();
    assert.deepEqual(a.cases, { total: oracle.num_cases, kept: oracle.num_cases });
    const edges = (list: { source: string; target: string; count: number }[]) =>
      list.map((e) => `${e.source} -> ${e.target}: ${e.count}`).sort();
    assert.deepEqual(edges(a.dfg), edges(oracle.dfg));
    assert.equal(a.numVariants, oracle.num_variants);
    assert.ok(a.candidates.length === oracle.num_activities && a.candidates[0].score >= a.candidates.at(-1).score);
    assert.ok(a.heuristics.keptEdges.length > 0);
    const dotted = (await builder.request({ method: 'GET', url: `/api/v1/process-analyses/dotted-chart?eventLogId=${id}` })).json();
    assert.equal(dotted.cases.length, oracle.num_cases);
    assert.equal(dotted.points.length, oracle.num_events);
    const one = (await builder.request({ method: 'GET', url: `/api/v1/process-analyses?eventLogId=${id}&variants=0` })).json();
    assert.equal(one.cases.kept, a.variants[0].count);
    assert.equal(one.numVariants, 1);
    const none = (await builder.request({ method: 'GET', url: `/api/v1/process-analyses?eventLogId=${id}&maxDurationSeconds=0` })).json();
    assert.equal(none.cases.kept, 0);
    const bad = await builder.request({ method: 'GET', url: `/api/v1/process-analyses?eventLogId=${id}&from=yesterday` });
    assert.equal(bad.statusCode, 400);
    assert.equal((await builder.request({ method: 'GET', url: '/api/v1/process-analyses?eventLogId=nope' })).statusCode, 404);
  });

  it('filters by a case attribute: XES trace attributes and CSV case: columns', async () => {
    const csv =
      'case:concept:name,concept:name,time:timestamp,case:channel\nc1,A,2026-01-01T10:00:00Z,web\nc1,B,2026-01-01T11:00:00Z,web\n' +
      'c2,A,2026-01-02T10:00:00Z,phone\nc3,A,2026-01-03T10:00:00Z,\n';
    const id = (await upload(builder, 'channels.csv', csv)).json().id as string;
    const all = (await builder.request({ method: 'GET', url: `/api/v1/process-analyses?eventLogId=${id}` })).json();
    assert.deepEqual(all.caseAttributes, [
      {
        name: 'channel',
        values: [
          { value: '(none)', cases: 1 },
          { value: 'phone', cases: 1 },
          { value: 'web', cases: 1 },
        ],
      },
    ]);
    const web = (
      await builder.request({ method: 'GET', url: `/api/v1/process-analyses?eventLogId=${id}&attribute=channel&attributeValues=web` })
    ).json();
    assert.deepEqual(web.cases, { total: 3, kept: 1 });
    assert.equal(web.numEvents, 2);
    const xes = (await upload(builder, 'running-example.xes', XES)).json().id as string;
    const creator = (await builder.request({ method: 'GET', url: `/api/v1/process-analyses?eventLogId=${xes}` })).json().caseAttributes;
    assert.ok(
      creator.some((a: { name: string }) => a.name === 'creator'),
      JSON.stringify(creator),
    );
  });

  it('maps CSV columns from the query', async () => {
    const csv = 'case;act;when\nc1;A;2026-01-01T10:00:00Z\nc1;B;2026-01-01T11:00:00Z\nc2;A;2026-01-02T10:00:00Z\n';
    const res = await upload(builder, 'tiny.csv', csv, '?caseColumn=case&activityColumn=act&timestampColumn=when');
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().numEvents, 3);
    assert.equal(res.json().import.delimiter, ';');
  });

  it('refuses malformed XML, missing columns and unknown formats with a clear error, and stores nothing', async () => {
    const before = await tableCounts(getDb(), ['event_logs', 'audit_events']);
    const broken = await upload(builder, 'broken.xes', '<log><trace><string key="concept:name" value="c1"></trace>');
    assert.equal(broken.statusCode, 400, broken.body);
    assert.equal(broken.json().error.code, 'EVENT_LOG_XML_MALFORMED');
    const csv = 'id,step,at\nc1,A,2026-01-01T10:00:00Z\nc1,B,2026-01-01T11:00:00Z\n';
    const missing = await upload(builder, 'x.csv', csv, '?caseColumn=case&activityColumn=step&timestampColumn=at');
    assert.equal(missing.statusCode, 400);
    assert.equal(missing.json().error.code, 'EVENT_LOG_COLUMN_MISSING');
    const unknown = await upload(builder, 'log.json', '{}');
    assert.equal(unknown.statusCode, 400);
    assert.equal(unknown.json().error.code, 'EVENT_LOG_FORMAT_UNKNOWN');
    assert.deepEqual(await tableCounts(getDb(), ['event_logs', 'audit_events']), before);
  });

  it('needs the process-audit permissions', async () => {
    assert.equal((await upload(member, 'running-example.xes', XES)).statusCode, 403);
    assert.equal((await t.server.inject({ method: 'GET', url: '/api/v1/event-logs' })).statusCode, 401);
  });
});
