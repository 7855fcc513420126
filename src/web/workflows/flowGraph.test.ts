import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { WorkflowDefinition } from '../api/workflowTypes.ts';
import { edgeLook, toDefinition, toFlow, uniqueNodeId } from './flowGraph.ts';

const definition: WorkflowDefinition = {
  schemaVersion: 1,
  nodes: [
    { id: 'hook', type: 'trigger.webhook', name: 'Order', config: { path: 'orders' }, position: { x: 10, y: 20 } },
    { id: 'big', type: 'logic.if', name: 'Big?', config: {} },
  ],
  edges: [{ from: 'hook', to: 'big', kind: 'branch', condition: 'total > 500' }],
  settings: { timeoutMs: 1000 },
};

describe('toFlow and toDefinition', () => {
  it('round-trips a definition, laying out nodes without a position', () => {
    const { nodes, edges } = toFlow(definition);
    assert.deepEqual(nodes[0]?.position, { x: 10, y: 20 });
    assert.ok(nodes[1] && nodes[1].position.x > 0);
    const back = toDefinition(nodes, edges, definition.settings);
    assert.deepEqual(back.edges, definition.edges);
    assert.deepEqual(back.nodes[0], definition.nodes[0]);
    assert.deepEqual(back.settings, { timeoutMs: 1000 });
  });

  it('follows edges reconnected on the canvas', () => {
    const { nodes, edges } = toFlow(definition);
    const moved = edges.map((e) => ({ ...e, source: 'big', target: 'hook' }));
    assert.deepEqual(toDefinition(nodes, moved, {}).edges[0], { from: 'big', to: 'hook', kind: 'branch', condition: 'total > 500' });
  });
});

describe('edgeLook', () => {
  it('labels branches with their condition and error paths as such', () => {
    assert.equal(edgeLook({ from: 'a', to: 'b', kind: 'branch', condition: 'x > 1' }).label, 'x > 1');
    const error = edgeLook({ from: 'a', to: 'b', kind: 'error' });
    assert.deepEqual([error.label, error.dashed], ['on error', true]);
    assert.equal(edgeLook({ from: 'a', to: 'b', kind: 'default', label: 'yes' }).label, 'yes');
  });
});

describe('uniqueNodeId', () => {
  it('derives ids from the type and numbers repeats', () => {
    assert.equal(uniqueNodeId('logic.transform', new Set()), 'transform');
    assert.equal(uniqueNodeId('logic.transform', new Set(['transform', 'transform_2'])), 'transform_3');
    assert.equal(uniqueNodeId('connector.http.request', new Set()), 'request');
    assert.equal(uniqueNodeId('connector.x.2fa-check', new Set()), 'fa_check');
  });
});
