import { Card, Text } from '@mantine/core';
import { Link } from 'react-router-dom';

/** A headline number that links to its list. */
export function StatCard({ label, value, to }: { label: string; value: number | undefined; to: string }) {
  return (
    <Card withBorder component={Link} to={to} style={{ textDecoration: 'none' }} aria-label={`${label}: ${value ?? 'loading'}`}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text fz={32} fw={700}>
        {value ?? '…'}
      </Text>
    </Card>
  );
}
