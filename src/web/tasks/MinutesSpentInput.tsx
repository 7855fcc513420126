import { NumberInput } from '@mantine/core';

/** The optional "how long did this take you?" of every decision; measured value counts it. */
export function MinutesSpentInput({ value, onChange }: { value: number | ''; onChange: (v: number | '') => void }) {
  return (
    <NumberInput
      label="Minutes spent"
      description="Optional: how long this took you (it makes the automation's measured value exact)"
      min={0}
      max={1440}
      allowDecimal={false}
      allowNegative={false}
      value={value}
      onChange={(v) => onChange(typeof v === 'number' ? v : '')}
      w={{ base: '100%', sm: 260 }}
    />
  );
}

/** The request fragment for a decision body: nothing when the person left it empty. */
export const minutesSpentBody = (value: number | '') => (value === '' ? {} : { minutesSpent: value });
