import { Anchor, Badge, Button, Card, Divider, Group, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { del, get, post, put } from '../api/client.ts';
import { formatTime } from '../common/formatTime.ts';
import { notifySuccess, showApiError } from '../common/formErrors.ts';
import { LinkWorkflow } from './LinkWorkflow.tsx';
import { ReviewDecision } from './ReviewDecision.tsx';
import type { IdeaReviews, ReviewRound } from './reviewTypes.ts';
import { TechnicalChecklist } from './TechnicalChecklist.tsx';

const STATUS_COLOURS: Record<string, string> = { approved: 'green', pending: 'blue', changes_requested: 'orange' };

function RoundBadge({ round }: { round: ReviewRound | null }) {
  if (!round) return <Badge variant="outline">not submitted</Badge>;
  return (
    <Badge variant="light" color={STATUS_COLOURS[round.status] ?? 'gray'}>
      {round.status.replace('_', ' ')} · round {round.round}
    </Badge>
  );
}

/**
 * The citizen developer's card on an idea: claim it, create a workflow for it, see the linked
 * workflows and their test runs, ask for the business then the technical review, and (reviewers)
 * work the checklist and decide. The go-live move waits for both approvals.
 */
export function IdeaBuildCard({ ideaId, builder }: { ideaId: string; builder: { name: string } | null }) {
  const queryClient = useQueryClient();
  const reviews = useQuery({ queryKey: ['idea', ideaId, 'reviews'], queryFn: () => get<IdeaReviews>(`/api/v1/ideas/${ideaId}/reviews`) });
  const r = reviews.data;
  // Building starts once the idea passed the decision gate.
  if (!r || ['idea', 'assessment'].includes(r.phase) || (r.phase === 'qualification' && r.status !== 'approved')) return null;
  const base = `/api/v1/ideas/${ideaId}`;
  const act = async (what: () => Promise<unknown>, done: string) => {
    try {
      await what();
      notifySuccess(done);
      await queryClient.invalidateQueries({ queryKey: ['idea', ideaId] });
    } catch (error) {
      showApiError(error);
    }
  };
  const decide = (kind: 'business' | 'technical') => (decision: 'approve' | 'request_changes', note: string) =>
    act(
      () => post(`${base}/reviews/${kind}/decision`, { decision, ...(note.trim() ? { note } : {}) }),
      decision === 'approve' ? `The ${kind} review is approved.` : 'Changes requested from the builder.',
    );

  return (
    <Card withBorder mt="md" data-testid="idea-build">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h5">
          Build
        </Title>
        <Badge color={r.goLive.ok ? 'green' : 'gray'} variant="light">
          {r.goLive.ok ? 'Ready to go Live' : 'Live waits for both reviews'}
        </Badge>
      </Group>
      <Group gap="xs" mb="xs">
        <Text size="sm">Builder: {builder?.name ?? 'not claimed yet'}</Text>
        {r.can.claim && (
          <Button size="xs" variant="light" onClick={() => act(() => post(`${base}/claim`), 'You are building this idea.')}>
            Claim to build
          </Button>
        )}
        {r.can.createWorkflow && (
          <Button
            size="xs"
            variant="light"
            onClick={() => act(() => post(`${base}/workflows/new`, {}), 'A draft workflow was created and linked.')}
          >
            Create a workflow for this idea
          </Button>
        )}
      </Group>
      {r.can.createWorkflow && (
        <LinkWorkflow
          linked={r.workflows.map((w) => w.id)}
          onLink={(workflowId) => act(() => post(`${base}/workflows`, { workflowId }), 'The workflow is linked to this idea.')}
        />
      )}
      {r.workflows.length > 0 && (
        <Table fz="sm" data-testid="idea-build-workflows">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Workflow</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Test runs</Table.Th>
              {r.can.createWorkflow && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.workflows.map((w) => (
              <Table.Tr key={w.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/workflows/${w.id}`}>
                    {w.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{w.publishedVersion === null ? w.status : `${w.status} · v${w.publishedVersion}`}</Table.Td>
                <Table.Td>
                  {w.succeededRuns} / {r.minTestRuns} succeeded
                </Table.Td>
                {r.can.createWorkflow && (
                  <Table.Td>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="gray"
                      aria-label={`Unlink ${w.name}`}
                      onClick={() => act(() => del(`${base}/workflows/${w.id}`), 'The workflow is no longer linked.')}
                    >
                      Unlink
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Divider my="sm" label="Business review" labelPosition="left" />
      <Group gap="xs" mb="xs" data-testid="business-review">
        <RoundBadge round={r.business} />
        {r.can.submitBusiness && (
          <Button size="xs" onClick={() => act(() => post(`${base}/reviews`, { kind: 'business' }), 'Submitted for business review.')}>
            Submit for business review
          </Button>
        )}
      </Group>
      {r.can.decideBusiness && <ReviewDecision kind="business" onDecide={decide('business')} />}
      <Divider my="sm" label="Technical review" labelPosition="left" />
      <Group gap="xs" mb="xs" data-testid="technical-review">
        <RoundBadge round={r.technical} />
        {r.can.submitTechnical && (
          <Button size="xs" onClick={() => act(() => post(`${base}/reviews`, { kind: 'technical' }), 'Submitted for technical review.')}>
            Submit for technical review
          </Button>
        )}
      </Group>
      {(r.technical || r.can.submitTechnical) && (
        <TechnicalChecklist
          items={r.checklist}
          canDecide={r.can.decideTechnical}
          onCheck={(item, body) => act(() => put(`${base}/reviews/technical/checks/${item}`, body), 'Checklist updated.')}
        />
      )}
      {r.can.decideTechnical && <ReviewDecision kind="technical" onDecide={decide('technical')} />}
      {r.history.length > 0 && (
        <>
          <Divider my="sm" label="Review history" labelPosition="left" />
          {r.history.map((h) => (
            <Text key={h.id} size="xs" mb={4}>
              {h.kind} review, round {h.round}: submitted by {h.submittedBy} {formatTime(h.submittedAt)}
              {h.decidedAt ? ` · ${h.status.replace('_', ' ')} by ${h.decidedBy} ${formatTime(h.decidedAt)}` : ' · waiting'}
              {h.decisionNote ? ` — ${h.decisionNote}` : ''}
            </Text>
          ))}
        </>
      )}
    </Card>
  );
}
