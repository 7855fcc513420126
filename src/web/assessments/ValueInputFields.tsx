import { Card, NumberInput, Select, SimpleGrid, TagsInput, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Estimate, ValueInput } from './assessmentTypes.ts';
import { EstimateInput } from './EstimateInput.tsx';
import { errorAt, getIn, setIn } from './valueForm.ts';

const FREQUENCIES = ['hourly', 'daily', 'weekly', 'biweekly', 'monthly', 'quarterly', 'yearly'];

type Spec =
  | { path: string; label: string; kind: 'estimate'; min?: number; max?: number; step?: number; description?: string }
  | { path: string; label: string; kind: 'number'; min?: number; max?: number; step?: number; description?: string }
  | { path: string; label: string; kind: 'select'; options: string[]; description?: string };

const share = { min: 0, max: 1, step: 0.05 };

/** The fields of the AssessmentValueRequest, by section; ranges where the schema allows an estimate. */
const SECTIONS: { title: string; fields: Spec[] }[] = [
  {
    title: 'Volumetry (today)',
    fields: [
      { path: 'volumetry.frequency', label: 'Cases arrive', kind: 'select', options: FREQUENCIES },
      { path: 'volumetry.volume', label: 'Cases per period', kind: 'estimate', min: 0 },
      { path: 'volumetry.minutesPerCase', label: 'Minutes per case', kind: 'estimate', min: 0 },
      { path: 'volumetry.errorRate', label: 'Error rate (0–1)', kind: 'estimate', ...share },
      { path: 'volumetry.reworkMinutes', label: 'Rework minutes per error', kind: 'estimate', min: 0 },
      { path: 'volumetry.reviewShare', label: 'Share reviewed (0–1)', kind: 'estimate', ...share },
      { path: 'volumetry.reviewMinutes', label: 'Minutes per review', kind: 'estimate', min: 0 },
      { path: 'volumetry.hourlyCost', label: 'Hourly cost of the people', kind: 'estimate', min: 0 },
    ],
  },
  {
    title: 'Automation potential',
    fields: [
      { path: 'potential.ruleBasedShare', label: 'Rule-based share (0–1)', kind: 'number', ...share },
      { path: 'potential.unstructuredShare', label: 'Unstructured input share (0–1)', kind: 'number', ...share },
      { path: 'potential.nonDigitalShare', label: 'Paper / phone share (0–1)', kind: 'number', ...share },
      { path: 'potential.variants', label: 'Process variants', kind: 'number', min: 1 },
    ],
  },
  {
    title: 'Ease of implementation',
    fields: [
      { path: 'ease.steps', label: 'Steps', kind: 'number', min: 1 },
      { path: 'ease.decisionPoints', label: 'Decision points', kind: 'number', min: 0 },
      { path: 'ease.stability', label: 'Stability (1 = big change … 5 = stable)', kind: 'number', min: 1, max: 5 },
      { path: 'ease.exceptionRate', label: 'Exception rate (0–1)', kind: 'number', ...share },
      { path: 'ease.peakRatio', label: 'Peak ÷ average volume', kind: 'number', min: 1, step: 0.5 },
      { path: 'ease.legacySystems', label: 'Applications without an API', kind: 'number', min: 0 },
      { path: 'ease.dataClass', label: 'Data class', kind: 'select', options: ['public', 'internal', 'confidential', 'restricted'] },
      { path: 'ease.uptime', label: 'Uptime needed', kind: 'select', options: ['business-hours', 'extended', 'always'] },
    ],
  },
  {
    title: 'Benefit',
    fields: [
      { path: 'benefit.adoption', label: 'Adoption (0–1, default 0.8)', kind: 'estimate', ...share },
      { path: 'benefit.costPerError', label: 'Cost per error avoided', kind: 'estimate', min: 0 },
      { path: 'benefit.otherBenefits', label: 'Other benefits a year', kind: 'estimate', min: 0 },
    ],
  },
  {
    title: 'Cost',
    fields: [
      { path: 'cost.buildHours', label: 'Build hours', kind: 'estimate', min: 0 },
      { path: 'cost.builderHourlyCost', label: 'Builder hourly cost', kind: 'number', min: 0 },
      { path: 'cost.buildOtherCost', label: 'Other build cost', kind: 'estimate', min: 0 },
      { path: 'cost.platformCostPerYear', label: 'Platform cost a year', kind: 'estimate', min: 0 },
      { path: 'cost.maintenanceShare', label: 'Maintenance (share of build, default 0.15)', kind: 'estimate', ...share },
      { path: 'cost.supportHoursPerYear', label: 'Support hours a year', kind: 'estimate', min: 0 },
      { path: 'discountRate', label: 'Discount rate (0.08 = 8 %)', kind: 'number', ...share, step: 0.01 },
    ],
  },
];

const toNumber = (v: number | string) => (typeof v === 'number' ? v : v === '' ? undefined : Number(v));

/** The volumetry, potential, ease, benefit and cost fields; server errors shown on their field. */
export function ValueInputFields(props: {
  value: ValueInput;
  onChange: (value: ValueInput) => void;
  errors: Record<string, string>;
  disabled?: boolean;
}) {
  const { value, onChange, errors } = props;
  const field = (spec: Spec): ReactNode => {
    const path = spec.path.split('.');
    const current = getIn(value, path);
    const error = errorAt(errors, `input.${spec.path}`);
    const set = (v: unknown) => onChange(setIn(value, path, v));
    if (spec.kind === 'estimate')
      return (
        <EstimateInput
          key={spec.path}
          name={spec.path}
          label={spec.label}
          value={current as Estimate | undefined}
          onChange={set}
          error={error}
          min={spec.min}
          max={spec.max}
          step={spec.step}
        />
      );
    if (spec.kind === 'select')
      return (
        <Select
          key={spec.path}
          size="xs"
          label={spec.label}
          data={spec.options}
          clearable={!spec.path.startsWith('volumetry')}
          value={(current as string | undefined) ?? null}
          onChange={(v) => set(v ?? undefined)}
          error={error}
          data-field={spec.path}
        />
      );
    return (
      <NumberInput
        key={spec.path}
        size="xs"
        label={spec.label}
        min={spec.min}
        max={spec.max}
        step={spec.step ?? 1}
        decimalScale={4}
        hideControls
        value={(current as number | undefined) ?? ''}
        onChange={(v) => set(toNumber(v))}
        error={error}
        data-field={spec.path}
      />
    );
  };
  return (
    <fieldset disabled={props.disabled} style={{ border: 0, padding: 0, margin: 0 }}>
      {SECTIONS.map((s) => (
        <Card withBorder mb="md" key={s.title}>
          <Title order={2} size="h5" mb="sm">
            {s.title}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {s.fields.map(field)}
            {s.title.startsWith('Volumetry') && (
              <TagsInput
                size="xs"
                label="Applications used"
                value={value.volumetry.applications}
                onChange={(apps) => onChange(setIn(value, ['volumetry', 'applications'], apps))}
                error={errorAt(errors, 'input.volumetry.applications')}
              />
            )}
          </SimpleGrid>
        </Card>
      ))}
    </fieldset>
  );
}
