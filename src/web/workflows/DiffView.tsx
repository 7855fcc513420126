import { Badge, Code, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { FieldChange, WorkflowDiff } from '../api/workflowTypes.ts';

const show = (v: unknown) => (v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

function ChangesTable({ changes }: { changes: FieldChange[] }) {
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table withTableBorder fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Field</Table.Th>
            <Table.Th>Before</Table.Th>
            <Table.Th>After</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {changes.map((c) => (
            <Table.Tr key={c.path}>
              <Table.Td>
                <Code>{c.path}</Code>
              </Table.Td>
              <Table.Td bg="red.0" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                {show(c.before)}
              </Table.Td>
              <Table.Td bg="teal.0" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                {show(c.after)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function IdList({ label, color, ids }: { label: string; color: string; ids: string[] }) {
  if (ids.length === 0) return null;
  return (
    <Group gap={6}>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      {ids.map((id) => (
        <Badge key={id} color={color} variant="light" tt="none">
          {id}
        </Badge>
      ))}
    </Group>
  );
}

/** What changed between two versions: steps added, removed and changed (field by field), connections, settings. */
export function DiffView({ diff }: { diff: WorkflowDiff }) {
  const empty =
    diff.nodes.added.length +
      diff.nodes.removed.length +
      diff.nodes.changed.length +
      diff.edges.added.length +
      diff.edges.removed.length +
      diff.settings.length ===
    0;
  if (empty) return <Text c="dimmed">No differences.</Text>;
  return (
    <Stack gap="sm" data-testid="workflow-diff">
      <IdList label="Steps added" color="teal" ids={diff.nodes.added} />
      <IdList label="Steps removed" color="red" ids={diff.nodes.removed} />
      <IdList label="Connections added" color="teal" ids={diff.edges.added} />
      <IdList label="Connections removed" color="red" ids={diff.edges.removed} />
      {diff.nodes.changed.map((n) => (
        <div key={n.id}>
          <Title order={3} size="h6" mb={4}>
            Step {n.id} changed
          </Title>
          <ChangesTable changes={n.fields} />
        </div>
      ))}
      {diff.settings.length > 0 && (
        <div>
          <Title order={3} size="h6" mb={4}>
            Settings changed
          </Title>
          <ChangesTable changes={diff.settings} />
        </div>
      )}
    </Stack>
  );
}
