import { Card, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { ResponsiveContainer } from 'recharts';

/** A titled card holding one recharts chart, labelled for screen readers (and tests) as an image. */
export function ChartCard({ title, label, children }: { title: string; label: string; children: ReactNode }) {
  return (
    <Card withBorder>
      <Title order={2} size="h5" mb="sm">
        {title}
      </Title>
      <div style={{ width: '100%', height: 240 }} role="img" aria-label={label}>
        <ResponsiveContainer>{children as never}</ResponsiveContainer>
      </div>
    </Card>
  );
}
