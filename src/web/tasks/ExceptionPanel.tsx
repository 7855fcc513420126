import { Button, Group, Modal, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { showApiError } from '../common/formErrors.ts';
import { NoActionNote } from './ApprovalPanel.tsx';
import { ExceptionDetails } from './ExceptionDetails.tsx';
import { JsonEditor } from './JsonEditor.tsx';
import { MinutesSpentInput, minutesSpentBody } from './MinutesSpentInput.tsx';
import { jsonText, parseJsonText } from './taskErrors.ts';
import type { ExceptionContext, TaskDetail } from './taskTypes.ts';
import { useDecide } from './useDecide.ts';

type Resolution = 'retry' | 'skip' | 'abort';

const HELP: Record<Resolution, string> = {
  retry: 'Runs the step again as its next attempt, with the input below (edit it to fix the data). If it fails again, a new task opens.',
  skip: 'The step counts as succeeded with the output below, and the run goes on with it.',
  abort: 'The step fails with RUN_ABORTED and so does the run. Say why.',
};

/** An exception: the error and input, and the three ways out — retry (edited input), skip (with an output), abort. */
export function ExceptionPanel({ task }: { task: TaskDetail }) {
  const context = task.context as ExceptionContext;
  const decide = useDecide(task);
  const [mode, setMode] = useState<Resolution>('retry');
  const [input, setInput] = useState(() => jsonText(context.input));
  const [output, setOutput] = useState('{}');
  const [reason, setReason] = useState('');
  const [comment, setComment] = useState('');
  const [minutes, setMinutes] = useState<number | ''>('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const can = task.actions.includes('resolve');

  /** The body to send, or null (and the reason shown) when the JSON or the reason is missing. */
  function body(): Record<string, unknown> | null {
    if (mode === 'abort') {
      if (!reason.trim()) {
        setError('Say why the run is aborted');
        return null;
      }
      return { action: 'abort', comment: reason };
    }
    const parsed = parseJsonText(mode === 'retry' ? input : output);
    if (!parsed.ok) {
      setError(parsed.error);
      return null;
    }
    return mode === 'retry' ? { action: 'retry', input: parsed.value, comment } : { action: 'skip', output: parsed.value, comment };
  }
  async function send(b: Record<string, unknown>) {
    setBusy(true);
    try {
      const done = { retry: 'Retrying the step.', skip: 'Step skipped; the run goes on.', abort: 'Run aborted.' }[mode];
      await decide('resolve', { ...b, ...minutesSpentBody(minutes) }, done);
    } catch (e) {
      showApiError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack>
      <ExceptionDetails context={context} />
      {!can ? (
        <NoActionNote task={task} />
      ) : (
        <>
          <SegmentedControl
            aria-label="How to resolve"
            data={[
              { value: 'retry', label: 'Retry' },
              { value: 'skip', label: 'Skip' },
              { value: 'abort', label: 'Abort run' },
            ]}
            value={mode}
            onChange={(v) => {
              setMode(v as Resolution);
              setError(null);
            }}
          />
          <Text size="sm" c="dimmed">
            {HELP[mode]}
          </Text>
          {mode === 'retry' && (
            <JsonEditor
              label="Input"
              description="JSON the step runs with"
              value={input}
              error={error}
              onChange={(t) => {
                setInput(t);
                setError(null);
              }}
            />
          )}
          {mode === 'skip' && (
            <JsonEditor
              label="Output"
              description="JSON the next steps get as this step's output"
              value={output}
              error={error}
              onChange={(t) => {
                setOutput(t);
                setError(null);
              }}
            />
          )}
          {mode === 'abort' ? (
            <Textarea
              label="Reason"
              value={reason}
              error={error}
              onChange={(e) => {
                setReason(e.currentTarget.value);
                setError(null);
              }}
              autosize
              minRows={2}
              maxLength={5000}
            />
          ) : (
            <Textarea
              label="Comment"
              description="Optional; kept with your decision"
              value={comment}
              onChange={(e) => setComment(e.currentTarget.value)}
              autosize
              minRows={2}
              maxLength={5000}
            />
          )}
          <MinutesSpentInput value={minutes} onChange={setMinutes} />
          <Group>
            {mode === 'retry' ? (
              <Button
                loading={busy}
                onClick={() => {
                  const b = body();
                  if (b) void send(b);
                }}
              >
                Retry the step
              </Button>
            ) : (
              <ResolveConfirm mode={mode} busy={busy} check={body} send={send} />
            )}
          </Group>
        </>
      )}
    </Stack>
  );
}

/** Skip and abort cannot be undone: the input is checked first, then the person confirms. */
function ResolveConfirm({
  mode,
  busy,
  check,
  send,
}: {
  mode: 'skip' | 'abort';
  busy: boolean;
  check: () => Record<string, unknown> | null;
  send: (b: Record<string, unknown>) => Promise<void>;
}) {
  const [pending, setPending] = useState<Record<string, unknown> | null>(null);
  const label = mode === 'skip' ? 'Skip the step' : 'Abort the run';
  return (
    <>
      <Button color={mode === 'abort' ? 'red' : undefined} loading={busy} onClick={() => setPending(check())}>
        {label}
      </Button>
      <Modal opened={pending !== null} onClose={() => setPending(null)} title="Please confirm" centered>
        <Text mb="lg">
          {mode === 'skip'
            ? 'Skip the step with this output? The run goes on and the step will not run again.'
            : 'Abort the run? The step and the run fail, and this cannot be undone.'}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setPending(null)}>
            Cancel
          </Button>
          <Button
            color="red"
            loading={busy}
            onClick={async () => {
              if (pending) await send(pending);
              setPending(null);
            }}
          >
            {label}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
