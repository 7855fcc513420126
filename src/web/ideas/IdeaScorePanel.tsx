import { Alert, Group, Progress, Stack, Text } from '@mantine/core';
import type { IdeaScore } from './ideaTypes.ts';

/** The instant idea score with each factor's points and the hints to raise it. */
export function IdeaScorePanel({ score }: { score: IdeaScore }) {
  return (
    <Stack gap="xs" data-testid="idea-score">
      <Group justify="space-between">
        <Text fw={700}>Idea score {score.score} / 100</Text>
        <Text size="sm" c="dimmed">
          suitability {score.suitability} · readiness {score.readiness}
        </Text>
      </Group>
      {score.factors.map((f) => (
        <div key={f.factor}>
          <Group justify="space-between">
            <Text size="sm">{f.label}</Text>
            <Text size="sm" c="dimmed">
              +{f.points} of {Math.round((f.points + f.headroom) * 10) / 10}
            </Text>
          </Group>
          <Progress value={f.points + f.headroom === 0 ? 0 : (100 * f.points) / (f.points + f.headroom)} size="sm" />
        </div>
      ))}
      {score.warning && (
        <Alert color="orange" title="Not feasible now">
          {score.warning}
        </Alert>
      )}
      {score.hints.map((h) => (
        <Text key={h.factor} size="sm">
          <b>+{h.gainPerStep} per step:</b> {h.text}
        </Text>
      ))}
    </Stack>
  );
}
