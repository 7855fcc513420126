import type { Edge, Node } from '@xyflow/react';
import type { EdgeKind, WorkflowDefinition, WorkflowEdge, WorkflowNode } from '../api/workflowTypes.ts';
import { layoutGraph } from './graphLayout.ts';

export type StepData = { step: Omit<WorkflowNode, 'position'> };
export type StepFlowNode = Node<StepData, 'step'>;
export type StepFlowEdge = Edge<{ edge: WorkflowEdge }>;

const EDGE_LOOK: Record<EdgeKind, { color: string; dashed: boolean; label: string }> = {
  default: { color: '#868e96', dashed: false, label: '' },
  branch: { color: '#1c7ed6', dashed: false, label: 'if' },
  loop: { color: '#7048e8', dashed: false, label: 'each item' },
  error: { color: '#e03131', dashed: true, label: 'on error' },
};

/** How an edge of a kind is drawn: colour, dash, and the label when it has none of its own. */
export function edgeLook(edge: WorkflowEdge): { color: string; dashed: boolean; label: string } {
  const look = EDGE_LOOK[edge.kind] ?? EDGE_LOOK.default;
  const label = edge.label || (edge.kind === 'branch' && edge.condition ? edge.condition : look.label);
  return { ...look, label: label.length > 40 ? `${label.slice(0, 39)}…` : label };
}

/** One workflow edge as a canvas edge. */
export function toFlowEdge(edge: WorkflowEdge, id: string): StepFlowEdge {
  const look = edgeLook(edge);
  return {
    id,
    source: edge.from,
    target: edge.to,
    data: { edge },
    label: look.label || undefined,
    animated: edge.kind === 'loop',
    style: { stroke: look.color, strokeWidth: 2, strokeDasharray: look.dashed ? '6 4' : undefined },
    labelStyle: { fill: look.color, fontWeight: 600 },
    ariaLabel: `${edge.kind === 'default' ? 'then' : edge.kind} edge from ${edge.from} to ${edge.to}`,
  };
}

/** A definition as canvas nodes and edges; nodes without a saved position are laid out. */
export function toFlow(definition: WorkflowDefinition): { nodes: StepFlowNode[]; edges: StepFlowEdge[] } {
  const layout = layoutGraph(
    definition.nodes.map((n) => n.id),
    definition.edges,
  );
  const nodes = definition.nodes.map(
    ({ position, ...step }): StepFlowNode => ({
      id: step.id,
      type: 'step',
      position: position ?? layout.get(step.id) ?? { x: 0, y: 0 },
      data: { step: { ...step, config: step.config ?? {} } },
    }),
  );
  const edges = definition.edges.map((e, i) => toFlowEdge({ ...e, kind: e.kind ?? 'default' }, `e${i}`));
  return { nodes, edges };
}

/** The canvas back as a definition (positions rounded to whole pixels). */
export function toDefinition(
  nodes: readonly StepFlowNode[],
  edges: readonly StepFlowEdge[],
  settings: Record<string, unknown>,
): WorkflowDefinition {
  return {
    schemaVersion: 1,
    nodes: nodes.map((n) => ({ ...n.data.step, position: { x: Math.round(n.position.x), y: Math.round(n.position.y) } })),
    edges: edges.flatMap((e) => (e.data ? [{ ...e.data.edge, from: e.source, to: e.target }] : [])),
    settings,
  };
}

/** A new node id from its type ("logic.transform" → "transform", "transform_2", …). */
export function uniqueNodeId(type: string, taken: ReadonlySet<string>): string {
  const last = type.split('.').pop() ?? 'step';
  let stem = last
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^[^a-z]+/, '');
  stem = (stem || 'step').slice(0, 56);
  if (!taken.has(stem)) return stem;
  for (let i = 2; ; i++) if (!taken.has(`${stem}_${i}`)) return `${stem}_${i}`;
}
