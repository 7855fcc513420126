import type { RunRow, StepRow, WriteOp } from './write-ops.ts';

/**
 * Folds a batch of writes into fewer statements with the same end state: a run inserted and
 * updated in the same batch is inserted as it ends up; a step written several times is written
 * once, where it was first written, with its last content. A write that reads rows (parking a
 * run reads its steps' due times) or wakes one keeps its place: nothing is folded across it.
 * A run that starts and ends within one commit (a webhook answered at once) then costs one
 * insert per row, and its status and lease never churn the indexes.
 */
export function coalesceWrites(ops: readonly WriteOp[]): WriteOp[] {
  if (ops.length < 2) return [...ops];
  const out: WriteOp[] = [];
  const runInserts = new Map<string, number>();
  const stepWrites = new Map<string, number>();
  const seal = (runId: string) => {
    runInserts.delete(runId);
    for (const [id, at] of stepWrites)
      if ((out[at] as Extract<WriteOp, { kind: 'upsert-step' }>).row.run_id === runId) stepWrites.delete(id);
  };
  for (const op of ops) {
    switch (op.kind) {
      case 'insert-run':
        runInserts.set(op.row.id, out.length);
        out.push(op);
        break;
      case 'update-run': {
        const at = runInserts.get(op.id);
        if (at === undefined) {
          out.push(op);
          break;
        }
        const insert = out[at] as Extract<WriteOp, { kind: 'insert-run' }>;
        out[at] = { kind: 'insert-run', row: { ...insert.row, ...op.patch } as RunRow };
        break;
      }
      case 'upsert-step': {
        const at = stepWrites.get(op.row.id);
        if (at === undefined) {
          stepWrites.set(op.row.id, out.length);
          out.push(op);
        } else {
          out[at] = { kind: 'upsert-step', row: op.row as StepRow };
        }
        break;
      }
      case 'release-waiting':
        seal(op.id);
        out.push(op);
        break;
      case 'wake-step':
        seal(op.runId);
        out.push(op);
        break;
      case 'delete-steps':
        for (const id of op.ids) stepWrites.delete(id);
        out.push(op);
        break;
      case 'insert-blob':
        out.push(op);
        break;
    }
  }
  return out;
}
