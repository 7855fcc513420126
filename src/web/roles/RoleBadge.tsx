import { Badge } from '@mantine/core';
import type { RoleAssignment } from '../api/types.ts';

const COLORS: Record<string, string> = {
  admin: 'red',
  programme_manager: 'grape',
  approver: 'orange',
  builder: 'blue',
  member: 'gray',
  viewer: 'teal',
};

/** A role, with the team or category it is limited to (unless `hideScope`). */
export function RoleBadge({
  assignment,
  hideScope = false,
}: {
  assignment: Pick<RoleAssignment, 'role' | 'scopeType' | 'scopeName'>;
  hideScope?: boolean;
}) {
  const scope = hideScope || assignment.scopeType === 'global' ? '' : ` · ${assignment.scopeName ?? assignment.scopeType}`;
  return (
    <Badge color={COLORS[assignment.role] ?? 'gray'} variant="light" tt="none" miw="max-content">
      {assignment.role.replaceAll('_', ' ')}
      {scope}
    </Badge>
  );
}
