import { Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, get, post } from '../api/client.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { notifySuccess } from '../common/formErrors.ts';
import { ideaFromCandidate } from './candidateIdea.ts';
import type { Analysis } from './processAuditTypes.ts';

type Candidate = Analysis['candidates'][number] & { casesPerWeek: number; medianMinutes: number | null };

const SCREEN = [
  { key: 'rules', label: 'How rule-based (1–5)' },
  { key: 'digital', label: 'How digital the input (1–5)' },
  { key: 'structured', label: 'How structured the data (1–5)' },
  { key: 'change', label: 'Change expected in 6 months (1–5)' },
  { key: 'documentation', label: 'How documented (1–5)' },
] as const;

/** Turns an automation candidate into an idea in the pipeline, its volumetry filled in from the log. */
export function CandidateIdeaModal({ candidate, logName, onClose }: { candidate: Candidate | null; logName: string; onClose: () => void }) {
  const categories = useQuery({
    queryKey: ['idea-categories'],
    queryFn: () => get<{ id: string; name: string }[]>('/api/v1/idea-categories'),
    enabled: candidate !== null,
  });
  const [draft, setDraft] = useState<ReturnType<typeof ideaFromCandidate> | null>(null);
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const [screen, setScreen] = useState<Record<string, number>>({ rules: 3, digital: 3, structured: 3, change: 2, documentation: 3 });
  const [error, setError] = useState<Error | null>(null);
  const [saving, setSaving] = useState(false);
  const idea = draft ?? (candidate ? ideaFromCandidate(candidate, logName) : null);
  if (!candidate || !idea) return null;
  const update = (patch: Partial<typeof idea>) => setDraft({ ...idea, ...patch });

  async function submit() {
    setSaving(true);
    setError(null);
    try {
      const created = await post<{ id: string; score: { score: number } }>('/api/v1/ideas', {
        ...idea,
        categoryId,
        applications: [],
        screen,
      });
      notifySuccess(`Idea submitted (score ${Math.round(created.score?.score ?? 0)}); it is in the pipeline for review.`);
      onClose();
    } catch (e) {
      setError(e instanceof ApiError || e instanceof Error ? e : new Error(String(e)));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title="Make it an idea" size="lg">
      <Stack>
        <Text size="sm" c="dimmed">
          The name, description and volumetry come from the log; check them, answer the quick-screen questions and choose a category.
        </Text>
        <TextInput label="Name" value={idea.name} onChange={(e) => update({ name: e.currentTarget.value })} />
        <Textarea
          label="Description"
          autosize
          minRows={3}
          value={idea.description}
          onChange={(e) => update({ description: e.currentTarget.value })}
        />
        <Select
          label="Category"
          data={(categories.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          value={categoryId}
          onChange={setCategoryId}
          required
        />
        <SimpleGrid cols={3}>
          <Select
            label="How often"
            data={[
              { value: 'day', label: 'per day' },
              { value: 'week', label: 'per week' },
              { value: 'month', label: 'per month' },
            ]}
            value={idea.frequencyPeriod}
            onChange={(v) => update({ frequencyPeriod: (v ?? 'week') as typeof idea.frequencyPeriod })}
          />
          <NumberInput label="Cases" min={0} value={idea.frequencyCount} onChange={(v) => update({ frequencyCount: Number(v) || 0 })} />
          <NumberInput
            label="Minutes per case"
            min={0}
            value={idea.minutesPerCase}
            onChange={(v) => update({ minutesPerCase: Number(v) || 0 })}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 2, sm: 5 }}>
          {SCREEN.map((q) => (
            <NumberInput
              key={q.key}
              label={q.label}
              min={1}
              max={5}
              value={screen[q.key]}
              onChange={(v) => setScreen({ ...screen, [q.key]: Number(v) || 1 })}
            />
          ))}
        </SimpleGrid>
        {error && <ErrorAlert error={error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={submit} loading={saving} disabled={!categoryId}>
            Submit the idea
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
