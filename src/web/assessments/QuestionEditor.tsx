import { ActionIcon, Button, Card, Group, NumberInput, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import type { Question } from './assessmentTypes.ts';

const num = (v: number | string) => (typeof v === 'number' ? v : undefined);

/** One question of the questionnaire editor; `errors` are the server's, by path below `questions.<i>`. */
export function QuestionEditor(props: {
  index: number;
  question: Question;
  onChange: (q: Question) => void;
  onRemove: () => void;
  onMove: (by: -1 | 1) => void;
  errors: Record<string, string>;
}) {
  const { question: q, index, onChange } = props;
  const err = (field: string) => props.errors[`questions.${index}.${field}`];
  const set = (patch: Partial<Question>) => onChange({ ...q, ...patch });
  const choice = q.kind === 'single' || q.kind === 'multi';
  const options = q.options ?? [];
  const setOption = (i: number, patch: Partial<(typeof options)[number]>) =>
    set({ options: options.map((o, j) => (j === i ? { ...o, ...patch } : o)) });
  return (
    <Card withBorder data-testid={`question-${index}`}>
      <Group justify="space-between" mb="xs">
        <Text fw={600} size="sm">
          Question {index + 1}
        </Text>
        <Group gap={4}>
          <ActionIcon variant="subtle" aria-label="Move up" onClick={() => props.onMove(-1)}>
            <IconArrowUp size={16} />
          </ActionIcon>
          <ActionIcon variant="subtle" aria-label="Move down" onClick={() => props.onMove(1)}>
            <IconArrowDown size={16} />
          </ActionIcon>
          <ActionIcon variant="subtle" color="red" aria-label="Remove question" onClick={props.onRemove}>
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      </Group>
      <Stack gap="xs">
        <Group grow align="flex-start">
          <TextInput size="xs" label="Key" value={q.key} onChange={(e) => set({ key: e.currentTarget.value })} error={err('key')} />
          <Select
            size="xs"
            label="Kind"
            data={[
              { value: 'single', label: 'Single choice' },
              { value: 'multi', label: 'Multiple choice' },
              { value: 'number', label: 'Number' },
              { value: 'text', label: 'Text' },
            ]}
            value={q.kind}
            onChange={(v) => v && set({ kind: v as Question['kind'], affectsScore: v === 'text' ? false : q.affectsScore })}
            allowDeselect={false}
          />
          <NumberInput
            size="xs"
            label="Weight"
            min={0}
            max={100}
            value={q.weight}
            onChange={(v) => set({ weight: num(v) ?? 0 })}
            error={err('weight')}
          />
        </Group>
        <TextInput
          size="xs"
          label="Question"
          value={q.label}
          onChange={(e) => set({ label: e.currentTarget.value })}
          error={err('label')}
        />
        <TextInput size="xs" label="Hint" value={q.help ?? ''} onChange={(e) => set({ help: e.currentTarget.value || undefined })} />
        <Group>
          <Switch size="xs" label="Required" checked={q.required} onChange={(e) => set({ required: e.currentTarget.checked })} />
          <Switch
            size="xs"
            label="Counts in the score"
            checked={q.affectsScore}
            onChange={(e) => set({ affectsScore: e.currentTarget.checked })}
            error={err('affectsScore')}
          />
        </Group>
        {choice && (
          <Stack gap={4}>
            <Text size="xs" fw={500}>
              Options (score 0–1)
            </Text>
            {options.map((o, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: options are edited in place; their value may be empty or repeated while typing
              <Group key={i} gap="xs" wrap="nowrap">
                <TextInput
                  size="xs"
                  placeholder="value"
                  aria-label="Option value"
                  value={o.value}
                  onChange={(e) => setOption(i, { value: e.currentTarget.value })}
                  error={err(`options.${i}.value`)}
                />
                <TextInput
                  size="xs"
                  placeholder="label"
                  aria-label="Option label"
                  value={o.label}
                  onChange={(e) => setOption(i, { label: e.currentTarget.value })}
                  style={{ flex: 1 }}
                />
                <NumberInput
                  size="xs"
                  aria-label="Option score"
                  min={0}
                  max={1}
                  step={0.05}
                  decimalScale={2}
                  w={80}
                  value={o.score}
                  onChange={(v) => setOption(i, { score: num(v) ?? 0 })}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label="Remove option"
                  onClick={() => set({ options: options.filter((_, j) => j !== i) })}
                >
                  <IconTrash size={14} />
                </ActionIcon>
              </Group>
            ))}
            {err('options') && (
              <Text size="xs" c="red">
                {err('options')}
              </Text>
            )}
            <Button
              size="xs"
              variant="subtle"
              w="fit-content"
              onClick={() => set({ options: [...options, { value: '', label: '', score: 0 }] })}
            >
              Add an option
            </Button>
          </Stack>
        )}
        {q.kind === 'number' && (
          <Group grow>
            <NumberInput size="xs" label="Min" value={q.min ?? ''} onChange={(v) => set({ min: num(v) })} />
            <NumberInput size="xs" label="Max" value={q.max ?? ''} onChange={(v) => set({ max: num(v) })} error={err('max')} />
            <NumberInput size="xs" label="Scores 0 at" value={q.scoreFrom ?? ''} onChange={(v) => set({ scoreFrom: num(v) })} />
            <NumberInput
              size="xs"
              label="Scores 1 at"
              value={q.scoreTo ?? ''}
              onChange={(v) => set({ scoreTo: num(v) })}
              error={err('scoreTo')}
            />
          </Group>
        )}
        {q.kind === 'text' && (
          <NumberInput
            size="xs"
            label="Longest answer (characters)"
            min={1}
            max={20000}
            value={q.maxLength ?? ''}
            onChange={(v) => set({ maxLength: num(v) })}
            maw={240}
          />
        )}
      </Stack>
    </Card>
  );
}
