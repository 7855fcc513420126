import type { RunStepsTable, RunsTable } from '../../platform/db/schema.ts';

export type RunRow = RunsTable;
export type StepRow = RunStepsTable;

/** One durable change; a batch of them commits in one transaction. */
export type WriteOp =
  | { kind: 'insert-run'; row: RunRow }
  | { kind: 'update-run'; id: string; patch: Partial<RunRow> }
  | { kind: 'upsert-step'; row: StepRow }
  | { kind: 'delete-steps'; runId: string; ids: string[] }
  | { kind: 'insert-blob'; id: string; runId: string; data: string }
  /** Parks a run: waiting, unleased, due when its earliest waiting step is due (read from the rows, so a wake that raced in is kept). */
  | { kind: 'release-waiting'; id: string; patch: Partial<RunRow> }
  /** Wakes a step waiting for something outside (a child run, a person) and its run. */
  | { kind: 'wake-step'; runId: string; stepId: string; stateJson: string; at: string };
