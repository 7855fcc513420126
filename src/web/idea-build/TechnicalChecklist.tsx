import { Badge, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { type ChecklistItem, DATA_CLASSES, ITEM_LABELS } from './reviewTypes.ts';

const STATE_COLOURS: Record<ChecklistItem['state'], string> = { passed: 'green', waived: 'yellow', to_confirm: 'blue', failing: 'red' };

/** The technical checklist: each item's automatic result (✓/✗ with why) and the reviewer's confirmation or waiver. */
export function TechnicalChecklist({
  items,
  canDecide,
  onCheck,
}: {
  items: ChecklistItem[];
  canDecide: boolean;
  onCheck: (item: ChecklistItem['item'], body: { decision: 'confirm' | 'waive'; reason?: string; dataClass?: string }) => Promise<void>;
}) {
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [dataClass, setDataClass] = useState<string | null>(null);
  return (
    <Stack gap="xs" data-testid="technical-checklist">
      {items.map((c) => (
        <div key={c.item} data-item={c.item}>
          <Group gap="xs" justify="space-between">
            <Text size="sm" fw={600}>
              {c.auto.pass === true ? '✓' : c.auto.pass === false ? '✗' : '?'} {ITEM_LABELS[c.item]}
            </Text>
            <Badge size="sm" variant="light" color={STATE_COLOURS[c.state]}>
              {c.state.replace('_', ' ')}
            </Badge>
          </Group>
          {c.auto.why.map((why) => (
            <Text key={why} size="xs" c="dimmed">
              {why}
            </Text>
          ))}
          {c.decision && (
            <Text size="xs">
              {c.decision.decision} by {c.decision.by}
              {c.decision.reason ? `: ${c.decision.reason}` : ''}
            </Text>
          )}
          {canDecide && c.state !== 'passed' && c.state !== 'waived' && (
            <Group gap="xs" mt={4} align="flex-end">
              {c.item === 'data_class' && (
                <Select size="xs" label="Data class" data={[...DATA_CLASSES]} value={dataClass} onChange={setDataClass} w={140} />
              )}
              <Button
                size="xs"
                variant="light"
                disabled={c.item === 'data_class' ? !dataClass : c.auto.pass !== true}
                onClick={() => onCheck(c.item, { decision: 'confirm', ...(c.item === 'data_class' && dataClass ? { dataClass } : {}) })}
              >
                Confirm {ITEM_LABELS[c.item].toLowerCase()}
              </Button>
              <TextInput
                size="xs"
                placeholder="Reason to waive"
                aria-label={`Reason to waive ${ITEM_LABELS[c.item].toLowerCase()}`}
                value={reasons[c.item] ?? ''}
                onChange={(e) => setReasons({ ...reasons, [c.item]: e.currentTarget.value })}
              />
              <Button
                size="xs"
                variant="subtle"
                color="yellow"
                disabled={(reasons[c.item] ?? '').trim().length < 3}
                onClick={() => onCheck(c.item, { decision: 'waive', reason: reasons[c.item] ?? '' })}
              >
                Waive
              </Button>
            </Group>
          )}
        </div>
      ))}
    </Stack>
  );
}
