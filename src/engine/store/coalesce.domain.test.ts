import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { coalesceWrites } from './coalesce.domain.ts';
import type { RunRow, StepRow, WriteOp } from './write-ops.ts';

const run = (id: string, over: Partial<RunRow> = {}) => ({ id, status: 'running', lease_owner: 'me', next_at: null, ...over }) as RunRow;
const step = (id: string, runId: string, status: string) => ({ id, run_id: runId, status }) as StepRow;

describe('coalesceWrites', () => {
  it('inserts a run that ends in the same batch as it ends up, once', () => {
    const ops: WriteOp[] = [
      { kind: 'insert-run', row: run('r1') },
      { kind: 'upsert-step', row: step('s1', 'r1', 'succeeded') },
      { kind: 'update-run', id: 'r1', patch: { status: 'succeeded', lease_owner: null } },
    ];
    assert.deepEqual(coalesceWrites(ops), [
      { kind: 'insert-run', row: run('r1', { status: 'succeeded', lease_owner: null }) },
      { kind: 'upsert-step', row: step('s1', 'r1', 'succeeded') },
    ]);
  });

  it('writes a step once, where it was first written, with its last content', () => {
    const ops: WriteOp[] = [
      { kind: 'upsert-step', row: step('s1', 'r1', 'running') },
      { kind: 'upsert-step', row: step('s2', 'r2', 'succeeded') },
      { kind: 'upsert-step', row: step('s1', 'r1', 'succeeded') },
    ];
    assert.deepEqual(coalesceWrites(ops), [
      { kind: 'upsert-step', row: step('s1', 'r1', 'succeeded') },
      { kind: 'upsert-step', row: step('s2', 'r2', 'succeeded') },
    ]);
  });

  it('folds nothing of a run across parking it or waking one of its steps', () => {
    const ops: WriteOp[] = [
      { kind: 'insert-run', row: run('r1') },
      { kind: 'upsert-step', row: step('s1', 'r1', 'waiting') },
      { kind: 'release-waiting', id: 'r1', patch: { updated_at: 't1' } },
      { kind: 'upsert-step', row: step('s1', 'r1', 'succeeded') },
      { kind: 'update-run', id: 'r1', patch: { status: 'succeeded' } },
      { kind: 'wake-step', runId: 'r2', stepId: 's9', stateJson: '{}', at: 't2' },
      { kind: 'update-run', id: 'r3', patch: { status: 'failed' } },
    ];
    assert.deepEqual(coalesceWrites(ops), ops);
  });

  it('leaves other runs alone and keeps a deletion before a step written after it', () => {
    const ops: WriteOp[] = [
      { kind: 'insert-run', row: run('r1') },
      { kind: 'insert-run', row: run('r2') },
      { kind: 'upsert-step', row: step('s1', 'r1', 'succeeded') },
      { kind: 'delete-steps', runId: 'r1', ids: ['s1'] },
      { kind: 'upsert-step', row: step('s1', 'r1', 'running') },
      { kind: 'update-run', id: 'r2', patch: { status: 'cancelled' } },
    ];
    assert.deepEqual(coalesceWrites(ops), [
      { kind: 'insert-run', row: run('r1') },
      { kind: 'insert-run', row: run('r2', { status: 'cancelled' }) },
      { kind: 'upsert-step', row: step('s1', 'r1', 'succeeded') },
      { kind: 'delete-steps', runId: 'r1', ids: ['s1'] },
      { kind: 'upsert-step', row: step('s1', 'r1', 'running') },
    ]);
  });
});
