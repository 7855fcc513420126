import type { RunStore, WriteOp } from './run-store.ts';

/**
 * Group commit: writes requested in the same turn of the event loop (the steps of many
 * concurrent runs) are committed together in one transaction, and every caller's promise
 * resolves only after that commit. One commit in flight at a time; what arrives meanwhile
 * forms the next batch. A failed batch fails each of its callers.
 */
export function createGroupCommitter(store: Pick<RunStore, 'commit'>, options: { maxBatch?: number } = {}) {
  const maxBatch = options.maxBatch ?? 500;
  let pending: { ops: readonly WriteOp[]; resolve: () => void; reject: (e: unknown) => void }[] = [];
  let flushing = false;
  let scheduled = false;
  let batches = 0;

  async function flush(): Promise<void> {
    scheduled = false;
    if (flushing || pending.length === 0) return;
    flushing = true;
    const batch = pending.length > maxBatch ? pending.splice(0, maxBatch) : pending;
    if (batch === pending) pending = [];
    try {
      await store.commit(batch.flatMap((b) => b.ops));
      batches += 1;
      for (const b of batch) b.resolve();
    } catch (error) {
      for (const b of batch) b.reject(error);
    } finally {
      flushing = false;
      if (pending.length > 0) schedule();
    }
  }

  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => void flush());
  }

  return {
    /** Resolves once `ops` are committed. */
    write(ops: readonly WriteOp[]): Promise<void> {
      if (ops.length === 0) return Promise.resolve();
      return new Promise((resolve, reject) => {
        pending.push({ ops, resolve, reject });
        schedule();
      });
    },
    batches: () => batches,
  };
}

export type GroupCommitter = ReturnType<typeof createGroupCommitter>;
