import { Anchor, Badge, Button, Card, Grid, Group, Modal, Stack, Text, Textarea, Timeline, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { del, get, post, put } from '../api/client.ts';
import { AssessmentCard } from '../assessments/AssessmentCard.tsx';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { formatTime } from '../common/formatTime.ts';
import { notifySuccess, showApiError } from '../common/formErrors.ts';
import { PageHeader } from '../common/PageHeader.tsx';
import { IdeaBuildCard } from '../idea-build/IdeaBuildCard.tsx';
import { IdeaTemplates } from '../templates/IdeaTemplates.tsx';
import { IdeaValueCard } from '../value/IdeaValueCard.tsx';
import { IdeaScorePanel } from './IdeaScorePanel.tsx';
import { type IdeaComment, type IdeaDetail, type IdeaTransition, label } from './ideaTypes.ts';

/** One idea: what it is, its score, the community (votes, follows, comments) and its moves through the pipeline. */
export function IdeaDetailPage() {
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const idea = useQuery({ queryKey: ['idea', id], queryFn: () => get<IdeaDetail>(`/api/v1/ideas/${id}`) });
  const comments = useQuery({ queryKey: ['idea', id, 'comments'], queryFn: () => get<IdeaComment[]>(`/api/v1/ideas/${id}/comments`) });
  const history = useQuery({
    queryKey: ['idea', id, 'transitions'],
    queryFn: () => get<IdeaTransition[]>(`/api/v1/ideas/${id}/transitions`),
  });
  const [comment, setComment] = useState('');
  const [move, setMove] = useState<IdeaDetail['moves'][number] | null>(null);
  const [reason, setReason] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['idea', id] });
  const i = idea.data;
  if (idea.error) return <ErrorAlert error={idea.error} />;
  if (!i) return <Text c="dimmed">Loading…</Text>;

  const toggle = async (what: 'vote' | 'follow', on: boolean) => {
    try {
      await (on ? del(`/api/v1/ideas/${id}/${what}`) : put(`/api/v1/ideas/${id}/${what}`));
      await refresh();
    } catch (error) {
      showApiError(error);
    }
  };
  const send = async () => {
    try {
      await post(`/api/v1/ideas/${id}/comments`, { body: comment });
      setComment('');
      await refresh();
    } catch (error) {
      showApiError(error);
    }
  };
  const moveIt = async () => {
    if (!move) return;
    try {
      await post(`/api/v1/ideas/${id}/transitions`, { phase: move.phase, status: move.status, reason });
      notifySuccess(`Moved to ${label(move.phase)} · ${label(move.status)}.`);
      setMove(null);
      setReason('');
      await refresh();
    } catch (error) {
      showApiError(error);
    }
  };

  return (
    <>
      <PageHeader
        title={i.name}
        description={
          <>
            {i.category.name}
            {i.team ? ` · ${i.team.name}` : ''} · submitted by {i.submitter?.name ?? 'someone'} on {formatTime(i.createdAt)} ·{' '}
            <Anchor component={Link} to="/ideas">
              All ideas
            </Anchor>
          </>
        }
        actions={
          <Group gap="xs">
            <Badge size="lg" variant="light">
              {label(i.phase)}
            </Badge>
            <Badge size="lg" variant="outline">
              {label(i.status)}
            </Badge>
          </Group>
        }
      />
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card withBorder mb="md">
            <Text style={{ whiteSpace: 'pre-wrap' }}>{i.description}</Text>
            {i.painPoints && (
              <Text size="sm" c="dimmed" mt="sm">
                Pain points: {i.painPoints}
              </Text>
            )}
            <Text size="sm" mt="sm">
              {i.frequencyCount} cases per {i.frequencyPeriod}, {i.minutesPerCase} min each · about {Math.round(i.hoursPerMonth)} hours a
              month
              {i.supporters > 0 ? ` (with ${i.supporters} who have this process too)` : ''}
              {i.applications.length > 0 ? ` · ${i.applications.join(', ')}` : ''}
            </Text>
            <Group mt="md" gap="xs" data-testid="idea-community">
              <Button size="xs" variant={i.voted ? 'filled' : 'light'} onClick={() => toggle('vote', i.voted)}>
                {i.voted ? 'You voted' : 'My team has this too'} · {i.votes}
              </Button>
              <Button size="xs" variant={i.following ? 'filled' : 'default'} onClick={() => toggle('follow', i.following)}>
                {i.following ? 'Following' : 'Follow'} · {i.followers}
              </Button>
            </Group>
          </Card>
          <Card withBorder mb="md">
            <Title order={2} size="h5" mb="sm">
              Comments ({i.comments})
            </Title>
            <Stack gap="xs" mb="sm" data-testid="idea-comments">
              {(comments.data ?? []).map((c) => (
                <div key={c.id}>
                  <Text size="sm" fw={600}>
                    {c.author}{' '}
                    <Text span size="xs" c="dimmed" fw={400}>
                      {formatTime(c.createdAt)}
                    </Text>
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {c.body}
                  </Text>
                </div>
              ))}
            </Stack>
            <Textarea
              label="Add a comment"
              description="Mention people with @name or @e-mail: they are notified."
              autosize
              minRows={2}
              value={comment}
              onChange={(e) => setComment(e.currentTarget.value)}
            />
            <Group justify="flex-end" mt="xs">
              <Button size="xs" onClick={send} disabled={!comment.trim()}>
                Comment
              </Button>
            </Group>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <IdeaScorePanel score={i.score} />
          <IdeaValueCard ideaId={id} />
          <AssessmentCard ideaId={i.id} />
          <Card withBorder mt="md" data-testid="idea-moves">
            <Title order={2} size="h5" mb="sm">
              Pipeline
            </Title>
            {i.moves.length === 0 ? (
              <Text size="sm" c="dimmed">
                Nothing for you to decide here.
              </Text>
            ) : (
              <Group gap="xs" mb="sm">
                {i.moves.map((m) => (
                  <Button key={`${m.action}-${m.phase}-${m.status}`} size="xs" variant="light" onClick={() => setMove(m)}>
                    {label(m.action)}: {label(m.phase)} · {label(m.status)}
                  </Button>
                ))}
              </Group>
            )}
            <Timeline bulletSize={12} lineWidth={2} mt="sm">
              {(history.data ?? []).map((h) => (
                <Timeline.Item key={h.id} title={`${label(h.toPhase)} · ${label(h.toStatus)}`}>
                  <Text size="xs" c="dimmed">
                    {h.actor}, {formatTime(h.createdAt)}
                  </Text>
                  <Text size="sm">{h.reason}</Text>
                </Timeline.Item>
              ))}
            </Timeline>
            {i.workflows.length > 0 && (
              <Text size="sm" mt="sm">
                Built as:{' '}
                {i.workflows.map((w) => (
                  <Anchor key={w.id} component={Link} to={`/workflows/${w.id}`} mr="xs">
                    {w.name}
                  </Anchor>
                ))}
              </Text>
            )}
          </Card>
          <IdeaTemplates ideaId={i.id} />
          <IdeaBuildCard ideaId={i.id} builder={i.builder} />
        </Grid.Col>
      </Grid>
      <Modal opened={move !== null} onClose={() => setMove(null)} title="Move the idea">
        {move && (
          <Stack>
            <Text size="sm">
              {label(move.action)} → {label(move.phase)} · {label(move.status)}
            </Text>
            <Textarea
              label="Reason"
              description="Kept in the idea's history and the audit log"
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              autosize
              minRows={2}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setMove(null)}>
                Cancel
              </Button>
              <Button onClick={moveIt} disabled={reason.trim().length < 3}>
                Move
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
