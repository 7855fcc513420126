export const COLUMN_WIDTH = 260;
export const ROW_HEIGHT = 120;

/**
 * Positions for a graph drawn left to right: each node's column is the length of the longest
 * path to it from a node without incoming edges (edges that would close a cycle are ignored);
 * nodes in a column are stacked in definition order, centred on row 0.
 */
export function layoutGraph(
  nodeIds: readonly string[],
  edges: readonly { from: string; to: string }[],
): Map<string, { x: number; y: number }> {
  const known = new Set(nodeIds);
  const out = new Map<string, string[]>();
  const indegree = new Map(nodeIds.map((id) => [id, 0]));
  for (const e of edges) {
    if (!known.has(e.from) || !known.has(e.to) || e.from === e.to) continue;
    out.set(e.from, [...(out.get(e.from) ?? []), e.to]);
    indegree.set(e.to, (indegree.get(e.to) ?? 0) + 1);
  }
  // Kahn's algorithm; nodes left over sit on a cycle and are placed after what precedes them.
  const column = new Map<string, number>();
  const queue = nodeIds.filter((id) => indegree.get(id) === 0);
  for (const id of queue) column.set(id, 0);
  const remaining = new Map(indegree);
  while (queue.length > 0) {
    const id = queue.shift() as string;
    for (const next of out.get(id) ?? []) {
      column.set(next, Math.max(column.get(next) ?? 0, (column.get(id) ?? 0) + 1));
      const left = (remaining.get(next) ?? 1) - 1;
      remaining.set(next, left);
      if (left === 0) queue.push(next);
    }
  }
  const columns = new Map<number, string[]>();
  for (const id of nodeIds) {
    const c = column.get(id) ?? 0;
    columns.set(c, [...(columns.get(c) ?? []), id]);
  }
  const positions = new Map<string, { x: number; y: number }>();
  for (const [c, ids] of columns) {
    ids.forEach((id, i) => {
      positions.set(id, { x: c * COLUMN_WIDTH, y: (i - (ids.length - 1) / 2) * ROW_HEIGHT });
    });
  }
  return positions;
}
