import { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode } from '../../platform/errors.ts';

export interface CodeSandboxOptions {
  /** Worker threads running code steps side by side (default 1). */
  workers?: number;
  /** Deadline per run, ms (default 5 s). */
  timeoutMs?: number;
  /** Heap a run may grow the WASM memory by, bytes (default 64 MiB). */
  heapLimitBytes?: number;
  /** Largest output (as JSON), bytes (default 5 MiB). */
  maxOutputBytes?: number;
}

export interface CodeRunResult {
  output: unknown;
  logs: { level: string; message: string }[];
  ms: number;
}

interface WorkerReply {
  id: number;
  result:
    | { ok: true; output: string; logs: CodeRunResult['logs']; ms: number }
    | { ok: false; code: ErrorCode; message: string; logs: CodeRunResult['logs'] };
  memoryBytes: number;
}

interface Job {
  id: number;
  code: string;
  input: unknown;
  timeoutMs: number;
  resolve: (r: CodeRunResult) => void;
  reject: (e: AppError) => void;
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  job: Job | null;
  watchdog: NodeJS.Timeout | null;
}

const WORKER_URL = new URL('./sandbox-worker.mjs', import.meta.url);
/** Grace the host gives the worker beyond the deadline before killing the thread. */
const WATCHDOG_GRACE_MS = 1000;

function codeError(code: ErrorCode, message: string, logs: CodeRunResult['logs'] = []): AppError {
  // Limits and failures of user code are the step's failure, not the server's; retrying will not help.
  return new AppError(code, { status: 400, userMessage: message, details: { logs }, retryable: false });
}

/**
 * Runs code steps: JavaScript in QuickJS (WebAssembly) inside worker threads, never in the
 * server's V8 context. Each run has a deadline (enforced inside QuickJS, and by a host-side
 * watchdog that kills the thread if QuickJS itself is stuck), a heap limit measured on the
 * WASM memory from the host side, an output size limit, and sees only a JSON copy of its input.
 * A worker whose memory grew past the limit is replaced, since WASM memory never shrinks.
 *
 * @example
 * const sandbox = createCodeSandbox({ timeoutMs: 2000 });
 * const { output } = await sandbox.run('return input.lines.map((l) => l.qty)', order);
 */
export function createCodeSandbox(options: CodeSandboxOptions = {}) {
  const size = options.workers ?? 1;
  const timeoutMs = options.timeoutMs ?? 5000;
  const heapLimitBytes = options.heapLimitBytes ?? 64 * 1024 * 1024;
  const maxOutputBytes = options.maxOutputBytes ?? 5 * 1024 * 1024;
  const queue: Job[] = [];
  const slots: Slot[] = [];
  let nextId = 1;
  let closed = false;
  let recycled = 0;

  function spawn(): Slot {
    const worker = new Worker(WORKER_URL, {
      env: {},
      resourceLimits: { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 16 },
      stdout: true,
      stderr: true,
    });
    const slot: Slot = {
      worker,
      job: null,
      watchdog: null,
      ready: new Promise((resolve, reject) => {
        worker.once('message', () => resolve());
        worker.once('error', reject);
      }),
    };
    worker.on('message', (msg: WorkerReply | { ready: true }) => {
      if ('ready' in msg) return;
      finish(slot, msg);
    });
    worker.on('error', (error) => fail(slot, codeError('CODE_FAILED', `The code runner failed: ${error.message}`)));
    worker.on('exit', () => {
      if (slot.job) fail(slot, codeError('CODE_FAILED', 'The code runner stopped unexpectedly.'));
    });
    return slot;
  }

  function replace(slot: Slot): void {
    recycled += 1;
    const index = slots.indexOf(slot);
    slot.worker.removeAllListeners();
    void slot.worker.terminate();
    if (index >= 0 && !closed) slots[index] = spawn();
  }

  function finish(slot: Slot, reply: WorkerReply): void {
    const job = slot.job;
    if (!job || job.id !== reply.id) return;
    if (slot.watchdog) clearTimeout(slot.watchdog);
    slot.job = null;
    slot.watchdog = null;
    const r = reply.result;
    if (r.ok) job.resolve({ output: JSON.parse(r.output), logs: r.logs, ms: r.ms });
    else job.reject(codeError(r.code, r.message, r.logs));
    if (reply.memoryBytes > heapLimitBytes * 2 || (!r.ok && (r.code === 'CODE_MEMORY' || r.code === 'CODE_TIMEOUT'))) replace(slot);
    pump();
  }

  function fail(slot: Slot, error: AppError): void {
    const job = slot.job;
    if (slot.watchdog) clearTimeout(slot.watchdog);
    slot.job = null;
    slot.watchdog = null;
    job?.reject(error);
    replace(slot);
    pump();
  }

  function pump(): void {
    for (const slot of slots) {
      if (slot.job || queue.length === 0) continue;
      const job = queue.shift() as Job;
      slot.job = job;
      slot.ready.then(
        () => {
          if (slot.job !== job) return;
          slot.watchdog = setTimeout(
            () => fail(slot, codeError('CODE_TIMEOUT', 'The code ran past its deadline and was stopped.')),
            job.timeoutMs + WATCHDOG_GRACE_MS,
          );
          slot.worker.postMessage({
            id: job.id,
            code: job.code,
            input: job.input,
            timeoutMs: job.timeoutMs,
            heapLimitBytes,
            maxOutputBytes,
          });
        },
        (error: Error) => fail(slot, codeError('CODE_FAILED', `The code runner could not start: ${error.message}`)),
      );
    }
  }

  // Threads start on first use: a process that never runs code (the CLI, most tests) starts none.
  const ensureStarted = () => {
    if (slots.length === 0) for (let i = 0; i < size; i++) slots.push(spawn());
  };

  return {
    /** Runs `code` (a function body; `return` gives the output) with `input`. */
    run(code: string, input: unknown, runOptions: { timeoutMs?: number } = {}): Promise<CodeRunResult> {
      if (closed) return Promise.reject(codeError('CODE_FAILED', 'The code runner is shut down.'));
      let json: string;
      try {
        json = JSON.stringify(input ?? null);
      } catch {
        return Promise.reject(codeError('CODE_FAILED', 'The step input is not JSON (a cycle or a BigInt).'));
      }
      ensureStarted();
      return new Promise((resolve, reject) => {
        queue.push({ id: nextId++, code, input: JSON.parse(json), timeoutMs: runOptions.timeoutMs ?? timeoutMs, resolve, reject });
        pump();
      });
    },
    /** Workers replaced so far (after limits or crashes). */
    recycledWorkers: () => recycled,
    async close(): Promise<void> {
      closed = true;
      for (const job of queue.splice(0)) job.reject(codeError('CODE_FAILED', 'The code runner is shut down.'));
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}

export type CodeSandbox = ReturnType<typeof createCodeSandbox>;
