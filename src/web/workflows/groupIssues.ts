import type { ValidationIssue } from '../api/workflowTypes.ts';

export interface GroupedIssues {
  byNode: Map<string, ValidationIssue[]>;
  /** By edge index in the definition (paths `edges.N…`). */
  byEdge: Map<number, ValidationIssue[]>;
  /** Problems of the whole workflow (no node, no edge). */
  general: ValidationIssue[];
}

/** Sorts validation problems by what they concern: an edge (by its path), a node, or the workflow. */
export function groupIssues(issues: readonly ValidationIssue[]): GroupedIssues {
  const out: GroupedIssues = { byNode: new Map(), byEdge: new Map(), general: [] };
  for (const issue of issues) {
    const edge = /^edges\.(\d+)(\.|$)/.exec(issue.path);
    if (edge) {
      const i = Number(edge[1]);
      out.byEdge.set(i, [...(out.byEdge.get(i) ?? []), issue]);
    } else if (issue.nodeId) {
      out.byNode.set(issue.nodeId, [...(out.byNode.get(issue.nodeId) ?? []), issue]);
    } else {
      out.general.push(issue);
    }
  }
  return out;
}
