import { Card, Text } from '@mantine/core';

/** One key figure: a label, the value in large type, and a line of context. */
export function KpiCard({ label, value, hint }: { label: string; value: string; hint: string }) {
  return (
    <Card withBorder>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text fz={26} fw={700}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {hint}
      </Text>
    </Card>
  );
}
