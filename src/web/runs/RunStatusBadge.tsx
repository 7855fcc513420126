import { Badge } from '@mantine/core';
import { statusColor } from './statusColors.ts';

/** A run's or step's status as a coloured badge. */
export function RunStatusBadge({ status, size = 'sm' }: { status: string; size?: 'xs' | 'sm' | 'md' }) {
  return (
    <Badge color={statusColor(status)} variant={status === 'succeeded' || status === 'failed' ? 'filled' : 'light'} size={size}>
      {status}
    </Badge>
  );
}
