import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RunStep } from '../api/workflowTypes.ts';
import { timelineBars } from './timelineBars.ts';

function step(
  id: string,
  seq: number,
  startedAt: string | null,
  finishedAt: string | null,
  status: RunStep['status'] = 'succeeded',
): RunStep {
  return {
    id,
    nodeId: id,
    nodeName: id.toUpperCase(),
    itemKey: '',
    seq,
    status,
    attempt: 1,
    input: null,
    output: null,
    error: null,
    startedAt,
    finishedAt,
    activeMs: null,
    nextAt: null,
  };
}

describe('timelineBars', () => {
  it('scales each step to the span from the first start to the last finish', () => {
    const { bars, spanMs } = timelineBars(
      [
        step('b', 2, '2026-01-01T00:00:01.000Z', '2026-01-01T00:00:04.000Z'),
        step('a', 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:01.000Z'),
      ],
      0,
    );
    assert.equal(spanMs, 4000);
    assert.deepEqual(
      bars.map((b) => [b.id, b.left, b.width, b.durationMs]),
      [
        ['a', 0, 25, 1000],
        ['b', 25, 75, 3000],
      ],
    );
  });

  it('runs an unfinished step up to now and leaves out steps that never started', () => {
    const now = Date.parse('2026-01-01T00:00:10.000Z');
    const { bars } = timelineBars([step('a', 1, '2026-01-01T00:00:00.000Z', null, 'running'), step('b', 2, null, null, 'skipped')], now);
    assert.equal(bars.length, 1);
    assert.equal(bars[0]?.durationMs, 10_000);
  });

  it('keeps zero-length steps visible', () => {
    const { bars } = timelineBars([step('a', 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')], 0);
    assert.ok((bars[0]?.width ?? 0) >= 0.5);
  });
});
