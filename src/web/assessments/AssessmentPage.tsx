import { Alert, Anchor, Button, Grid, Group, NumberInput, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError, get, post, put } from '../api/client.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { notifySuccess, showApiError } from '../common/formErrors.ts';
import { PageHeader } from '../common/PageHeader.tsx';
import { AssessmentResultPanel } from './AssessmentResultPanel.tsx';
import type { IdeaAssessment, Preview, ValueInput } from './assessmentTypes.ts';
import { QuestionnaireFields } from './QuestionnaireFields.tsx';
import { ValueInputFields } from './ValueInputFields.tsx';

/** The detailed assessment of an idea: questionnaire, value inputs, and the figures computed live as you type. */
export function AssessmentPage() {
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const data = useQuery({ queryKey: ['assessment', id], queryFn: () => get<IdeaAssessment>(`/api/v1/assessments/ideas/${id}`) });
  const [input, setInput] = useState<ValueInput | null>(null);
  const [answers, setAnswers] = useState<Record<string, unknown>>({});
  const [minutes, setMinutes] = useState<number | undefined>(undefined);
  const [saveErrors, setSaveErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);

  // Start from the saved assessment, else from the draft the quick screen gives.
  const loaded = data.data;
  useEffect(() => {
    if (!loaded || input) return;
    setInput(loaded.assessment?.input ?? loaded.draft);
    setAnswers(loaded.assessment && !loaded.assessment.questionnaireOutdated ? loaded.assessment.answers : {});
  }, [loaded, input]);

  const body = useMemo(
    () => (input ? { questionnaireVersion: loaded?.questionnaire.version, answers, input, minutesSavedPerRun: minutes } : null),
    [input, answers, minutes, loaded],
  );
  const [debounced] = useDebouncedValue(body, 300);
  const preview = useQuery({
    queryKey: ['assessment-preview', id, debounced],
    queryFn: () => post<Preview>(`/api/v1/assessments/ideas/${id}/preview`, debounced),
    enabled: debounced !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });
  const previewErrors = preview.error instanceof ApiError ? preview.error.fieldErrors() : {};
  const answerIssues = Object.fromEntries(
    (preview.data?.answerIssues ?? []).filter((i) => i.message !== 'Required').map((i) => [i.path, i.message]),
  );
  const errors = { ...answerIssues, ...previewErrors, ...saveErrors };

  if (data.error) return <ErrorAlert error={data.error} />;
  if (!loaded || !input) return <Text c="dimmed">Loading…</Text>;
  const edit =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      setSaveErrors({});
      set(v);
    };

  const save = async () => {
    setSaving(true);
    try {
      const saved = await put<IdeaAssessment>(`/api/v1/assessments/ideas/${id}`, {
        ...body,
        questionnaireVersion: loaded.questionnaire.version,
        expectedRevision: loaded.assessment?.revision,
      });
      notifySuccess(`Assessment saved (revision ${saved.assessment?.revision}).`);
      queryClient.setQueryData(['assessment', id], saved);
      await queryClient.invalidateQueries({ queryKey: ['assessment-matrix'] });
    } catch (error) {
      const fields: Record<string, string> = {};
      showApiError(error, (path, message) => {
        fields[path] = message;
      });
      setSaveErrors(fields);
    } finally {
      setSaving(false);
    }
  };

  const readOnly = !loaded.canAssess;
  return (
    <>
      <PageHeader
        title={`Assessment: ${loaded.ideaName}`}
        description={
          <>
            AS-IS effort, automation potential, ease and value, each low / likely / high ·{' '}
            <Anchor component={Link} to={`/ideas/${id}`}>
              Back to the idea
            </Anchor>
          </>
        }
        actions={
          loaded.canAssess && (
            <Button onClick={save} loading={saving}>
              Save assessment
            </Button>
          )
        }
      />
      {readOnly && (
        <Alert color="gray" mb="md">
          Only approvers, idea managers and the builder who claimed this idea may save its assessment; you can still try figures.
        </Alert>
      )}
      {loaded.assessment?.questionnaireOutdated && (
        <Alert color="orange" mb="md">
          The questionnaire changed since this idea was assessed: answer the current version and save.
        </Alert>
      )}
      {loaded.assessment && (
        <Text size="sm" c="dimmed" mb="sm">
          Revision {loaded.assessment.revision}, saved {new Date(loaded.assessment.updatedAt).toLocaleString()}
        </Text>
      )}
      <Grid>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <QuestionnaireFields
            questionnaire={loaded.questionnaire}
            answers={answers}
            onChange={edit(setAnswers)}
            errors={errors}
            score={preview.data?.questionnaireScore.score}
          />
          <ValueInputFields value={input} onChange={edit(setInput)} errors={errors} />
          <Group mb="md">
            <NumberInput
              size="xs"
              label="Minutes one run saves"
              description={`Default: AS-IS minutes per case × potential = ${preview.data?.minutesSavedPerRun.toFixed(1) ?? '…'}`}
              min={0}
              value={minutes ?? ''}
              onChange={(v) => edit(setMinutes)(typeof v === 'number' ? v : undefined)}
              error={errors.minutesSavedPerRun}
            />
          </Group>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <div style={{ position: 'sticky', top: 70 }}>
            {Object.keys(previewErrors).length > 0 && (
              <Alert color="red" mb="sm" title="Some fields are not valid">
                Fix the fields marked in red to see the figures again.
              </Alert>
            )}
            {preview.data && <AssessmentResultPanel figures={preview.data.figures} minutesSavedPerRun={preview.data.minutesSavedPerRun} />}
          </div>
        </Grid.Col>
      </Grid>
    </>
  );
}
