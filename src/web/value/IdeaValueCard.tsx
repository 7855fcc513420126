import { Badge, Button, Card, Group, NumberInput, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { get, post, put } from '../api/client.ts';
import { notifySuccess, showApiError } from '../common/formErrors.ts';
import { formatHours, formatMoney, formatPct, type IdeaValue } from './valueTypes.ts';

/**
 * The value of one idea on its page: expected value (assessment or quick screen), and once
 * live its measured value and realisation; the minutes-per-run setting for its builder or a
 * manager; the "minutes saved per week?" answer form for personal automations.
 */
export function IdeaValueCard({ ideaId }: { ideaId: string }) {
  const queryClient = useQueryClient();
  const value = useQuery({ queryKey: ['idea-value', ideaId], queryFn: () => get<IdeaValue>(`/api/v1/value/ideas/${ideaId}`) });
  const [minutes, setMinutes] = useState<number | string>('');
  const [answer, setAnswer] = useState<number | string>('');
  const v = value.data;
  if (!v) return null;
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['idea-value', ideaId] });
  const save = async (body: Record<string, unknown>) => {
    try {
      await put(`/api/v1/value/ideas/${ideaId}/settings`, body);
      notifySuccess('Value settings saved.');
      setMinutes('');
      await refresh();
    } catch (error) {
      showApiError(error);
    }
  };
  const sendAnswer = async () => {
    try {
      await post(`/api/v1/value/ideas/${ideaId}/answers`, { minutesPerWeek: Number(answer) });
      notifySuccess('Thank you: answer recorded.');
      setAnswer('');
      await refresh();
    } catch (error) {
      showApiError(error);
    }
  };
  const m = v.measured;
  return (
    <Card withBorder mt="md" id="value" data-testid="idea-value">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h5">
          Value
        </Title>
        <Badge variant="light" color={v.settings.kind === 'personal' ? 'grape' : 'blue'}>
          {v.settings.kind}
        </Badge>
      </Group>
      <Stack gap={4}>
        <Text size="sm">
          Expected: <b>{formatMoney(v.expected.valuePerYear)}</b> a year ({formatHours(v.expected.hoursPerYear)}) from the{' '}
          {v.expected.source === 'assessment' ? 'assessment' : 'quick screen'}
        </Text>
        {m ? (
          <>
            <Text size="sm" data-testid="idea-value-actual">
              Actual since {m.liveSince ? m.liveSince.slice(0, 10) : v.from.slice(0, 10)}: <b>{formatMoney(m.actual)}</b> against{' '}
              {formatMoney(m.expected)} expected — realisation <b>{formatPct(m.realisation)}</b>
            </Text>
            <Text size="xs" c="dimmed">
              {m.kind === 'process'
                ? `${m.succeededRuns} of ${m.runs} runs succeeded; ${formatHours(m.humanHours)} of people's time on their tasks`
                : 'From the weekly answers of its builder and supporters'}
            </Text>
          </>
        ) : (
          <Text size="xs" c="dimmed">
            Measured once the idea is live.
          </Text>
        )}
        <Text size="sm">
          Minutes saved per successful run: <b>{Math.round(v.expected.minutesSavedPerRun * 10) / 10}</b>
          {v.settings.minutesSavedPerRun === null ? ' (default)' : ' (adjusted)'}
        </Text>
        {v.calibration !== null && (
          <Text size="xs" c="dimmed">
            Category calibration factor: {Math.round(v.calibration * 100) / 100}
          </Text>
        )}
      </Stack>
      {v.canEdit && (
        <Group mt="sm" align="flex-end">
          <NumberInput label="Minutes saved per run" min={0} max={10000} value={minutes} onChange={setMinutes} w={180} size="xs" />
          <Button size="xs" disabled={minutes === ''} onClick={() => save({ minutesSavedPerRun: Number(minutes) })}>
            Save
          </Button>
          <Button size="xs" variant="default" onClick={() => save({ kind: v.settings.kind === 'personal' ? 'process' : 'personal' })}>
            Make it {v.settings.kind === 'personal' ? 'a process' : 'personal'} automation
          </Button>
        </Group>
      )}
      {v.canAnswer && (
        <Group mt="sm" align="flex-end">
          <NumberInput label="Minutes saved per week?" min={0} max={10080} value={answer} onChange={setAnswer} w={180} size="xs" />
          <Button size="xs" disabled={answer === ''} onClick={sendAnswer}>
            Answer
          </Button>
          {v.myAnswers.length > 0 && (
            <Text size="xs" c="dimmed">
              Your last answers: {v.myAnswers.map((a) => a.minutesPerWeek).join(', ')}
            </Text>
          )}
        </Group>
      )}
    </Card>
  );
}
