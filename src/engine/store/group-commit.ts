import type { RunStore, WriteOp } from './run-store.ts';

interface Entry {
  ops: readonly WriteOp[];
  chain: object | undefined;
  resolve: () => void;
  reject: (e: unknown) => void;
}

/**
 * Group commit: writes requested in the same turn of the event loop (the steps of many
 * concurrent runs) are committed together in one transaction, and every caller's promise
 * resolves only after that commit. One commit in flight at a time; what arrives meanwhile
 * forms the next batch. A failed batch fails each of its callers.
 *
 * Writes may name a chain (one driver's pass over one run). Writes are committed in the order
 * they were requested, and once a write of a chain failed, later writes of that chain fail
 * without being committed: a driver may queue several writes without waiting for each, and
 * the database never holds a later one without the earlier.
 */
export function createGroupCommitter(store: Pick<RunStore, 'commit'>, options: { maxBatch?: number } = {}) {
  const maxBatch = options.maxBatch ?? 500;
  let pending: Entry[] = [];
  let flushing = false;
  let scheduled = false;
  let batches = 0;
  const broken = new WeakMap<object, unknown>();

  async function flush(): Promise<void> {
    scheduled = false;
    if (flushing || pending.length === 0) return;
    flushing = true;
    let batch = pending.length > maxBatch ? pending.splice(0, maxBatch) : pending;
    if (batch === pending) pending = [];
    try {
      batch = batch.filter((b) => {
        if (!b.chain || !broken.has(b.chain)) return true;
        b.reject(broken.get(b.chain));
        return false;
      });
      if (batch.length === 0) return;
      try {
        await store.commit(batch.length === 1 ? (batch[0] as Entry).ops : batch.flatMap((b) => b.ops));
        batches += 1;
      } catch (error) {
        for (const b of batch) {
          if (b.chain) broken.set(b.chain, error);
          b.reject(error);
        }
        return;
      }
      for (const b of batch) b.resolve();
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
    /** Resolves once `ops` are committed (after every earlier write of the same chain). */
    write(ops: readonly WriteOp[], chain?: object): Promise<void> {
      if (ops.length === 0) return Promise.resolve();
      return new Promise((resolve, reject) => {
        pending.push({ ops, chain, resolve, reject });
        schedule();
      });
    },
    batches: () => batches,
  };
}

export type GroupCommitter = ReturnType<typeof createGroupCommitter>;
