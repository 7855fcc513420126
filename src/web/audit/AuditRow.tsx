import { ActionIcon, Anchor, Badge, Table, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import type { AuditEvent } from '../api/types.ts';
import { formatTime } from '../common/formatTime.ts';
import { objectLabel } from './objectLabel.ts';
import { ValueDiff } from './ValueDiff.tsx';

const OBJECT_PAGES: Record<string, string> = { user: '/users', team: '/teams' };

/** One event, expandable to its before and after values side by side. */
export function AuditRow({ event: e, expanded, onToggle }: { event: AuditEvent; expanded: boolean; onToggle: () => void }) {
  const label = objectLabel(e);
  const page = OBJECT_PAGES[e.objectType];
  const deleted = e.action.endsWith('.delete');
  const detailsId = `audit-details-${e.id}`;
  return (
    <>
      <Table.Tr data-testid="audit-row">
        <Table.Td>
          <ActionIcon
            variant="subtle"
            aria-expanded={expanded}
            aria-controls={expanded ? detailsId : undefined}
            aria-label={`${expanded ? 'Hide' : 'Show'} details of ${e.action} at ${formatTime(e.occurredAt)}`}
            onClick={onToggle}
          >
            {expanded ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
          </ActionIcon>
        </Table.Td>
        <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatTime(e.occurredAt)}</Table.Td>
        <Table.Td style={{ whiteSpace: 'nowrap' }}>
          {e.actorLabel}
          {e.actorType !== 'user' && (
            <Badge ml={6} size="xs" variant="outline">
              {e.actorType}
            </Badge>
          )}
        </Table.Td>
        <Table.Td>
          <Text ff="monospace" size="sm">
            {e.action}
          </Text>
        </Table.Td>
        <Table.Td>
          {page && e.objectId && !deleted ? (
            <Anchor component={Link} to={`${page}/${e.objectId}`} size="sm">
              {label}
            </Anchor>
          ) : (
            <Text size="sm">{label}</Text>
          )}
        </Table.Td>
      </Table.Tr>
      {expanded && (
        <Table.Tr id={detailsId}>
          <Table.Td colSpan={5} bg="var(--mantine-color-gray-0)">
            <ValueDiff before={e.before} after={e.after} />
            <Text size="xs" c="dimmed" mt="xs">
              event {e.id} · object id {e.objectId ?? '—'} · request {e.requestId ?? '—'} · address {e.ip ?? '—'}
            </Text>
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}
