import { Badge } from '@mantine/core';
import type { WorkflowStatus } from '../api/workflowTypes.ts';

const COLOR: Record<WorkflowStatus, string> = { draft: 'gray', active: 'teal', archived: 'dark' };

/** draft / active (with its live version) / archived. */
export function WorkflowStatusBadge({ status, version }: { status: WorkflowStatus; version?: number | null }) {
  return (
    <Badge color={COLOR[status] ?? 'gray'} variant="light">
      {status === 'active' && version ? `active · v${version}` : status}
    </Badge>
  );
}
