import { Stack, Text, TextInput, Tooltip, UnstyledButton } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import type { StepTypeInfo } from '../api/workflowTypes.ts';
import { CATEGORY_ORDER, CATEGORY_TITLES, categoryIcon } from './categoryIcons.tsx';

export const STEP_DRAG_TYPE = 'application/x-symbiont-step';

/** Step types by category: click one to add it, or drag it onto the canvas. */
export function StepPalette({ stepTypes, onAdd }: { stepTypes: StepTypeInfo[]; onAdd: (type: string) => void }) {
  const [q, setQ] = useState('');
  const needle = q.trim().toLowerCase();
  const shown = stepTypes.filter((t) => !needle || `${t.title} ${t.type} ${t.description}`.toLowerCase().includes(needle));
  const categories = [...CATEGORY_ORDER, ...new Set(shown.map((t) => t.category).filter((c) => !CATEGORY_ORDER.includes(c)))];
  return (
    <nav aria-label="Steps to add" className="wf-palette">
      <TextInput
        size="xs"
        aria-label="Find a step"
        placeholder="Find a step"
        leftSection={<IconSearch size={14} />}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        mb="xs"
      />
      {categories.map((category) => {
        const types = shown.filter((t) => t.category === category);
        if (types.length === 0) return null;
        return (
          <section key={category} aria-label={CATEGORY_TITLES[category] ?? category}>
            <Text size="xs" fw={700} c="dimmed" tt="uppercase" mt="sm" mb={4}>
              {CATEGORY_TITLES[category] ?? category}
            </Text>
            <Stack gap={4}>
              {types.map((t) => (
                <Tooltip key={t.type} label={t.description} multiline w={260} position="right" withArrow openDelay={400}>
                  <UnstyledButton
                    className="wf-palette-item"
                    draggable
                    onDragStart={(e) => {
                      e.dataTransfer.setData(STEP_DRAG_TYPE, t.type);
                      e.dataTransfer.effectAllowed = 'move';
                    }}
                    onClick={() => onAdd(t.type)}
                    aria-label={`Add ${t.title}`}
                    data-step-type={t.type}
                    style={{
                      display: 'flex',
                      gap: 8,
                      alignItems: 'center',
                      padding: '6px 8px',
                      border: '1px solid var(--mantine-color-gray-3)',
                      borderRadius: 'var(--mantine-radius-sm)',
                      background: 'var(--mantine-color-white)',
                      cursor: 'grab',
                    }}
                  >
                    {categoryIcon(t.category)}
                    <Text size="sm" truncate>
                      {t.title}
                    </Text>
                  </UnstyledButton>
                </Tooltip>
              ))}
            </Stack>
          </section>
        );
      })}
    </nav>
  );
}
