import { ThemeIcon, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconChecklist, IconForms, IconThumbUp } from '@tabler/icons-react';
import type { TaskKind } from './taskTypes.ts';

export const KIND_LABELS: Record<TaskKind, string> = {
  approval: 'Approval',
  form: 'Form',
  task: 'To-do',
  exception: 'Exception',
};

const KIND_STYLE: Record<TaskKind, { color: string; icon: typeof IconThumbUp }> = {
  approval: { color: 'teal', icon: IconThumbUp },
  form: { color: 'blue', icon: IconForms },
  task: { color: 'grape', icon: IconChecklist },
  exception: { color: 'red', icon: IconAlertTriangle },
};

/** The icon of a task's kind, named for screen readers. */
export function KindIcon({ kind, size = 28 }: { kind: TaskKind; size?: number }) {
  const { color, icon: Icon } = KIND_STYLE[kind];
  return (
    <Tooltip label={KIND_LABELS[kind]}>
      <ThemeIcon color={color} variant="light" size={size} radius="xl" role="img" aria-label={KIND_LABELS[kind]}>
        <Icon size={size * 0.6} aria-hidden />
      </ThemeIcon>
    </Tooltip>
  );
}
