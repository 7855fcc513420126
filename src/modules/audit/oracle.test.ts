import assert from 'node:assert/strict';
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { after, describe, it } from 'node:test';
import { createGzip } from 'node:zlib';
import { auditStats } from './audit-stats.domain.ts';
import { importEventLog } from './event-log-import.ts';
import { heuristicsMiner } from './heuristics-miner.domain.ts';
import { analyseLog } from './log-analysis.domain.ts';
import { assertClose } from './testing/assert-close.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../../test/fixtures/eventlogs');
const oracle = JSON.parse(readFileSync(path.join(FIXTURES, 'running-example.oracle.json'), 'utf8'));

/** The statistics keys of the oracle (everything but its metadata and the later-milestone models). */
const STAT_KEYS = [
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

async function mine(file: string) {
  const result = await importEventLog(file);
  const analysis = analyseLog(result.log);
  return { result, analysis, stats: auditStats(result.log, analysis) };
}

describe('the running example against the PM4Py oracle', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'symbiont-oracle-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const name of ['running-example.xes', 'running-example.csv', 'running-example.xes.gz', 'running-example.csv.gz']) {
    it(`gives every statistic of the oracle for ${name}`, async () => {
      let file = path.join(FIXTURES, name);
      if (name.endsWith('.gz')) {
        file = path.join(dir, name);
        await pipeline(createReadStream(path.join(FIXTURES, name.replace(/\.gz$/, ''))), createGzip(), createWriteStream(file));
      }
      const { stats, result } = await mine(file);
      assert.equal(result.skipped.count, 0);
      assert.deepEqual(Object.keys(stats), STAT_KEYS);
      for (const key of STAT_KEYS) assertClose((stats as unknown as Record<string, unknown>)[key], oracle[key], key);
    });
  }

  it("gives the heuristics miner's dependency values and kept edges (PM4Py defaults)", async () => {
    for (const name of ['running-example.xes', 'running-example.csv']) {
      const { result, analysis } = await mine(path.join(FIXTURES, name));
      const net = heuristicsMiner(result.log, analysis);
      const expected = oracle.models.heuristics_miner_defaults;
      assertClose(
        net.dependency.map(({ source, target, dependency }) => ({ source, target, dependency })),
        expected.dependency,
        'dependency',
      );
      assert.deepEqual(
        net.keptEdges.map(({ source, target }) => ({ source, target })),
        expected.kept_edges,
      );
    }
  });

  it('reads the CSV with the detected delimiter and ISO dates with offsets', async () => {
    const { result } = await mine(path.join(FIXTURES, 'running-example.csv'));
    assert.equal(result.delimiter, ',');
    assert.equal(result.dateFormat, 'iso');
    // 2010-12-30 14:32:00+01:00 is 13:32 UTC.
    assert.equal(new Date(result.log.time[0] as number).toISOString(), '2010-12-30T13:32:00.000Z');
  });
});
