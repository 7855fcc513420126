import { Button, Group, Paper, Rating, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { del, put } from '../api/client.ts';
import { useCan } from '../auth/useCan.ts';
import { useSession } from '../auth/useSession.ts';
import { formatTime } from '../common/formatTime.ts';
import { notifySuccess, showApiError } from '../common/formErrors.ts';
import type { TemplateDetail } from './templateTypes.ts';

/** Ratings and reviews: everyone's, and the caller's own form (not on their own template). */
export function TemplateReviews({ template }: { template: TemplateDetail }) {
  const { data: session } = useSession();
  const canRate = useCan('ideas.submit');
  const queryClient = useQueryClient();
  const [stars, setStars] = useState(template.myReview?.stars ?? 0);
  const [text, setText] = useState(template.myReview?.text ?? '');
  useEffect(() => {
    setStars(template.myReview?.stars ?? 0);
    setText(template.myReview?.text ?? '');
  }, [template.myReview]);
  const own = session?.user.id === template.author?.id;
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['templates'] });

  const save = async () => {
    try {
      await put(`/api/v1/templates/${template.id}/reviews/mine`, { stars, text });
      await refresh();
      notifySuccess('Thanks for your review.');
    } catch (error) {
      showApiError(error);
    }
  };
  const remove = async () => {
    try {
      await del(`/api/v1/templates/${template.id}/reviews/mine`);
      await refresh();
      notifySuccess('Review deleted.');
    } catch (error) {
      showApiError(error);
    }
  };

  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        Reviews
      </Title>
      {canRate && !own && template.status === 'active' && (
        <Paper withBorder p="sm">
          <Stack gap="xs">
            <Group gap="xs">
              <Text size="sm">Your rating</Text>
              <Rating value={stars} onChange={setStars} aria-label="Your rating" />
            </Group>
            <Textarea
              aria-label="Your review"
              placeholder="What worked, what did you have to change? (optional)"
              autosize
              minRows={2}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
            />
            <Group>
              <Button size="xs" onClick={save} disabled={stars < 1}>
                {template.myReview ? 'Update review' : 'Rate'}
              </Button>
              {template.myReview && (
                <Button size="xs" variant="subtle" color="red" onClick={remove}>
                  Delete my review
                </Button>
              )}
            </Group>
          </Stack>
        </Paper>
      )}
      {template.reviews.length === 0 && <Text c="dimmed">No reviews yet.</Text>}
      {template.reviews.map((r) => (
        <Paper key={r.user?.id ?? r.createdAt} withBorder p="sm" data-testid="template-review">
          <Group gap="xs">
            <Rating value={r.stars} readOnly size="sm" aria-label={`${r.stars} stars`} />
            <Text size="sm" fw={500}>
              {r.user?.name ?? '—'}
            </Text>
            <Text size="xs" c="dimmed">
              {formatTime(r.updatedAt)}
            </Text>
          </Group>
          {r.text && (
            <Text size="sm" mt={4}>
              {r.text}
            </Text>
          )}
        </Paper>
      ))}
    </Stack>
  );
}
