import type { WorkflowDefinition } from '../../engine/definition/workflow-definition.schemas.ts';

export interface FieldChange {
  path: string;
  before: unknown;
  after: unknown;
}

export interface WorkflowDiff {
  nodes: { added: string[]; removed: string[]; changed: { id: string; fields: FieldChange[] }[] };
  edges: { added: string[]; removed: string[] };
  settings: FieldChange[];
}

const edgeLabel = (e: WorkflowDefinition['edges'][number]) =>
  `${e.from} → ${e.to}${e.kind === 'default' ? '' : ` (${e.kind}${e.condition ? `: ${e.condition}` : ''})`}`;

/** Leaf-level differences between two JSON values, as dotted paths (positions are ignored by callers). */
function fieldChanges(before: unknown, after: unknown, path: string, out: FieldChange[]): void {
  if (JSON.stringify(before) === JSON.stringify(after)) return;
  const isObj = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (isObj(before) && isObj(after)) {
    const b = before as Record<string, unknown>;
    const a = after as Record<string, unknown>;
    for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) fieldChanges(b[key], a[key], path ? `${path}.${key}` : key, out);
    return;
  }
  out.push({ path, before: before ?? null, after: after ?? null });
}

/**
 * What changed between two versions of a workflow, for people: nodes added, removed and
 * changed (field by field; moving a node on the canvas is not a change), edges added and
 * removed, settings changed.
 */
export function diffWorkflows(before: WorkflowDefinition, after: WorkflowDefinition): WorkflowDiff {
  const b = new Map(before.nodes.map((n) => [n.id, n]));
  const a = new Map(after.nodes.map((n) => [n.id, n]));
  const changed: WorkflowDiff['nodes']['changed'] = [];
  for (const [id, node] of a) {
    const old = b.get(id);
    if (!old) continue;
    const fields: FieldChange[] = [];
    fieldChanges({ ...old, position: undefined }, { ...node, position: undefined }, '', fields);
    if (fields.length > 0) changed.push({ id, fields });
  }
  const be = new Set(before.edges.map(edgeLabel));
  const ae = new Set(after.edges.map(edgeLabel));
  const settings: FieldChange[] = [];
  fieldChanges(before.settings, after.settings, '', settings);
  return {
    nodes: { added: [...a.keys()].filter((id) => !b.has(id)), removed: [...b.keys()].filter((id) => !a.has(id)), changed },
    edges: { added: [...ae].filter((e) => !be.has(e)), removed: [...be].filter((e) => !ae.has(e)) },
    settings,
  };
}
