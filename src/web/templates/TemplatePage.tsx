import { Anchor, Badge, Button, Center, Grid, Group, List, Loader, Paper, Rating, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArchive, IconCopy } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { get, post } from '../api/client.ts';
import { useCan } from '../auth/useCan.ts';
import { ConfirmButton } from '../common/ConfirmButton.tsx';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { formatTime } from '../common/formatTime.ts';
import { notifySuccess, showApiError } from '../common/formErrors.ts';
import { PageHeader } from '../common/PageHeader.tsx';
import { Markdown } from './Markdown.tsx';
import { TemplateReviews } from './TemplateReviews.tsx';
import { TemplateSteps } from './TemplateSteps.tsx';
import type { TemplateDetail } from './templateTypes.ts';
import { UseTemplateModal } from './UseTemplateModal.tsx';

/** One template: documentation, steps, needed credentials, versions and reviews; "Use this template". */
export function TemplatePage() {
  const { id = '' } = useParams();
  const canBuild = useCan('workflows.build');
  const queryClient = useQueryClient();
  const [useOpened, useModal] = useDisclosure(false);
  const query = useQuery({ queryKey: ['templates', 'detail', id], queryFn: () => get<TemplateDetail>(`/api/v1/templates/${id}`) });
  const t = query.data;
  if (query.error) return <ErrorAlert error={query.error} />;
  if (!t) {
    return (
      <Center h={200}>
        <Loader aria-label="Loading" />
      </Center>
    );
  }
  const archive = async () => {
    try {
      await post(`/api/v1/templates/${t.id}/archive`);
      await queryClient.invalidateQueries({ queryKey: ['templates'] });
      notifySuccess(`${t.name} archived.`);
    } catch (error) {
      showApiError(error);
    }
  };
  return (
    <>
      <PageHeader
        title={t.name}
        description={
          <Group gap="xs" component="span">
            <Text span size="sm">
              v{t.version} by {t.author?.name ?? '—'} · {t.uses} {t.uses === 1 ? 'use' : 'uses'}
            </Text>
            <Rating value={t.rating ?? 0} fractions={10} readOnly size="xs" aria-label="Average rating" />
            <Text span size="sm">
              {t.rating === null ? 'no ratings' : `${t.rating.toFixed(1)} (${t.ratingCount})`}
            </Text>
            {t.category && (
              <Badge variant="light" tt="none">
                {t.category.name}
              </Badge>
            )}
            {t.status === 'archived' && <Badge color="gray">Archived</Badge>}
          </Group>
        }
        actions={
          <>
            {t.canEdit && t.status === 'active' && (
              <ConfirmButton
                variant="subtle"
                color="red"
                leftSection={<IconArchive size={16} />}
                question={`Archive ${t.name}? It leaves the gallery; workflows made from it stay.`}
                confirmLabel="Archive template"
                onConfirm={archive}
              >
                Archive
              </ConfirmButton>
            )}
            {canBuild && t.status === 'active' && (
              <Button leftSection={<IconCopy size={16} />} onClick={useModal.open}>
                Use this template
              </Button>
            )}
          </>
        }
      />
      <Grid>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack>
            {t.summary && <Text>{t.summary}</Text>}
            {t.documentation ? <Markdown source={t.documentation} /> : <Text c="dimmed">No documentation.</Text>}
            <TemplateReviews template={t} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack>
            <Paper withBorder p="sm">
              <Title order={2} size="h5" mb="xs">
                Steps
              </Title>
              <TemplateSteps definition={t.definition} />
            </Paper>
            <Paper withBorder p="sm" data-testid="template-needs">
              <Title order={2} size="h5" mb="xs">
                You will need
              </Title>
              {t.needs.length === 0 ? (
                <Text size="sm" c="dimmed">
                  Nothing: no credentials or secrets.
                </Text>
              ) : (
                <List size="sm" spacing={4}>
                  {t.needs.map((n) => (
                    <List.Item key={`${n.nodeId}-${n.path}`}>
                      <b>{n.nodeName}</b>: {n.message}
                    </List.Item>
                  ))}
                </List>
              )}
            </Paper>
            {(t.tags.length > 0 || t.sourceIdea) && (
              <Paper withBorder p="sm">
                <Group gap="xs">
                  {t.tags.map((tag) => (
                    <Badge key={tag} variant="outline" tt="none">
                      {tag}
                    </Badge>
                  ))}
                </Group>
                {t.sourceIdea && (
                  <Text size="sm" mt="xs">
                    Built for the idea{' '}
                    <Anchor component={Link} to={`/ideas/${t.sourceIdea.id}`}>
                      {t.sourceIdea.name}
                    </Anchor>
                  </Text>
                )}
              </Paper>
            )}
            <Paper withBorder p="sm">
              <Title order={2} size="h5" mb="xs">
                Versions
              </Title>
              <Stack gap={4}>
                {t.versions.map((v) => (
                  <Text key={v.version} size="sm">
                    v{v.version} · {formatTime(v.createdAt)} {v.createdBy ? `· ${v.createdBy}` : ''} {v.note ? `— ${v.note}` : ''}
                  </Text>
                ))}
              </Stack>
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
      <UseTemplateModal template={t} opened={useOpened} onClose={useModal.close} />
    </>
  );
}
