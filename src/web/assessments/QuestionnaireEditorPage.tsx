import { Badge, Button, Card, Grid, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { get, post } from '../api/client.ts';
import { useCan } from '../auth/useCan.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { notifySuccess, showApiError } from '../common/formErrors.ts';
import { PageHeader } from '../common/PageHeader.tsx';
import type { Category } from '../ideas/ideaTypes.ts';
import type { Question, QuestionnaireView } from './assessmentTypes.ts';
import { QuestionEditor } from './QuestionEditor.tsx';

const blank = (n: number): Question => ({
  key: `question${n}`,
  label: '',
  kind: 'single',
  required: false,
  weight: 1,
  affectsScore: true,
  options: [],
});

/** Managers edit the assessment questionnaire of a category (or the default) and publish it as a new version. */
export function QuestionnaireEditorPage() {
  const canManage = useCan('ideas.manage');
  const queryClient = useQueryClient();
  const [scope, setScope] = useState('default');
  const categories = useQuery({ queryKey: ['idea-categories'], queryFn: () => get<Category[]>('/api/v1/idea-categories') });
  const current = useQuery({
    queryKey: ['questionnaire', scope],
    queryFn: () => get<QuestionnaireView>(`/api/v1/assessments/questionnaires/${scope}`),
  });
  const versions = useQuery({
    queryKey: ['questionnaire', scope, 'versions'],
    queryFn: () => get<QuestionnaireView[]>(`/api/v1/assessments/questionnaires/${scope}/versions`),
  });
  const [title, setTitle] = useState('');
  const [questions, setQuestions] = useState<Question[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);

  const load = (q: QuestionnaireView) => {
    setTitle(q.title);
    setQuestions(q.questions);
    setErrors({});
  };
  const loadedData = current.data;
  useEffect(() => {
    if (!loadedData) return;
    setTitle(loadedData.title);
    setQuestions(loadedData.questions);
    setErrors({});
  }, [loadedData]);

  const inherited = current.data && scope !== 'default' && current.data.categoryId === 'default';
  const publish = async () => {
    setSaving(true);
    try {
      const res = await post<{ questionnaire: QuestionnaireView; changes: { added: string[]; removed: string[]; changed: string[] } }>(
        `/api/v1/assessments/questionnaires/${scope}`,
        { title, questions },
      );
      const c = res.changes;
      notifySuccess(
        `Published version ${res.questionnaire.version}: ${c.added.length} added, ${c.removed.length} removed, ${c.changed.length} changed.`,
      );
      setErrors({});
      await queryClient.invalidateQueries({ queryKey: ['questionnaire', scope] });
    } catch (error) {
      const fields: Record<string, string> = {};
      showApiError(error, (path, message) => {
        fields[path] = message;
      });
      setErrors(fields);
    } finally {
      setSaving(false);
    }
  };
  const move = (i: number, by: -1 | 1) => {
    const j = i + by;
    if (j < 0 || j >= questions.length) return;
    const next = [...questions];
    [next[i], next[j]] = [next[j] as Question, next[i] as Question];
    setQuestions(next);
  };

  return (
    <>
      <PageHeader
        title="Assessment questionnaires"
        description="The questions asked when an idea is assessed, per category. Publishing makes a new version; assessments keep the version they answered."
        actions={
          canManage && (
            <Button onClick={publish} loading={saving}>
              Publish a new version
            </Button>
          )
        }
      />
      <Grid>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Group mb="md" align="flex-end">
            <Select
              label="Questionnaire of"
              data={[
                { value: 'default', label: 'Default (categories without their own)' },
                ...(categories.data ?? []).map((c) => ({ value: c.id, label: c.name })),
              ]}
              value={scope}
              onChange={(v) => v && setScope(v)}
              allowDeselect={false}
              w={320}
            />
            <TextInput
              label="Title"
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              error={errors.title}
              style={{ flex: 1 }}
            />
          </Group>
          {inherited && (
            <Text size="sm" c="dimmed" mb="sm">
              This category uses the default questionnaire; publishing gives it its own, starting from these questions.
            </Text>
          )}
          <ErrorAlert error={current.error} />
          {errors.questions && (
            <Text c="red" size="sm" mb="sm">
              {errors.questions}
            </Text>
          )}
          <Stack>
            {questions.map((q, i) => (
              <QuestionEditor
                // biome-ignore lint/suspicious/noArrayIndexKey: keys are edited in place, so the position identifies the question
                key={i}
                index={i}
                question={q}
                errors={errors}
                onChange={(next) => setQuestions(questions.map((x, j) => (j === i ? next : x)))}
                onRemove={() => setQuestions(questions.filter((_, j) => j !== i))}
                onMove={(by) => move(i, by)}
              />
            ))}
            <Button
              variant="light"
              leftSection={<IconPlus size={16} />}
              w="fit-content"
              onClick={() => setQuestions([...questions, blank(questions.length + 1)])}
            >
              Add a question
            </Button>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Card withBorder data-testid="questionnaire-versions">
            <Title order={2} size="h5" mb="sm">
              Versions
            </Title>
            {(versions.data ?? []).length === 0 && (
              <Text size="sm" c="dimmed">
                None published for this category yet.
              </Text>
            )}
            <Stack gap="xs">
              {(versions.data ?? []).map((v) => (
                <Group key={`${v.version}-${v.id}`} justify="space-between">
                  <div>
                    <Text size="sm">
                      v{v.version} · {v.title} {v.builtIn && <Badge size="xs">built in</Badge>}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {v.questions.length} questions{v.createdAt ? ` · ${new Date(v.createdAt).toLocaleString()}` : ''}
                    </Text>
                  </div>
                  <Button size="xs" variant="subtle" onClick={() => load(v)}>
                    Edit from this
                  </Button>
                </Group>
              ))}
            </Stack>
          </Card>
        </Grid.Col>
      </Grid>
    </>
  );
}
