import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { groupIssues } from './groupIssues.ts';

describe('groupIssues', () => {
  it('files problems under their edge, their node, or the whole workflow', () => {
    const grouped = groupIssues([
      { path: 'edges.2.condition', nodeId: 'is_large', code: 'CONDITION_REQUIRED', message: 'needs a condition' },
      { path: 'nodes.1.config.expression', nodeId: 'normalise', code: 'INVALID', message: 'required' },
      { path: 'nodes', nodeId: null, code: 'NO_TRIGGER', message: 'no trigger' },
      { path: 'edges.12', nodeId: null, code: 'CYCLE', message: 'cycle' },
    ]);
    assert.deepEqual([...grouped.byEdge.keys()], [2, 12]);
    assert.deepEqual([...grouped.byNode.keys()], ['normalise']);
    assert.deepEqual(
      grouped.general.map((i) => i.code),
      ['NO_TRIGGER'],
    );
  });
});
