import type { WorkflowDefinition, WorkflowEdge, WorkflowNode } from '../definition/workflow-definition.schemas.ts';

/** An edge with its position in the definition (decisions store edge indexes). */
export interface GraphEdge extends WorkflowEdge {
  index: number;
}

/**
 * A validated definition prepared for execution: edges by node, the trigger, and each loop's
 * body (the nodes reachable from its loop edge). Nodes outside every loop body form the root
 * scope; a loop body's nodes run once per item, in the item's scope.
 */
export interface RunGraph {
  definition: WorkflowDefinition;
  nodes: Map<string, WorkflowNode>;
  trigger: WorkflowNode;
  incoming: Map<string, GraphEdge[]>;
  outgoing: Map<string, GraphEdge[]>;
  /** Loop node → the first node of its body. */
  loopEntry: Map<string, string>;
  /** Loop node → its body's nodes (not those of nested loops). */
  loopBody: Map<string, string[]>;
  /** Node → the loop whose body it is in (absent for the root scope). */
  ownerLoop: Map<string, string>;
  /** Nodes in the root scope, in definition order. */
  rootNodes: string[];
}

/** Builds the execution graph; `validateWorkflow` has already accepted the definition. */
export function compileGraph(definition: WorkflowDefinition): RunGraph {
  const nodes = new Map(definition.nodes.map((n) => [n.id, n]));
  const incoming = new Map<string, GraphEdge[]>();
  const outgoing = new Map<string, GraphEdge[]>();
  for (const n of definition.nodes) {
    incoming.set(n.id, []);
    outgoing.set(n.id, []);
  }
  const loopEntry = new Map<string, string>();
  definition.edges.forEach((edge, index) => {
    const e = { ...edge, index };
    outgoing.get(edge.from)?.push(e);
    if (edge.kind === 'loop') loopEntry.set(edge.from, edge.to);
    else incoming.get(edge.to)?.push(e);
  });
  const trigger = definition.nodes.find((n) => n.type.startsWith('trigger.'));
  if (!trigger) throw new Error('compileGraph: no trigger (validate first)');

  const ownerLoop = new Map<string, string>();
  const loopBody = new Map<string, string[]>();
  for (const [loop, entry] of loopEntry) {
    const body: string[] = [];
    const queue = [entry];
    const seen = new Set<string>();
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      if (seen.has(id)) continue;
      seen.add(id);
      body.push(id);
      for (const e of outgoing.get(id) ?? []) if (e.kind !== 'loop') queue.push(e.to);
    }
    loopBody.set(loop, body);
  }
  // Innermost ownership: a nested loop's body claims its nodes after the outer one did.
  const depth = (loop: string): number => {
    let d = 0;
    for (const [other, body] of loopBody) if (other !== loop && body.includes(loop)) d += 1;
    return d;
  };
  const loopsByDepth = [...loopBody.keys()].sort((a, b) => depth(a) - depth(b));
  for (const loop of loopsByDepth) for (const id of loopBody.get(loop) ?? []) ownerLoop.set(id, loop);
  for (const loop of loopsByDepth) {
    loopBody.set(
      loop,
      (loopBody.get(loop) ?? []).filter((id) => ownerLoop.get(id) === loop),
    );
  }
  const rootNodes = definition.nodes.map((n) => n.id).filter((id) => !ownerLoop.has(id));
  return { definition, nodes, trigger, incoming, outgoing, loopEntry, loopBody, ownerLoop, rootNodes };
}

/** Problems a graph can have that the shape checks do not see: edges into or out of a loop body. */
export function loopBodyIssues(graph: RunGraph): { path: string; nodeId: string; message: string }[] {
  const issues: { path: string; nodeId: string; message: string }[] = [];
  for (const edge of graph.definition.edges.map((e, index) => ({ ...e, index }))) {
    if (edge.kind === 'loop') continue;
    if (graph.ownerLoop.get(edge.from) !== graph.ownerLoop.get(edge.to)) {
      issues.push({
        path: `edges.${edge.index}`,
        nodeId: edge.from,
        message: `"${edge.from}" and "${edge.to}" are in different loop bodies; a loop body is entered only by its loop edge and continues after the loop node.`,
      });
    }
  }
  return issues;
}

/** What the run knows about a step in a scope. */
export interface StepView {
  status: 'running' | 'succeeded' | 'failed' | 'waiting' | 'retrying' | 'skipped' | 'cancelled' | 'looping';
  /** Edge indexes taken when the step finished (success, handled failure or skip = none). */
  taken: number[];
  nextAt: string | null;
}

export const TERMINAL: ReadonlySet<StepView['status']> = new Set(['succeeded', 'failed', 'skipped', 'cancelled']);

/** `scope` is '' at the root, `loop:3` for item 3 of `loop`, `outer:1/inner:2` nested. */
export const stepKey = (nodeId: string, scope: string) => `${scope}|${nodeId}`;
export const childScope = (scope: string, loop: string, index: number) => (scope ? `${scope}/${loop}:${index}` : `${loop}:${index}`);

export type Action =
  | { kind: 'run'; nodeId: string; scope: string; from: GraphEdge[] }
  | { kind: 'skip'; nodeId: string; scope: string }
  | { kind: 'resume'; nodeId: string; scope: string }
  | { kind: 'finish-loop'; nodeId: string; scope: string };

export interface LoopProgress {
  count: number;
  concurrency: number;
}

/**
 * The next things a run can do now: steps whose incoming edges are all decided (run when any
 * was taken, skip when none was: dead paths propagate, so branches merge without waiting
 * forever), waits and retries that are due, and loops whose items are all done. A node with
 * several incoming edges therefore waits for all of its live predecessors (wait-for-all).
 * Loop items open in order, at most `concurrency` unfinished at a time.
 */
export function nextActions(
  graph: RunGraph,
  steps: ReadonlyMap<string, StepView>,
  loops: ReadonlyMap<string, LoopProgress>,
  now: string,
): Action[] {
  const actions: Action[] = [];
  const visitScope = (nodeIds: string[], scope: string, entry: string | null) => {
    for (const id of nodeIds) {
      const key = stepKey(id, scope);
      const step = steps.get(key);
      if (step) {
        if ((step.status === 'waiting' || step.status === 'retrying') && step.nextAt !== null && step.nextAt <= now) {
          actions.push({ kind: 'resume', nodeId: id, scope });
        } else if (step.status === 'looping') {
          const progress = loops.get(key);
          if (progress) visitLoop(id, scope, progress);
        }
        continue;
      }
      if (id === entry) {
        actions.push({ kind: 'run', nodeId: id, scope, from: [] });
        continue;
      }
      if (id === graph.trigger.id) continue;
      const edges = graph.incoming.get(id) ?? [];
      let decided = true;
      const taken: GraphEdge[] = [];
      for (const edge of edges) {
        const source = steps.get(stepKey(edge.from, scope));
        if (!source || !TERMINAL.has(source.status)) {
          decided = false;
          break;
        }
        if (source.taken.includes(edge.index)) taken.push(edge);
      }
      if (!decided) continue;
      actions.push(taken.length > 0 ? { kind: 'run', nodeId: id, scope, from: taken } : { kind: 'skip', nodeId: id, scope });
    }
  };
  const visitLoop = (loop: string, scope: string, progress: LoopProgress) => {
    const body = graph.loopBody.get(loop) ?? [];
    const entry = graph.loopEntry.get(loop) ?? null;
    let unfinished = 0;
    for (let i = 0; i < progress.count; i++) {
      const item = childScope(scope, loop, i);
      const done = body.every((id) => {
        const s = steps.get(stepKey(id, item));
        return s !== undefined && TERMINAL.has(s.status);
      });
      if (done) continue;
      const started = body.some((id) => steps.has(stepKey(id, item)));
      if (!started && unfinished >= progress.concurrency) {
        unfinished += 1;
        continue;
      }
      unfinished += 1;
      visitScope(body, item, entry);
    }
    if (unfinished === 0) actions.push({ kind: 'finish-loop', nodeId: loop, scope });
  };
  visitScope(graph.rootNodes, '', null);
  return actions;
}

/** Output of a loop item: the output of the body step that finished last (by sequence). */
export function itemResultNode(graph: RunGraph, loop: string): string[] {
  const body = graph.loopBody.get(loop) ?? [];
  return body.filter((id) => (graph.outgoing.get(id) ?? []).every((e) => e.kind === 'error'));
}
