import { Button } from '@mantine/core';
import { toCsv } from './processMap.ts';

/** Downloads a table's rows as CSV. */
export function CsvButton({ name, rows, columns }: { name: string; rows: readonly Record<string, unknown>[]; columns: readonly string[] }) {
  return (
    <Button
      size="xs"
      variant="default"
      onClick={() => {
        const url = URL.createObjectURL(new Blob([toCsv(rows, columns)], { type: 'text/csv' }));
        const a = document.createElement('a');
        a.href = url;
        a.download = `${name}.csv`;
        a.click();
        setTimeout(() => URL.revokeObjectURL(url), 1000);
      }}
    >
      CSV
    </Button>
  );
}
