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

export function RoleBadge({ assignment }: { assignment: Pick<RoleAssignment, 'role' | 'scopeType' | 'scopeName'> }) {
  const scope = assignment.scopeType === 'global' ? '' : ` · ${assignment.scopeName ?? assignment.scopeType}`;
  return (
    <Badge color={COLORS[assignment.role] ?? 'gray'} variant="light" tt="none">
      {assignment.role.replace('_', ' ')}
      {scope}
    </Badge>
  );
}
