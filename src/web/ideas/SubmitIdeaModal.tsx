import { Button, Grid, Group, Modal, NumberInput, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { get, post } from '../api/client.ts';
import { notifySuccess, showApiError } from '../common/formErrors.ts';
import { IdeaScorePanel } from './IdeaScorePanel.tsx';
import { type Category, type IdeaScore, QUESTIONS, type Screen, type Similar } from './ideaTypes.ts';

const START: Screen = { rules: 3, digital: 3, structured: 3, change: 2, documentation: 3 };

/** The guided idea form: live score and similar ideas while typing, "this is my process too" instead of a duplicate. */
export function SubmitIdeaModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const [period, setPeriod] = useState('week');
  const [count, setCount] = useState<number | string>(10);
  const [minutes, setMinutes] = useState<number | string>(10);
  const [screen, setScreen] = useState<Screen>(START);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [draft] = useDebouncedValue({ name, description }, 300);
  const categories = useQuery({ queryKey: ['idea-categories'], queryFn: () => get<Category[]>('/api/v1/idea-categories') });
  const score = useQuery({
    queryKey: ['idea-score', screen],
    queryFn: () => post<IdeaScore>('/api/v1/ideas/score', { screen }),
    enabled: opened,
  });
  const similar = useQuery({
    queryKey: ['idea-similar', draft],
    queryFn: () => post<Similar>('/api/v1/ideas/similar', { ...draft, limit: 5 }),
    enabled: opened && draft.name.length + draft.description.length >= 8,
  });

  const done = async (message: string) => {
    await queryClient.invalidateQueries({ queryKey: ['ideas'] });
    notifySuccess(message);
    onClose();
  };
  const submit = async () => {
    setErrors({});
    try {
      await post('/api/v1/ideas', {
        name,
        description,
        categoryId: categoryId ?? '',
        frequencyPeriod: period,
        frequencyCount: Number(count),
        minutesPerCase: Number(minutes),
        screen,
      });
      await done('Idea submitted.');
    } catch (error) {
      showApiError(error, (path, message) => setErrors((e) => ({ ...e, [path]: message })));
    }
  };
  const meToo = async (id: string) => {
    try {
      await post(`/api/v1/ideas/${id}/me-too`, { frequencyPeriod: period, frequencyCount: Number(count), minutesPerCase: Number(minutes) });
      await done('Added you to the existing idea.');
    } catch (error) {
      showApiError(error);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Submit an idea" size="xl">
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="sm">
            <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} />
            <Textarea
              label="What happens today"
              required
              autosize
              minRows={3}
              value={description}
              onChange={(e) => setDescription(e.currentTarget.value)}
              error={errors.description}
            />
            <Select
              label="Category"
              required
              data={(categories.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
              value={categoryId}
              onChange={setCategoryId}
              error={errors.categoryId}
            />
            <Group grow align="flex-end">
              <NumberInput label="How many cases" min={0} value={count} onChange={setCount} error={errors.frequencyCount} />
              <SegmentedControl data={['day', 'week', 'month']} value={period} onChange={setPeriod} aria-label="per" />
              <NumberInput label="Minutes per case" min={0} value={minutes} onChange={setMinutes} error={errors.minutesPerCase} />
            </Group>
            {QUESTIONS.map((q) => (
              <div key={q.key}>
                <Text size="sm">{q.label}</Text>
                <SegmentedControl
                  fullWidth
                  aria-label={q.label}
                  data={['1', '2', '3', '4', '5']}
                  value={String(screen[q.key])}
                  onChange={(v) => setScreen((s) => ({ ...s, [q.key]: Number(v) }))}
                />
                <Group justify="space-between">
                  <Text size="xs" c="dimmed">
                    1 = {q.low}
                  </Text>
                  <Text size="xs" c="dimmed">
                    5 = {q.high}
                  </Text>
                </Group>
              </div>
            ))}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack>
            {score.data && <IdeaScorePanel score={score.data} />}
            {(similar.data?.ideas.length ?? 0) + (similar.data?.workflows.length ?? 0) > 0 && (
              <Stack gap={4} data-testid="similar-ideas">
                <Text fw={700}>Already proposed or automated?</Text>
                {similar.data?.ideas.map((i) => (
                  <Group key={i.id} justify="space-between" wrap="nowrap">
                    <Text size="sm">
                      {i.name}{' '}
                      <Text span size="xs" c="dimmed">
                        ({Math.round(i.similarity * 100)}% alike)
                      </Text>
                    </Text>
                    <Button size="xs" variant="light" onClick={() => meToo(i.id)}>
                      This is my process too
                    </Button>
                  </Group>
                ))}
                {similar.data?.workflows.map((w) => (
                  <Text key={w.id} size="sm">
                    Workflow: {w.name}{' '}
                    <Text span size="xs" c="dimmed">
                      ({Math.round(w.similarity * 100)}% alike)
                    </Text>
                  </Text>
                ))}
              </Stack>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button onClick={submit}>Submit idea</Button>
      </Group>
    </Modal>
  );
}
