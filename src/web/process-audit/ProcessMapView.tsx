import { Button, Card, Group, SegmentedControl, Slider, Stack, Text } from '@mantine/core';
import { useMemo, useRef, useState } from 'react';
import type { Analysis } from './processAuditTypes.ts';
import { buildProcessMap, dependencyEdges, type MapLink, type MapNode, shortDuration } from './processMap.ts';

const PAD = 40;

function center(n: MapNode, side: 'top' | 'bottom') {
  return { x: n.x + n.width / 2, y: side === 'top' ? n.y : n.y + n.height };
}

/** An edge's path: down with a curve; back edges swing out to the right of both nodes. */
function edgePath(from: MapNode, to: MapNode, link: MapLink): string {
  if (link.from === link.to) {
    const x = from.x + from.width;
    const y = from.y + from.height / 2;
    return `M ${x} ${y - 8} C ${x + 50} ${y - 30}, ${x + 50} ${y + 30}, ${x} ${y + 8}`;
  }
  if (link.back) {
    const a = { x: from.x + from.width, y: from.y + from.height / 2 };
    const b = { x: to.x + to.width, y: to.y + to.height / 2 };
    const bulge = Math.max(a.x, b.x) + 60 + Math.abs(a.y - b.y) / 6;
    return `M ${a.x} ${a.y} C ${bulge} ${a.y}, ${bulge} ${b.y}, ${b.x} ${b.y}`;
  }
  const a = center(from, 'bottom');
  const b = center(to, 'top');
  const mid = (a.y + b.y) / 2;
  return `M ${a.x} ${a.y} C ${a.x} ${mid}, ${b.x} ${mid}, ${b.x} ${b.y}`;
}

function download(name: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The process map like Disco's: frequency or performance, sliders for how many activities and paths, export as SVG or PNG. */
export function ProcessMapView({ analysis }: { analysis: Analysis }) {
  const [mode, setMode] = useState<'frequency' | 'performance' | 'dependency'>('frequency');
  const [activityPct, setActivityPct] = useState(100);
  const [pathPct, setPathPct] = useState(30);
  const svgRef = useRef<SVGSVGElement>(null);
  // The dependency graph shows the heuristics miner's kept edges, all of them (its thresholds already pruned).
  const map = useMemo(
    () =>
      mode === 'dependency'
        ? buildProcessMap(analysis.activities, dependencyEdges(analysis.heuristics.keptEdges), activityPct / 100, 1)
        : buildProcessMap(analysis.activities, analysis.dfg, activityPct / 100, pathPct / 100),
    [analysis, activityPct, pathPct, mode],
  );
  const byId = new Map(map.nodes.map((n) => [n.id, n]));
  const width = map.width + 2 * PAD + 160;
  const height = map.height + 2 * PAD;
  const label = (l: MapLink) =>
    mode === 'frequency'
      ? String(l.count)
      : l.meanSeconds === null
        ? ''
        : mode === 'dependency'
          ? l.meanSeconds.toFixed(2)
          : shortDuration(l.meanSeconds);
  const slowest = Math.max(1, ...map.links.map((l) => l.meanSeconds ?? 0));
  const color = (l: MapLink) =>
    mode !== 'performance' ? 'var(--mantine-color-blue-7)' : `hsl(${Math.round(210 - 210 * ((l.meanSeconds ?? 0) / slowest))} 70% 45%)`;

  const exportSvg = () => {
    if (svgRef.current) download(`${analysis.eventLog.name}-map.svg`, new Blob([svgRef.current.outerHTML], { type: 'image/svg+xml' }));
  };
  const exportPng = () => {
    if (!svgRef.current) return;
    const image = new Image();
    const source = new Blob([svgRef.current.outerHTML.replaceAll(/var\(--mantine-color-[a-z]+-\d\)/g, '#1c7ed6')], {
      type: 'image/svg+xml',
    });
    image.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = width * 2;
      canvas.height = height * 2;
      const ctx = canvas.getContext('2d');
      if (!ctx) return;
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.scale(2, 2);
      ctx.drawImage(image, 0, 0);
      canvas.toBlob((blob) => blob && download(`${analysis.eventLog.name}-map.png`, blob));
    };
    image.src = URL.createObjectURL(source);
  };

  return (
    <Card withBorder data-testid="process-map">
      <Group justify="space-between" align="flex-end" mb="sm" wrap="wrap">
        <SegmentedControl
          aria-label="Map view"
          value={mode}
          onChange={(v) => setMode(v as 'frequency' | 'performance' | 'dependency')}
          data={[
            { value: 'frequency', label: 'Frequency' },
            { value: 'performance', label: 'Performance (mean time)' },
            { value: 'dependency', label: 'Dependency graph' },
          ]}
        />
        <Stack gap={2} w={220}>
          <Text size="xs">
            Activities: {map.shown.activities} of {map.shown.of}
          </Text>
          <Slider
            aria-label="Activities shown"
            value={activityPct}
            onChange={setActivityPct}
            min={5}
            max={100}
            step={5}
            label={(v) => `${v} %`}
          />
        </Stack>
        <Stack gap={2} w={220}>
          <Text size="xs">
            Paths: {map.shown.paths} of {map.shown.ofPaths}
          </Text>
          <Slider
            thumbLabel="Paths shown"
            disabled={mode === 'dependency'}
            value={pathPct}
            onChange={setPathPct}
            min={0}
            max={100}
            step={5}
            label={(v) => `${v} %`}
          />
        </Stack>
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={exportSvg}>
            SVG
          </Button>
          <Button size="xs" variant="default" onClick={exportPng}>
            PNG
          </Button>
        </Group>
      </Group>
      <div style={{ overflow: 'auto', maxHeight: 720 }}>
        <svg
          ref={svgRef}
          xmlns="http://www.w3.org/2000/svg"
          width={width}
          height={height}
          viewBox={`${-PAD} ${-PAD} ${width} ${height}`}
          role="img"
          aria-label={`Process map of ${analysis.eventLog.name}: ${map.shown.activities} activities, ${map.shown.paths} paths`}
          fontFamily="sans-serif"
        >
          <defs>
            <marker
              id="arrow"
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerUnits="userSpaceOnUse"
              markerWidth="10"
              markerHeight="10"
              orient="auto-start-reverse"
            >
              <path d="M 0 0 L 10 5 L 0 10 z" fill="#495057" />
            </marker>
          </defs>
          {map.links.map((l) => {
            const from = byId.get(l.from);
            const to = byId.get(l.to);
            if (!from || !to) return null;
            const d = edgePath(from, to, l);
            const a = l.back
              ? { x: Math.max(from.x, to.x) + from.width + 40, y: (from.y + to.y) / 2 + from.height / 2 }
              : { x: (from.x + to.x) / 2 + from.width / 2 + 6, y: (from.y + from.height + to.y) / 2 };
            return (
              <g key={`${l.from}>${l.to}`}>
                <path
                  d={d}
                  fill="none"
                  stroke={color(l)}
                  strokeOpacity={0.75}
                  strokeWidth={l.width}
                  markerEnd="url(#arrow)"
                  strokeDasharray={l.meanSeconds === null ? '4 4' : undefined}
                />
                <text x={a.x} y={a.y} fontSize={11} fill="#343a40">
                  {label(l)}
                </text>
              </g>
            );
          })}
          {map.nodes.map((n) => (
            <g key={n.id}>
              <rect
                x={n.x}
                y={n.y}
                width={n.width}
                height={n.height}
                rx={n.kind === 'activity' ? 8 : 22}
                fill={n.kind === 'activity' ? '#e7f5ff' : '#f1f3f5'}
                stroke={n.kind === 'activity' ? '#1c7ed6' : '#868e96'}
              />
              <text x={n.x + n.width / 2} y={n.y + (n.kind === 'activity' ? 18 : 27)} fontSize={12} textAnchor="middle" fill="#212529">
                {n.label.length > 26 ? `${n.label.slice(0, 25)}…` : n.label}
              </text>
              {n.kind === 'activity' && (
                <text x={n.x + n.width / 2} y={n.y + 35} fontSize={11} textAnchor="middle" fill="#495057">
                  {n.events.toLocaleString()}
                </text>
              )}
            </g>
          ))}
        </svg>
      </div>
    </Card>
  );
}
