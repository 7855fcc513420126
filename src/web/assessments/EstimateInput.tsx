import { Checkbox, Group, Input, NumberInput } from '@mantine/core';
import type { Estimate } from './assessmentTypes.ts';

const num = (v: number | string) => (typeof v === 'number' ? v : v === '' ? undefined : Number(v));

/**
 * A number, or — with "range" ticked — a three-point estimate low / likely / high. `error` is
 * the server's message for this field or any of its parts.
 */
export function EstimateInput(props: {
  label: string;
  description?: string;
  value: Estimate | undefined;
  onChange: (value: Estimate | undefined) => void;
  error?: string | undefined;
  min?: number;
  max?: number;
  step?: number;
  name: string;
}) {
  const { value, onChange } = props;
  const ranged = typeof value === 'object';
  const likely = typeof value === 'object' ? value.likely : value;
  const common = { min: props.min, max: props.max, step: props.step ?? 1, decimalScale: 4, hideControls: true, size: 'xs' as const };
  const toggle = (on: boolean) => {
    const x = likely ?? 0;
    onChange(on ? { low: x, likely: x, high: x } : likely);
  };
  return (
    <Input.Wrapper label={props.label} description={props.description} error={props.error} data-field={props.name}>
      <Group gap={6} wrap="nowrap" align="center">
        {ranged ? (
          <>
            <NumberInput
              {...common}
              aria-label={`${props.label} low`}
              placeholder="low"
              value={value.low}
              onChange={(v) => onChange({ ...value, low: num(v) as number })}
              error={!!props.error}
            />
            <NumberInput
              {...common}
              aria-label={`${props.label} likely`}
              placeholder="likely"
              value={value.likely}
              onChange={(v) => onChange({ ...value, likely: num(v) as number })}
              error={!!props.error}
            />
            <NumberInput
              {...common}
              aria-label={`${props.label} high`}
              placeholder="high"
              value={value.high}
              onChange={(v) => onChange({ ...value, high: num(v) as number })}
              error={!!props.error}
            />
          </>
        ) : (
          <NumberInput
            {...common}
            aria-label={props.label}
            value={likely ?? ''}
            onChange={(v) => onChange(num(v))}
            error={!!props.error}
            style={{ flex: 1 }}
          />
        )}
        <Checkbox
          size="xs"
          label="range"
          aria-label={`${props.label}: low / likely / high`}
          checked={ranged}
          onChange={(e) => toggle(e.currentTarget.checked)}
        />
      </Group>
    </Input.Wrapper>
  );
}
