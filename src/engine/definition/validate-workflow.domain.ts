import { type WorkflowDefinition, workflowDefinition } from './workflow-definition.schemas.ts';

export interface DefinitionIssue {
  /** Dotted path into the definition, e.g. `nodes.3.config` or `edges.1.to`. */
  path: string;
  /** The node the problem is about, when there is one. */
  nodeId: string | null;
  code:
    | 'INVALID'
    | 'DUPLICATE_NODE'
    | 'NO_TRIGGER'
    | 'MANY_TRIGGERS'
    | 'UNKNOWN_NODE'
    | 'UNKNOWN_TYPE'
    | 'EDGE_INTO_TRIGGER'
    | 'SELF_EDGE'
    | 'DUPLICATE_EDGE'
    | 'CONDITION_REQUIRED'
    | 'CONDITION_NOT_ALLOWED'
    | 'LOOP_FROM_NON_LOOP'
    | 'LOOP_BODY_COUNT'
    | 'ERROR_FROM_TRIGGER'
    | 'MANY_ERROR_EDGES'
    | 'CYCLE'
    | 'UNREACHABLE';
  message: string;
}

export type ValidationResult = { ok: true; definition: WorkflowDefinition } | { ok: false; issues: DefinitionIssue[] };

export interface ValidateOptions {
  /** Whether a node type exists (the step registry); unchecked when omitted. */
  isKnownType?: (type: string) => boolean;
}

const isTrigger = (type: string) => type.startsWith('trigger.');

/**
 * Checks a workflow definition: its shape (zod), then the graph — one trigger with no edges
 * into it; edges between existing nodes; conditions exactly on branch edges; loop edges only
 * from `logic.loop` nodes, one body each; at most one error edge per step; no cycles (a loop
 * body returns to its loop node implicitly); every node reachable from the trigger. Every
 * problem is reported with its path and node, not only the first.
 *
 * @example
 * const result = validateWorkflow(JSON.parse(body), { isKnownType: (t) => registry.has(t) });
 * if (!result.ok) throw invalidWorkflow(result.issues);
 */
export function validateWorkflow(input: unknown, options: ValidateOptions = {}): ValidationResult {
  const parsed = workflowDefinition.safeParse(input);
  if (!parsed.success) {
    const nodes = (input as { nodes?: { id?: unknown }[] } | null)?.nodes;
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => {
        const [first, index] = issue.path;
        const node = first === 'nodes' && typeof index === 'number' && Array.isArray(nodes) ? nodes[index] : undefined;
        return {
          path: issue.path.join('.'),
          nodeId: typeof node?.id === 'string' ? node.id : null,
          code: 'INVALID' as const,
          message: issue.message,
        };
      }),
    };
  }
  const def = parsed.data;
  const issues: DefinitionIssue[] = [];
  const add = (path: string, nodeId: string | null, code: DefinitionIssue['code'], message: string) =>
    issues.push({ path, nodeId, code, message });

  const byId = new Map<string, { index: number; type: string }>();
  def.nodes.forEach((node, i) => {
    if (byId.has(node.id)) add(`nodes.${i}.id`, node.id, 'DUPLICATE_NODE', `Another node already has the id "${node.id}".`);
    else byId.set(node.id, { index: i, type: node.type });
    if (options.isKnownType && !options.isKnownType(node.type))
      add(`nodes.${i}.type`, node.id, 'UNKNOWN_TYPE', `There is no step type "${node.type}".`);
  });

  const triggers = def.nodes.map((n, i) => ({ n, i })).filter(({ n }) => isTrigger(n.type));
  if (triggers.length === 0) add('nodes', null, 'NO_TRIGGER', 'Add a trigger: how does a run start (manual, webhook, schedule, e-mail…)?');
  for (const { n, i } of triggers.slice(1))
    add(`nodes.${i}.type`, n.id, 'MANY_TRIGGERS', 'A workflow has one trigger; start another workflow for another trigger.');

  const seenEdges = new Set<string>();
  const errorEdgesFrom = new Map<string, number>();
  const loopEdgesFrom = new Map<string, number>();
  const valid: { from: string; to: string; index: number }[] = [];
  def.edges.forEach((edge, i) => {
    const from = byId.get(edge.from);
    const to = byId.get(edge.to);
    if (!from) add(`edges.${i}.from`, edge.from, 'UNKNOWN_NODE', `No node "${edge.from}".`);
    if (!to) add(`edges.${i}.to`, edge.to, 'UNKNOWN_NODE', `No node "${edge.to}".`);
    if (edge.from === edge.to) add(`edges.${i}`, edge.from, 'SELF_EDGE', 'An edge cannot lead back to its own node; use a loop node.');
    const key = `${edge.from}>${edge.to}>${edge.kind}>${edge.condition ?? ''}`;
    if (seenEdges.has(key)) add(`edges.${i}`, edge.from, 'DUPLICATE_EDGE', 'The same edge is there twice.');
    seenEdges.add(key);
    if (to && isTrigger(to.type)) add(`edges.${i}.to`, edge.to, 'EDGE_INTO_TRIGGER', 'Nothing can lead into the trigger.');
    if (edge.kind === 'branch' && !edge.condition)
      add(`edges.${i}.condition`, edge.from, 'CONDITION_REQUIRED', 'A branch needs a condition.');
    if (edge.kind !== 'branch' && edge.condition)
      add(`edges.${i}.condition`, edge.from, 'CONDITION_NOT_ALLOWED', 'Only branch edges have a condition.');
    if (edge.kind === 'loop') {
      if (from && from.type !== 'logic.loop') add(`edges.${i}.from`, edge.from, 'LOOP_FROM_NON_LOOP', 'Loop edges start at a loop node.');
      loopEdgesFrom.set(edge.from, (loopEdgesFrom.get(edge.from) ?? 0) + 1);
    }
    if (edge.kind === 'error') {
      if (from && isTrigger(from.type)) add(`edges.${i}.kind`, edge.from, 'ERROR_FROM_TRIGGER', 'A trigger has no error path.');
      const count = (errorEdgesFrom.get(edge.from) ?? 0) + 1;
      errorEdgesFrom.set(edge.from, count);
      if (count > 1) add(`edges.${i}`, edge.from, 'MANY_ERROR_EDGES', 'A step has at most one error path.');
    }
    if (from && to && edge.from !== edge.to) valid.push({ from: edge.from, to: edge.to, index: i });
  });
  def.nodes.forEach((node, i) => {
    if (node.type === 'logic.loop' && (loopEdgesFrom.get(node.id) ?? 0) !== 1) {
      add(`nodes.${i}`, node.id, 'LOOP_BODY_COUNT', 'A loop node needs exactly one loop edge into its body.');
    }
  });

  const out = new Map<string, { to: string; index: number }[]>();
  for (const e of valid) out.set(e.from, [...(out.get(e.from) ?? []), { to: e.to, index: e.index }]);
  for (const cycle of findCycleEdges(out)) {
    add(
      `edges.${cycle.index}`,
      cycle.from,
      'CYCLE',
      `This edge closes a cycle (${cycle.path.join(' → ')}); repeat work with a loop node instead.`,
    );
  }

  const trigger = triggers[0]?.n.id;
  if (trigger) {
    const reached = new Set([trigger]);
    const queue = [trigger];
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      for (const next of out.get(id) ?? []) {
        if (!reached.has(next.to)) {
          reached.add(next.to);
          queue.push(next.to);
        }
      }
    }
    def.nodes.forEach((node, i) => {
      if (!reached.has(node.id) && byId.get(node.id)?.index === i)
        add(`nodes.${i}`, node.id, 'UNREACHABLE', 'Not connected to the trigger: this step would never run.');
    });
  }

  return issues.length === 0 ? { ok: true, definition: def } : { ok: false, issues };
}

/** Edges that close a cycle (back edges of a depth-first search), with the cycle's path. */
function findCycleEdges(out: Map<string, { to: string; index: number }[]>): { index: number; from: string; path: string[] }[] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const found: { index: number; from: string; path: string[] }[] = [];
  const visit = (id: string) => {
    state.set(id, 'open');
    stack.push(id);
    for (const edge of out.get(id) ?? []) {
      const s = state.get(edge.to);
      if (s === 'open') found.push({ index: edge.index, from: id, path: [...stack.slice(stack.indexOf(edge.to)), edge.to] });
      else if (s === undefined) visit(edge.to);
    }
    stack.pop();
    state.set(id, 'done');
  };
  for (const id of out.keys()) if (!state.has(id)) visit(id);
  return found;
}
