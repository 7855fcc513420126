import { type Connection, useEdgesState, useNodesState } from '@xyflow/react';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { EdgeKind, WorkflowDefinition, WorkflowEdge, WorkflowNode } from '../api/workflowTypes.ts';
import { type StepFlowEdge, type StepFlowNode, toDefinition, toFlow, toFlowEdge, uniqueNodeId } from './flowGraph.ts';
import { COLUMN_WIDTH } from './graphLayout.ts';

type Step = Omit<WorkflowNode, 'position'>;

/** The kind a new connection gets from its source: If/Switch branch, a Loop's first edge is its body. */
function defaultKind(source: StepFlowNode | undefined, edges: readonly StepFlowEdge[]): EdgeKind {
  const type = source?.data.step.type;
  if (type === 'logic.if' || type === 'logic.switch') return 'branch';
  if (type === 'logic.loop' && !edges.some((e) => e.source === source?.id && e.data?.edge.kind === 'loop')) return 'loop';
  return 'default';
}

/** The editor's graph: canvas nodes and edges as the source of truth, the definition derived from them. */
export function useEditorGraph(initial: WorkflowDefinition) {
  const start = useMemo(() => toFlow(initial), [initial]);
  const [nodes, setNodes, onNodesChange] = useNodesState<StepFlowNode>(start.nodes);
  const [edges, setEdges, onEdgesChange] = useEdgesState<StepFlowEdge>(start.edges);
  const [settings, setSettings] = useState<Record<string, unknown>>(initial.settings ?? {});
  const nextEdge = useRef(start.edges.length);

  const definition = useMemo(() => toDefinition(nodes, edges, settings), [nodes, edges, settings]);
  const selectedNode = nodes.find((n) => n.selected) ?? null;
  const selectedEdgeIndex = selectedNode ? -1 : edges.findIndex((e) => e.selected);
  const selectedEdge = selectedEdgeIndex >= 0 ? (edges[selectedEdgeIndex] ?? null) : null;

  const select = useCallback(
    (kind: 'node' | 'edge' | null, id: string | null) => {
      setNodes((ns) =>
        ns.map((n) => (n.selected === (kind === 'node' && n.id === id) ? n : { ...n, selected: kind === 'node' && n.id === id })),
      );
      setEdges((es) =>
        es.map((e) => (e.selected === (kind === 'edge' && e.id === id) ? e : { ...e, selected: kind === 'edge' && e.id === id })),
      );
    },
    [setNodes, setEdges],
  );

  const addStep = useCallback(
    (type: string, title: string, position?: { x: number; y: number }) => {
      const id = uniqueNodeId(type, new Set(nodes.map((n) => n.id)));
      const anchor =
        nodes.find((n) => n.selected) ??
        nodes.reduce<StepFlowNode | undefined>((a, n) => (!a || n.position.x > a.position.x ? n : a), undefined);
      const at = position ?? (anchor ? { x: anchor.position.x + COLUMN_WIDTH, y: anchor.position.y } : { x: 0, y: 0 });
      const node: StepFlowNode = { id, type: 'step', position: at, selected: true, data: { step: { id, type, name: title, config: {} } } };
      setNodes((ns) => [...ns.map((n) => (n.selected ? { ...n, selected: false } : n)), node]);
      setEdges((es) => es.map((e) => (e.selected ? { ...e, selected: false } : e)));
      return id;
    },
    [nodes, setNodes, setEdges],
  );

  const connect = useCallback(
    (from: string, to: string) => {
      if (from === to) return;
      const exists = edges.some((e) => e.source === from && e.target === to);
      if (exists) return;
      const edge: WorkflowEdge = {
        from,
        to,
        kind: defaultKind(
          nodes.find((n) => n.id === from),
          edges,
        ),
      };
      const id = `e${nextEdge.current++}`;
      setEdges((es) => [...es.map((e) => (e.selected ? { ...e, selected: false } : e)), { ...toFlowEdge(edge, id), selected: true }]);
      setNodes((ns) => ns.map((n) => (n.selected ? { ...n, selected: false } : n)));
    },
    [edges, nodes, setEdges, setNodes],
  );

  const onConnect = useCallback((c: Connection) => connect(c.source, c.target), [connect]);

  const updateStep = useCallback(
    (step: Step) => setNodes((ns) => ns.map((n) => (n.id === step.id ? { ...n, data: { ...n.data, step } } : n))),
    [setNodes],
  );

  const updateEdge = useCallback(
    (id: string, edge: WorkflowEdge) =>
      setEdges((es) =>
        es.map((e) => (e.id === id ? { ...toFlowEdge({ ...edge, from: e.source, to: e.target }, id), selected: e.selected } : e)),
      ),
    [setEdges],
  );

  const removeStep = useCallback(
    (id: string) => {
      setNodes((ns) => ns.filter((n) => n.id !== id));
      setEdges((es) => es.filter((e) => e.source !== id && e.target !== id));
    },
    [setNodes, setEdges],
  );

  const removeEdge = useCallback((id: string) => setEdges((es) => es.filter((e) => e.id !== id)), [setEdges]);

  return {
    nodes,
    edges,
    settings,
    setSettings,
    onNodesChange,
    onEdgesChange,
    onConnect,
    definition,
    selectedNode,
    selectedEdge,
    selectedEdgeIndex,
    select,
    addStep,
    connect,
    updateStep,
    updateEdge,
    removeStep,
    removeEdge,
  };
}
