/** Shapes of the tasks API (docs/tasks.md; src/modules/tasks/tasks.schemas.ts is the source). */
export type TaskKind = 'approval' | 'form' | 'task' | 'exception';
export type TaskStatus = 'open' | 'claimed' | 'done' | 'expired' | 'cancelled';

export interface PersonRef {
  id: string;
  name: string;
}

export interface TaskSummary {
  id: string;
  kind: TaskKind;
  status: TaskStatus;
  title: string;
  workflowId: string | null;
  workflowName: string | null;
  runId: string | null;
  nodeId: string | null;
  policy: 'any' | 'all' | 'n_of_m';
  required: number;
  eligible: number;
  claimedBy: PersonRef | null;
  dueAt: string | null;
  expiresAt: string | null;
  overdue: boolean;
  escalatedAt: string | null;
  outcome: string | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

export interface TaskDecision {
  id: string;
  decider: PersonRef;
  actorLabel: string;
  onBehalf: boolean;
  decision: string;
  comment: string;
  data: unknown;
  at: string;
}

/** A field of a form step, as the server stores it (task-form.domain.ts). */
export interface FormFieldDef {
  key: string;
  label: string;
  type: 'text' | 'textarea' | 'number' | 'integer' | 'boolean' | 'date' | 'datetime' | 'email' | 'select' | 'multiselect' | 'file';
  required?: boolean;
  help?: string;
  options?: (string | { value: string; label: string })[];
  min?: number;
  max?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  maxBytes?: number;
  accept?: string[];
}

/** An uploaded file as a file field holds it. */
export interface FileValue {
  fileId: string;
  name: string;
  size: number;
  contentType: string;
}

export interface TaskDetail extends TaskSummary {
  description: string;
  assignees: { principal: string; label: string; reason: string }[];
  decisions: TaskDecision[];
  votesNeeded: number;
  barInitiator: boolean;
  initiator: PersonRef | null;
  form: { fields: FormFieldDef[]; prefill: Record<string, unknown>; schema: Record<string, unknown> } | null;
  outcomes: string[];
  context: unknown;
  result: unknown;
  actions: string[];
}

export interface TaskCounts {
  inbox: number;
  mine: number;
  team: number;
  overdue: number;
  byKind: Record<TaskKind, number>;
}

export interface BulkResult {
  id: string;
  ok: boolean;
  status: string | null;
  code: string | null;
  message: string | null;
}

export interface Delegation {
  id: string;
  user: PersonRef;
  delegate: PersonRef;
  startsAt: string;
  endsAt: string;
  note: string;
  active: boolean;
  cancelledAt: string | null;
  createdAt: string;
}

/** What an exception task shows (its `context`). */
export interface ExceptionContext {
  error: { code: string; message: string; details?: unknown } | null;
  input: unknown;
  runbookUrl: string | null;
  nodeId: string;
  nodeName: string;
  itemKey?: string | null;
  attempt: number;
}
