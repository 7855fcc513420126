import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { ApiError } from '../api/client.ts';
import { showApiError } from '../common/formErrors.ts';
import { NoActionNote } from './ApprovalPanel.tsx';
import { FormFieldInput } from './FormFieldInput.tsx';
import { checkInputs, type FormInputs, initialInputs, toSubmission } from './formValues.ts';
import { MinutesSpentInput, minutesSpentBody } from './MinutesSpentInput.tsx';
import { mapFormIssues } from './taskErrors.ts';
import type { TaskDetail } from './taskTypes.ts';
import { useDecide } from './useDecide.ts';

/**
 * A form step's fields (prefilled from the run) or a to-do's outcomes and optional fields;
 * checked here first, and the server's FORM_INVALID answer shown beside each field.
 */
export function FormPanel({ task }: { task: TaskDetail }) {
  const decide = useDecide(task);
  const fields = task.form?.fields ?? [];
  const [inputs, setInputs] = useState<FormInputs>(() => initialInputs(fields, task.form?.prefill ?? {}));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [other, setOther] = useState<string[]>([]);
  const [comment, setComment] = useState('');
  const [minutes, setMinutes] = useState<number | ''>('');
  const [busy, setBusy] = useState<string | null>(null);
  const can = task.actions.includes('complete');
  const outcomes = task.kind === 'task' ? (task.outcomes.length > 0 ? task.outcomes : ['done']) : [];

  async function submit(outcome?: string) {
    const found = checkInputs(fields, inputs);
    setErrors(found);
    setOther([]);
    if (Object.keys(found).length > 0) return;
    setBusy(outcome ?? 'submit');
    try {
      const body = { data: toSubmission(fields, inputs), comment, ...(outcome ? { outcome } : {}), ...minutesSpentBody(minutes) };
      await decide('complete', body, outcome ? `Reported: ${outcome}.` : 'Form submitted.');
    } catch (error) {
      if (error instanceof ApiError && error.details.issues?.length) {
        const mapped = mapFormIssues(
          error.details.issues,
          fields.map((f) => f.key),
        );
        setErrors(mapped.fields);
        setOther(mapped.other.length > 0 || Object.keys(mapped.fields).length === 0 ? [error.message] : []);
      } else showApiError(error);
    } finally {
      setBusy(null);
    }
  }

  if (!can) return <NoActionNote task={task} />;
  return (
    <form
      data-testid="task-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit(outcomes[0]);
      }}
    >
      <Stack>
        {other.map((m) => (
          <Alert key={m} color="red" role="alert">
            {m}
          </Alert>
        ))}
        {fields.map((f) => (
          <FormFieldInput
            key={f.key}
            taskId={task.id}
            field={f}
            value={inputs[f.key]}
            error={errors[f.key]}
            disabled={busy !== null}
            onChange={(v) => {
              setInputs((s) => ({ ...s, [f.key]: v }));
              setErrors(({ [f.key]: _, ...rest }) => rest);
            }}
          />
        ))}
        <Textarea
          label="Comment"
          description="Optional; kept with your answer"
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          error={errors.comment}
          autosize
          minRows={2}
          maxLength={5000}
        />
        <MinutesSpentInput value={minutes} onChange={setMinutes} />
        {errors.outcome && (
          <Text size="sm" c="red.8">
            {errors.outcome}
          </Text>
        )}
        <Group>
          {outcomes.length > 0 ? (
            outcomes.map((o, i) => (
              <Button
                key={o}
                type={i === 0 ? 'submit' : 'button'}
                variant={i === 0 ? 'filled' : 'default'}
                loading={busy === o}
                disabled={busy !== null && busy !== o}
                onClick={i === 0 ? undefined : () => void submit(o)}
              >
                {o.charAt(0).toUpperCase() + o.slice(1)}
              </Button>
            ))
          ) : (
            <Button type="submit" loading={busy === 'submit'}>
              Submit
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
