import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { COLUMN_WIDTH, layoutGraph, ROW_HEIGHT } from './graphLayout.ts';

describe('layoutGraph', () => {
  it('puts each node one column after the furthest node before it', () => {
    const pos = layoutGraph(
      ['start', 'a', 'b', 'join'],
      [
        { from: 'start', to: 'a' },
        { from: 'a', to: 'b' },
        { from: 'start', to: 'join' },
        { from: 'b', to: 'join' },
      ],
    );
    assert.deepEqual(
      ['start', 'a', 'b', 'join'].map((id) => pos.get(id)?.x),
      [0, COLUMN_WIDTH, 2 * COLUMN_WIDTH, 3 * COLUMN_WIDTH],
    );
  });

  it('stacks the nodes of one column around row 0', () => {
    const pos = layoutGraph(
      ['start', 'yes', 'no'],
      [
        { from: 'start', to: 'yes' },
        { from: 'start', to: 'no' },
      ],
    );
    assert.equal(pos.get('start')?.y, 0);
    assert.equal(pos.get('yes')?.y, -ROW_HEIGHT / 2);
    assert.equal(pos.get('no')?.y, ROW_HEIGHT / 2);
  });

  it('still places every node when edges form a cycle or name missing nodes', () => {
    const pos = layoutGraph(
      ['a', 'b', 'c'],
      [
        { from: 'a', to: 'b' },
        { from: 'b', to: 'c' },
        { from: 'c', to: 'b' },
        { from: 'c', to: 'ghost' },
      ],
    );
    assert.equal(pos.size, 3);
    for (const p of pos.values()) assert.ok(Number.isFinite(p.x) && Number.isFinite(p.y));
  });
});
