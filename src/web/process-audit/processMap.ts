/** A process map (directly-follows graph) for drawing, like Disco's: pruned by two sliders, laid out top to bottom. */

export interface MapActivity {
  name: string;
  events: number;
  starts: number;
  ends: number;
}
export interface MapEdge {
  source: string;
  target: string;
  count: number;
  meanSeconds: number;
  medianSeconds: number;
}
export interface MapNode {
  id: string;
  label: string;
  events: number;
  kind: 'start' | 'end' | 'activity';
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface MapLink {
  from: string;
  to: string;
  count: number;
  meanSeconds: number | null;
  /** 1–8 px, by count relative to the busiest edge. */
  width: number;
  /** An edge going back up (a loop or rework). */
  back: boolean;
}

export const START = '▶ start';
export const END = '■ end';
const NODE_W = 180;
const NODE_H = 44;
const GAP_X = 60;
const GAP_Y = 70;

/**
 * Prunes and lays out the map:
 * - activities: the most frequent `activityShare` (0–1) of them by events (at least one);
 * - paths: among edges between kept activities, the most frequent `pathShare` of them, plus each
 *   kept activity's strongest incoming and outgoing edge so nothing floats unconnected; with a
 *   start node (edges to activities cases start with) and an end node;
 * - layout: a depth-first walk from the start along the most frequent edges marks edges that
 *   return to an activity still on the walk as back edges (loops, rework); each node's row is the
 *   longest path to it over the other edges; nodes of a row sit side by side, busiest first.
 */
export function buildProcessMap(activities: readonly MapActivity[], dfg: readonly MapEdge[], activityShare: number, pathShare: number) {
  const ranked = [...activities].sort((a, b) => b.events - a.events || (a.name < b.name ? -1 : 1));
  const keptNames = new Set(ranked.slice(0, Math.max(1, Math.ceil(ranked.length * clamp(activityShare)))).map((a) => a.name));
  const inner = dfg.filter((e) => keptNames.has(e.source) && keptNames.has(e.target)).sort((a, b) => b.count - a.count);
  const chosen = new Set(inner.slice(0, Math.ceil(inner.length * clamp(pathShare))));
  for (const name of keptNames) {
    const strongestOut = inner.find((e) => e.source === name && e.target !== name);
    const strongestIn = inner.find((e) => e.target === name && e.source !== name);
    if (strongestOut) chosen.add(strongestOut);
    if (strongestIn) chosen.add(strongestIn);
  }
  const links: MapLink[] = [];
  for (const a of ranked) {
    if (!keptNames.has(a.name)) continue;
    if (a.starts > 0) links.push({ from: START, to: a.name, count: a.starts, meanSeconds: null, width: 1, back: false });
    if (a.ends > 0) links.push({ from: a.name, to: END, count: a.ends, meanSeconds: null, width: 1, back: false });
  }
  for (const e of inner)
    if (chosen.has(e)) links.push({ from: e.source, to: e.target, count: e.count, meanSeconds: e.meanSeconds, width: 1, back: false });
  const busiest = Math.max(1, ...links.map((l) => l.count));
  for (const l of links) l.width = 1 + 7 * (l.count / busiest);

  // Back edges: a depth-first walk from the start, following the most frequent edges first.
  const out = new Map<string, MapLink[]>();
  for (const l of links) out.set(l.from, [...(out.get(l.from) ?? []), l]);
  for (const list of out.values()) list.sort((a, b) => b.count - a.count);
  const state = new Map<string, 'open' | 'done'>();
  const visit = (id: string) => {
    state.set(id, 'open');
    for (const l of out.get(id) ?? []) {
      const s = state.get(l.to);
      if (s === 'open' || l.from === l.to) l.back = true;
      else if (s === undefined) visit(l.to);
    }
    state.set(id, 'done');
  };
  visit(START);
  for (const a of ranked) if (keptNames.has(a.name) && !state.has(a.name)) visit(a.name);

  // Rows: longest path over forward edges.
  const ids = [START, ...ranked.filter((a) => keptNames.has(a.name)).map((a) => a.name), END];
  const row = new Map(ids.map((id) => [id, 0]));
  for (let pass = 0; pass < ids.length; pass++) {
    let changed = false;
    for (const l of links) {
      if (l.back) continue;
      const next = (row.get(l.from) ?? 0) + 1;
      if (next > (row.get(l.to) ?? 0)) {
        row.set(l.to, next);
        changed = true;
      }
    }
    if (!changed) break;
  }
  const lastRow = Math.max(...ids.filter((id) => id !== END).map((id) => row.get(id) ?? 0)) + 1;
  row.set(END, lastRow);
  const rows = new Map<number, string[]>();
  for (const id of ids) rows.set(row.get(id) ?? 0, [...(rows.get(row.get(id) ?? 0) ?? []), id]);
  const widest = Math.max(...[...rows.values()].map((r) => r.length));
  const events = new Map(activities.map((a) => [a.name, a.events]));
  const nodes: MapNode[] = [];
  for (const [r, members] of rows) {
    const offset = ((widest - members.length) * (NODE_W + GAP_X)) / 2;
    members.forEach((id, i) => {
      const kind = id === START ? 'start' : id === END ? 'end' : 'activity';
      nodes.push({
        id,
        label: id,
        events: kind === 'activity' ? (events.get(id) ?? 0) : 0,
        kind,
        x: offset + i * (NODE_W + GAP_X),
        y: r * (NODE_H + GAP_Y),
        width: NODE_W,
        height: NODE_H,
      });
    });
  }
  return {
    nodes,
    links,
    width: widest * (NODE_W + GAP_X) - GAP_X,
    height: (lastRow + 1) * (NODE_H + GAP_Y) - GAP_Y,
    shown: { activities: keptNames.size, of: activities.length, paths: chosen.size, ofPaths: dfg.length },
  };
}

const clamp = (share: number) => Math.min(1, Math.max(0, share));

/** A duration for a map label: "45 s", "12 min", "3.5 h", "2.1 d". */
export function shortDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '';
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  if (seconds < 86_400) return `${Math.round((seconds / 3600) * 10) / 10} h`;
  return `${Math.round((seconds / 86_400) * 10) / 10} d`;
}

/** Rows as CSV text (RFC 4180 quoting), for the tables' export buttons. */
export function toCsv(rows: readonly Record<string, unknown>[], columns: readonly string[]): string {
  const cell = (v: unknown) => {
    const s = v === null || v === undefined ? '' : Array.isArray(v) ? v.join(' → ') : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return [columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))].join('\r\n');
}

/**
 * The heuristics miner's dependency graph as map edges: its kept edges only, each with its
 * directly-follows count, and its dependency value carried in `meanSeconds` for the label.
 */
export function dependencyEdges(kept: readonly { source: string; target: string; dependency: number; count: number }[]): MapEdge[] {
  return kept.map((e) => ({ source: e.source, target: e.target, count: e.count, meanSeconds: e.dependency, medianSeconds: e.dependency }));
}
