import { Card, Checkbox, Group, NumberInput, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import type { Question, QuestionnaireView } from './assessmentTypes.ts';

/** One question, rendered by its kind: single → radios, multi → checkboxes, number, text. */
function QuestionField({ q, value, onChange, error }: { q: Question; value: unknown; onChange: (v: unknown) => void; error?: string }) {
  const label = `${q.label}${q.required ? ' *' : ''}`;
  switch (q.kind) {
    case 'single':
      return (
        <Radio.Group label={label} description={q.help} value={(value as string) ?? null} onChange={onChange} error={error}>
          <Stack gap={4} mt={4}>
            {(q.options ?? []).map((o) => (
              <Radio key={o.value} value={o.value} label={o.label} size="xs" />
            ))}
          </Stack>
        </Radio.Group>
      );
    case 'multi':
      return (
        <Checkbox.Group label={label} description={q.help} value={(value as string[]) ?? []} onChange={onChange} error={error}>
          <Group gap="sm" mt={4}>
            {(q.options ?? []).map((o) => (
              <Checkbox key={o.value} value={o.value} label={o.label} size="xs" />
            ))}
          </Group>
        </Checkbox.Group>
      );
    case 'number':
      return (
        <NumberInput
          size="xs"
          label={label}
          description={q.help}
          min={q.min}
          max={q.max}
          value={(value as number | undefined) ?? ''}
          onChange={(v) => onChange(typeof v === 'number' ? v : undefined)}
          error={error}
          maw={240}
        />
      );
    case 'text':
      return (
        <Textarea
          size="xs"
          label={label}
          description={q.help}
          autosize
          minRows={2}
          maxLength={q.maxLength ?? 5000}
          value={(value as string | undefined) ?? ''}
          onChange={(e) => onChange(e.currentTarget.value || undefined)}
          error={error}
        />
      );
  }
}

/** The questionnaire of the idea's category, answers by key; errors at `answers.<key>`. */
export function QuestionnaireFields(props: {
  questionnaire: QuestionnaireView;
  answers: Record<string, unknown>;
  onChange: (answers: Record<string, unknown>) => void;
  errors: Record<string, string>;
  score: number | null | undefined;
  disabled?: boolean;
}) {
  const { questionnaire: q, answers } = props;
  return (
    <Card withBorder mb="md" data-testid="questionnaire">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h5">
          {q.title}{' '}
          <Text span c="dimmed" size="sm">
            v{q.version}
          </Text>
        </Title>
        {props.score !== undefined && <Text size="sm">Questionnaire score: {props.score === null ? '—' : Math.round(props.score)}</Text>}
      </Group>
      {props.errors.questionnaireVersion && (
        <Text c="red" size="sm" mb="xs">
          {props.errors.questionnaireVersion}
        </Text>
      )}
      <fieldset disabled={props.disabled} style={{ border: 0, padding: 0, margin: 0 }}>
        <Stack gap="md">
          {q.questions.map((question) => (
            <QuestionField
              key={question.key}
              q={question}
              value={answers[question.key]}
              error={props.errors[`answers.${question.key}`]}
              onChange={(v) => {
                const next = { ...answers };
                if (v === undefined || (Array.isArray(v) && v.length === 0)) delete next[question.key];
                else next[question.key] = v;
                props.onChange(next);
              }}
            />
          ))}
        </Stack>
      </fieldset>
    </Card>
  );
}
