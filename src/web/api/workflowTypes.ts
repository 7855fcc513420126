/** Shapes of the workflow and run API (docs/workflow-definition.md; the server's zod schemas are the source). */

export type EdgeKind = 'default' | 'branch' | 'loop' | 'error';

export interface RetryPolicy {
  maxAttempts?: number;
  initialDelayMs?: number;
  backoffFactor?: number;
  maxDelayMs?: number;
}

export interface WorkflowNode {
  id: string;
  type: string;
  name: string;
  config: Record<string, unknown>;
  retry?: RetryPolicy;
  timeoutMs?: number;
  position?: { x: number; y: number };
  notes?: string;
}

export interface WorkflowEdge {
  from: string;
  to: string;
  kind: EdgeKind;
  condition?: string;
  label?: string;
}

export interface WorkflowDefinition {
  schemaVersion: 1;
  nodes: WorkflowNode[];
  edges: WorkflowEdge[];
  settings: Record<string, unknown>;
}

export type StepCategory = 'trigger' | 'logic' | 'code' | 'human' | 'connector';

export interface StepTypeInfo {
  type: string;
  title: string;
  description: string;
  category: StepCategory;
  configSchema: JsonSchema;
  rawFields: string[];
}

/** The part of JSON Schema the step forms understand. */
export interface JsonSchema {
  type?: string | string[];
  title?: string;
  description?: string;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
}

export interface ValidationIssue {
  path: string;
  nodeId: string | null;
  code: string;
  message: string;
}

export type WorkflowStatus = 'draft' | 'active' | 'archived';
export type RunStatus = 'queued' | 'running' | 'waiting' | 'succeeded' | 'failed' | 'cancelled';
export type StepStatus = 'running' | 'succeeded' | 'failed' | 'waiting' | 'retrying' | 'skipped' | 'looping' | 'cancelled';

export interface WorkflowSummary {
  id: string;
  name: string;
  description: string;
  teamId: string | null;
  status: WorkflowStatus;
  publishedVersion: number | null;
  webhookPath: string | null;
  createdAt: string;
  updatedAt: string;
  lastRun: { id: string; status: RunStatus; createdAt: string } | null;
}

export interface WorkflowDetail extends WorkflowSummary {
  definition: WorkflowDefinition;
  publishedVersionId: string | null;
  webhookUrl: string | null;
}

export interface WorkflowVersion {
  id: string;
  version: number;
  note: string;
  createdAt: string;
  createdBy: string | null;
}

export interface FieldChange {
  path: string;
  before: unknown;
  after: unknown;
}

export interface WorkflowDiff {
  nodes: { added: string[]; removed: string[]; changed: { id: string; fields: FieldChange[] }[] };
  edges: { added: string[]; removed: string[] };
  settings: FieldChange[];
}

export interface TimeFigure {
  totalMs: number;
  p50Ms: number | null;
  p95Ms: number | null;
}

export interface StepStats {
  nodeId: string;
  name: string;
  type: string | null;
  category: StepCategory | 'unknown' | null;
  executions: number;
  failures: number;
  retries: number;
  durationP50Ms: number | null;
  durationP95Ms: number | null;
  avgWorkMs: number | null;
  waitingMs: number;
}

export interface WorkflowStats {
  days: number;
  since: string;
  truncated: boolean;
  runs: number;
  succeeded: number;
  failed: number;
  successRate: number | null;
  durationP50Ms: number | null;
  durationP95Ms: number | null;
  byDay: { day: string; runs: number; failed: number }[];
  time: { runs: number; working: TimeFigure; waiting: TimeFigure; machineWait: TimeFigure; humanWait: TimeFigure };
  steps: StepStats[];
}

export interface RunError {
  code: string;
  message: string;
  nodeId?: string | null;
}

export interface RunSummary {
  id: string;
  workflowId: string;
  workflowName: string;
  /** The pinned version; 0 for a test run of the draft. */
  version: number;
  status: RunStatus;
  triggerType: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
  activeMs: number | null;
  error: RunError | null;
}

export interface RunStep {
  id: string;
  nodeId: string;
  nodeName: string;
  itemKey: string;
  seq: number;
  status: StepStatus;
  attempt: number;
  input: unknown;
  output: unknown;
  error: unknown;
  startedAt: string | null;
  finishedAt: string | null;
  activeMs: number | null;
  nextAt: string | null;
}

export interface RunDetail extends RunSummary {
  definition: WorkflowDefinition;
  steps: RunStep[];
  parentRunId: string | null;
}
