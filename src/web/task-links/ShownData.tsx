import { Table } from '@mantine/core';
import { JsonView } from '../common/JsonView.tsx';

/** The data a step shows the person: an object as a label/value table, anything else as JSON. */
export function ShownData({ value }: { value: unknown }) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return <JsonView value={value} empty="No data shown" />;
  const rows = Object.entries(value as Record<string, unknown>);
  return (
    <Table withTableBorder withColumnBorders verticalSpacing={4} aria-label="Data shown">
      <Table.Tbody>
        {rows.map(([key, v]) => (
          <Table.Tr key={key}>
            <Table.Th w="35%">{key}</Table.Th>
            <Table.Td style={{ wordBreak: 'break-word' }}>{typeof v === 'string' ? v : JSON.stringify(v)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
