import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { Handle, type NodeProps, Position } from '@xyflow/react';
import { statusColor } from '../runs/statusColors.ts';
import { useCanvasInfo } from './canvasContext.ts';
import { categoryIcon } from './categoryIcons.tsx';
import type { StepFlowNode } from './flowGraph.ts';

/** A step on the canvas: name, type, its problems (editor) or its status (run). */
export function StepNode({ data, selected }: NodeProps<StepFlowNode>) {
  const { stepTypes, issues, statuses } = useCanvasInfo();
  const { step } = data;
  const info = stepTypes.get(step.type);
  const problems = issues.get(step.id) ?? [];
  const status = statuses ? (statuses.get(step.id) ?? 'not_run') : null;
  const accent = status
    ? `var(--mantine-color-${statusColor(status)}-6)`
    : problems.length > 0
      ? 'var(--mantine-color-red-6)'
      : 'var(--mantine-color-gray-4)';
  const isTrigger = step.type.startsWith('trigger.');
  return (
    <div
      className="step-node"
      data-status={status ?? undefined}
      data-invalid={problems.length > 0 || undefined}
      style={{
        borderColor: selected ? 'var(--mantine-color-teal-8)' : accent,
        borderLeftColor: accent,
        background: status && status !== 'not_run' ? `var(--mantine-color-${statusColor(status)}-0)` : undefined,
        opacity: status === 'not_run' || status === 'skipped' ? 0.6 : 1,
      }}
    >
      {!isTrigger && <Handle type="target" position={Position.Left} aria-label={`Into ${step.name}`} />}
      <Group gap={6} wrap="nowrap">
        {categoryIcon(info?.category ?? step.type.split('.')[0])}
        <Text size="sm" fw={600} truncate>
          {step.name}
        </Text>
      </Group>
      <Text size="xs" c="dimmed" truncate>
        {info?.title ?? step.type} · {step.id}
      </Text>
      {status && (
        <Badge size="xs" mt={4} color={statusColor(status)} variant="light">
          {status === 'not_run' ? 'not run' : status}
        </Badge>
      )}
      {problems.length > 0 && (
        <Tooltip label={problems.map((p) => p.message).join(' · ')} multiline w={260} withArrow>
          <Badge size="xs" mt={4} color="red" variant="filled" className="step-node-issues">
            {problems.length === 1 ? '1 problem' : `${problems.length} problems`}
          </Badge>
        </Tooltip>
      )}
      {problems.length > 0 && (
        <Text size="xs" c="red.8" lineClamp={2} mt={2}>
          {problems[0]?.message}
        </Text>
      )}
      <Handle type="source" position={Position.Right} aria-label={`Out of ${step.name}`} />
    </div>
  );
}
