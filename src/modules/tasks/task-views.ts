import type { Person } from '../auth/directory.service.ts';
import { type FormField, formJsonSchema, prefillOf } from './task-form.domain.ts';
import { isOpen, type Policy, votesNeeded } from './tasks.domain.ts';
import type { AssigneeRow, DecisionRow, TaskRow } from './tasks.repository.ts';
import type { TaskDetail, TaskSummary } from './tasks.schemas.ts';

type Names = Map<string, Person>;

const personOf = (id: string | null, names: Names) => (id ? { id, name: names.get(id)?.name ?? id } : null);

export function toTaskSummary(row: TaskRow & { workflow_name?: string | null }, names: Names, now: string): TaskSummary {
  return {
    id: row.id,
    kind: row.kind as TaskSummary['kind'],
    status: row.status as TaskSummary['status'],
    title: row.title,
    workflowId: row.workflow_id,
    workflowName: row.workflow_name ?? null,
    runId: row.run_id,
    nodeId: row.node_id,
    policy: row.policy as Policy,
    required: Number(row.required_count),
    eligible: Number(row.eligible_count),
    claimedBy: personOf(row.claimed_by, names),
    dueAt: row.due_at,
    expiresAt: row.expires_at,
    overdue: isOpen(row.status) && row.due_at !== null && row.due_at < now,
    escalatedAt: row.escalated_at,
    outcome: row.outcome,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    closedAt: row.closed_at,
  };
}

/** The form of a form or task step as stored: fields and (task kind) outcomes. */
export function storedForm(row: TaskRow): { fields: FormField[]; outcomes: string[] } {
  if (!row.form_json) return { fields: [], outcomes: [] };
  const parsed = JSON.parse(row.form_json) as { fields?: FormField[]; outcomes?: string[] };
  return { fields: parsed.fields ?? [], outcomes: parsed.outcomes ?? [] };
}

export function toTaskDetail(input: {
  row: TaskRow & { workflow_name?: string | null };
  assignees: readonly AssigneeRow[];
  labels: Map<string, string>;
  decisions: readonly DecisionRow[];
  names: Names;
  now: string;
  actions: string[];
}): TaskDetail {
  const { row, names } = input;
  const form = storedForm(row);
  const approvals = input.decisions.filter((d) => d.decision === 'approve').length;
  return {
    ...toTaskSummary(row, names, input.now),
    description: row.description,
    assignees: input.assignees.map((a) => ({
      principal: a.principal,
      label: input.labels.get(a.principal) ?? a.principal,
      reason: a.reason,
    })),
    decisions: input.decisions.map((d) => ({
      id: d.id,
      decider:
        d.decider_id === 'system' ? { id: 'system', name: 'system' } : (personOf(d.decider_id, names) as { id: string; name: string }),
      actorLabel: d.actor_label,
      onBehalf: d.actor_id !== null && d.actor_id !== d.decider_id,
      decision: d.decision,
      comment: d.comment,
      data: d.data_json ? JSON.parse(d.data_json) : null,
      at: d.decided_at,
    })),
    votesNeeded:
      row.kind === 'approval' && isOpen(row.status)
        ? votesNeeded(row.policy as Policy, row.required_count, row.eligible_count, approvals)
        : 0,
    barInitiator: row.bar_initiator === 1,
    initiator: personOf(row.initiator_id, names),
    form:
      row.kind === 'form' || form.fields.length > 0
        ? {
            fields: form.fields as unknown as Record<string, unknown>[],
            prefill: prefillOf(form.fields),
            schema: formJsonSchema(form.fields),
          }
        : null,
    outcomes: form.outcomes,
    context: row.context_json ? JSON.parse(row.context_json) : null,
    result: row.result_json ? JSON.parse(row.result_json) : null,
    actions: input.actions,
  };
}
