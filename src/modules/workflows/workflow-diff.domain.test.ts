import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { workflowDefinition } from '../../engine/definition/workflow-definition.schemas.ts';
import { diffWorkflows } from './workflow-diff.domain.ts';

const v1 = workflowDefinition.parse({
  schemaVersion: 1,
  nodes: [
    { id: 'start', type: 'trigger.manual', name: 'Start', position: { x: 0, y: 0 } },
    { id: 'calc', type: 'logic.transform', name: 'Calc', config: { expression: 'a + 1' } },
    { id: 'old', type: 'logic.noop', name: 'Old' },
  ],
  edges: [
    { from: 'start', to: 'calc' },
    { from: 'calc', to: 'old' },
  ],
});

describe('diffWorkflows', () => {
  it('lists added, removed and changed nodes field by field, ignoring canvas moves', () => {
    const v2 = workflowDefinition.parse({
      ...v1,
      nodes: [
        { id: 'start', type: 'trigger.manual', name: 'Start', position: { x: 300, y: 90 } },
        { id: 'calc', type: 'logic.transform', name: 'Calculate', config: { expression: 'a + 2' } },
        { id: 'mail', type: 'logic.noop', name: 'Mail' },
      ],
      edges: [
        { from: 'start', to: 'calc' },
        { from: 'calc', to: 'mail', kind: 'branch', condition: 'a > 1' },
      ],
      settings: { timeoutMs: 1000 },
    });
    const diff = diffWorkflows(v1, v2);
    assert.deepEqual(diff.nodes.added, ['mail']);
    assert.deepEqual(diff.nodes.removed, ['old']);
    assert.deepEqual(diff.nodes.changed, [
      {
        id: 'calc',
        fields: [
          { path: 'name', before: 'Calc', after: 'Calculate' },
          { path: 'config.expression', before: 'a + 1', after: 'a + 2' },
        ],
      },
    ]);
    assert.deepEqual(diff.edges, { added: ['calc → mail (branch: a > 1)'], removed: ['calc → old'] });
    assert.deepEqual(diff.settings, [{ path: 'timeoutMs', before: null, after: 1000 }]);
  });

  it('finds nothing between a version and itself', () => {
    const diff = diffWorkflows(v1, v1);
    assert.deepEqual(diff, { nodes: { added: [], removed: [], changed: [] }, edges: { added: [], removed: [] }, settings: [] });
  });
});
