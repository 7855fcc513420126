import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type DefinitionIssue, validateWorkflow } from './validate-workflow.domain.ts';

const node = (id: string, type: string) => ({ id, type, name: id });

/** Webhook → transform → if → (respond | notify); the transform has an error path. */
function orderFlow() {
  return {
    schemaVersion: 1,
    nodes: [
      node('order_received', 'trigger.webhook'),
      node('normalise', 'logic.transform'),
      node('is_large', 'logic.if'),
      node('notify_manager', 'connector.chat.send'),
      node('respond', 'logic.respond'),
      node('handle_error', 'human.exception'),
    ],
    edges: [
      { from: 'order_received', to: 'normalise' },
      { from: 'normalise', to: 'is_large' },
      { from: 'is_large', to: 'notify_manager', kind: 'branch', condition: 'total > 500' },
      { from: 'is_large', to: 'respond', kind: 'branch', condition: 'total <= 500' },
      { from: 'notify_manager', to: 'respond' },
      { from: 'normalise', to: 'handle_error', kind: 'error' },
    ],
  };
}

function issuesOf(input: unknown, options = {}): DefinitionIssue[] {
  const result = validateWorkflow(input, options);
  assert.equal(result.ok, false, 'expected the definition to be refused');
  return result.ok ? [] : result.issues;
}

describe('validateWorkflow', () => {
  it('accepts a well-formed workflow and fills defaults', () => {
    const result = validateWorkflow(orderFlow());
    assert.ok(result.ok);
    assert.equal(result.definition.edges[0]?.kind, 'default');
    assert.deepEqual(result.definition.nodes[0]?.config, {});
  });

  it('reports shape problems with the node id and the path', () => {
    const flow = orderFlow();
    (flow.nodes[1] as Record<string, unknown>).timeoutMs = -5;
    (flow.nodes[2] as Record<string, unknown>).name = '';
    const issues = issuesOf(flow);
    assert.deepEqual(
      issues.map((i) => [i.path, i.nodeId, i.code]),
      [
        ['nodes.1.timeoutMs', 'normalise', 'INVALID'],
        ['nodes.2.name', 'is_large', 'INVALID'],
      ],
    );
  });

  it('refuses ids that cannot be used in expressions', () => {
    const flow = orderFlow();
    flow.nodes[1] = node('Normalise Order', 'logic.transform');
    assert.equal(issuesOf(flow)[0]?.path, 'nodes.1.id');
  });

  it('needs exactly one trigger and nothing leading into it', () => {
    const none = orderFlow();
    none.nodes[0] = node('order_received', 'logic.transform');
    assert.ok(issuesOf(none).some((i) => i.code === 'NO_TRIGGER' && i.path === 'nodes'));
    const two = orderFlow();
    two.nodes.push(node('nightly', 'trigger.schedule'));
    two.edges.push({ from: 'respond', to: 'order_received' });
    const codes = issuesOf(two).map((i) => `${i.code}@${i.path}`);
    assert.ok(codes.includes('MANY_TRIGGERS@nodes.6.type'));
    assert.ok(codes.includes('EDGE_INTO_TRIGGER@edges.6.to'));
  });

  it('names edges to missing nodes, duplicates and self edges', () => {
    const flow = orderFlow();
    flow.edges.push({ from: 'respond', to: 'ghost' }, { from: 'normalise', to: 'is_large' }, { from: 'respond', to: 'respond' });
    flow.nodes.push(node('normalise', 'logic.transform'));
    const got = issuesOf(flow).map((i) => `${i.code}@${i.path}`);
    for (const expected of ['UNKNOWN_NODE@edges.6.to', 'DUPLICATE_EDGE@edges.7', 'SELF_EDGE@edges.8', 'DUPLICATE_NODE@nodes.6.id']) {
      assert.ok(got.includes(expected), `${expected} in ${got.join(', ')}`);
    }
  });

  it('puts conditions on branch edges only', () => {
    const flow = orderFlow();
    delete (flow.edges[2] as { condition?: string }).condition;
    (flow.edges[0] as { condition?: string }).condition = 'true';
    const got = issuesOf(flow).map((i) => `${i.code}@${i.path}`);
    assert.deepEqual(got.sort(), ['CONDITION_NOT_ALLOWED@edges.0.condition', 'CONDITION_REQUIRED@edges.2.condition']);
  });

  it('allows loop edges only from loop nodes, exactly one body each', () => {
    const flow = orderFlow();
    flow.nodes.push(node('each_line', 'logic.loop'), node('check_line', 'logic.transform'));
    flow.edges.push({ from: 'normalise', to: 'each_line' }, { from: 'respond', to: 'check_line', kind: 'loop' });
    const got = issuesOf(flow).map((i) => `${i.code}@${i.path}`);
    assert.ok(got.includes('LOOP_FROM_NON_LOOP@edges.7.from'));
    assert.ok(got.includes('LOOP_BODY_COUNT@nodes.6'));
    const fixed = orderFlow();
    fixed.nodes.push(node('each_line', 'logic.loop'), node('check_line', 'logic.transform'));
    fixed.edges.push({ from: 'normalise', to: 'each_line' }, { from: 'each_line', to: 'check_line', kind: 'loop' });
    assert.ok(validateWorkflow(fixed).ok);
  });

  it('gives a step at most one error path, and the trigger none', () => {
    const flow = orderFlow();
    flow.edges.push({ from: 'normalise', to: 'respond', kind: 'error' }, { from: 'order_received', to: 'handle_error', kind: 'error' });
    const got = issuesOf(flow).map((i) => `${i.code}@${i.path}`);
    assert.ok(got.includes('MANY_ERROR_EDGES@edges.6'));
    assert.ok(got.includes('ERROR_FROM_TRIGGER@edges.7.kind'));
  });

  it('refuses cycles and shows the path', () => {
    const flow = orderFlow();
    flow.edges.push({ from: 'respond', to: 'normalise' });
    const cycle = issuesOf(flow).find((i) => i.code === 'CYCLE');
    assert.equal(cycle?.path, 'edges.6');
    assert.match(cycle?.message ?? '', /normalise → is_large → (notify_manager → )?respond → normalise/);
  });

  it('reports steps not connected to the trigger', () => {
    const flow = orderFlow();
    flow.nodes.push(node('orphan', 'logic.transform'));
    const got = issuesOf(flow);
    assert.deepEqual(
      got.map((i) => [i.code, i.path, i.nodeId]),
      [['UNREACHABLE', 'nodes.6', 'orphan']],
    );
  });

  it('checks node types against the registry when given one', () => {
    const known = new Set(['trigger.webhook', 'logic.transform', 'logic.if', 'logic.respond', 'human.exception']);
    const got = issuesOf(orderFlow(), { isKnownType: (t: string) => known.has(t) });
    assert.deepEqual(
      got.map((i) => [i.code, i.path, i.nodeId]),
      [['UNKNOWN_TYPE', 'nodes.3.type', 'notify_manager']],
    );
  });

  it('reports every problem at once, not only the first', () => {
    const flow = orderFlow();
    flow.edges.push({ from: 'respond', to: 'ghost' });
    flow.nodes.push(node('orphan', 'logic.transform'));
    delete (flow.edges[3] as { condition?: string }).condition;
    assert.equal(issuesOf(flow).length, 3);
  });
});
