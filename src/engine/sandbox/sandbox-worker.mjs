// Runs user JavaScript in QuickJS (WebAssembly) inside this worker thread. The code sees only
// `input` (a JSON copy) and `console`; it has no host objects, no modules, no network, no
// secrets. Each job gets a fresh runtime with a deadline and a heap limit checked from the host
// side (the WASM memory size), because QuickJS's own allocator limit is not reliable.
import { parentPort } from 'node:worker_threads';
import { getQuickJS } from 'quickjs-emscripten';

const QuickJS = await getQuickJS();
const memory = QuickJS.getWasmMemory();
const MAX_LOGS = 100;
const MAX_LOG_CHARS = 2000;

/** Wraps the step's code as a function of `input`; `return` gives the step's output. */
function wrap(code) {
  return `(async function (input) {\n"use strict";\n${code}\n})(JSON.parse(globalThis.__input)).then((v) => JSON.stringify(v === undefined ? null : v))`;
}

function run({ code, input, timeoutMs, heapLimitBytes, maxOutputBytes }) {
  const started = Date.now();
  const deadline = started + timeoutMs;
  const baseline = memory.buffer.byteLength;
  let reason = null;
  const runtime = QuickJS.newRuntime();
  runtime.setMemoryLimit(heapLimitBytes);
  runtime.setMaxStackSize(512 * 1024);
  runtime.setInterruptHandler(() => {
    if (Date.now() > deadline) reason = 'timeout';
    else if (memory.buffer.byteLength - baseline > heapLimitBytes) reason = 'memory';
    return reason !== null;
  });
  const vm = runtime.newContext();
  const logs = [];
  try {
    const consoleObj = vm.newObject();
    for (const level of ['log', 'info', 'warn', 'error']) {
      const fn = vm.newFunction(level, (...args) => {
        if (logs.length < MAX_LOGS) {
          const text = args.map((a) => {
            const v = vm.dump(a);
            return typeof v === 'string' ? v : JSON.stringify(v);
          });
          logs.push({ level, message: text.join(' ').slice(0, MAX_LOG_CHARS) });
        }
      });
      vm.setProp(consoleObj, level, fn);
      fn.dispose();
    }
    vm.setProp(vm.global, 'console', consoleObj);
    consoleObj.dispose();
    const inputHandle = vm.newString(JSON.stringify(input ?? null));
    vm.setProp(vm.global, '__input', inputHandle);
    inputHandle.dispose();

    const evaluated = vm.evalCode(wrap(code), 'step.js');
    if (evaluated.error) return failure(vm, evaluated.error, reason, logs);
    const promise = evaluated.value;
    // Run the microtask queue until the step's promise settles (or a limit stops it).
    for (;;) {
      const state = vm.getPromiseState(promise);
      if (state.type !== 'pending') break;
      const jobs = runtime.executePendingJobs();
      if (jobs.error) {
        promise.dispose();
        return failure(vm, jobs.error, reason, logs);
      }
      if (jobs.value === 0 && vm.getPromiseState(promise).type === 'pending') {
        promise.dispose();
        return {
          ok: false,
          code: 'CODE_NEVER_FINISHED',
          message: 'The code waited for something that never happens (no timers or I/O exist in code steps).',
          logs,
        };
      }
      if (reason) break;
    }
    const state = vm.getPromiseState(promise);
    promise.dispose();
    if (reason) return limitFailure(reason, logs);
    if (state.type === 'rejected') return failure(vm, state.error, reason, logs);
    const text = vm.getString(state.value);
    state.value.dispose();
    if (Buffer.byteLength(text) > maxOutputBytes) {
      return { ok: false, code: 'CODE_OUTPUT_TOO_LARGE', message: `The step's output is larger than ${maxOutputBytes} bytes.`, logs };
    }
    return { ok: true, output: text, logs, ms: Date.now() - started };
  } catch (error) {
    if (reason) return limitFailure(reason, logs);
    return { ok: false, code: 'CODE_FAILED', message: String(error?.message ?? error), logs };
  } finally {
    try {
      vm.dispose();
      runtime.dispose();
    } catch {
      // a runtime stopped mid-allocation may not dispose cleanly; the worker is recycled then
    }
  }
}

function limitFailure(reason, logs) {
  return reason === 'timeout'
    ? { ok: false, code: 'CODE_TIMEOUT', message: 'The code ran past its deadline and was stopped.', logs }
    : { ok: false, code: 'CODE_MEMORY', message: 'The code used more memory than allowed and was stopped.', logs };
}

function failure(vm, handle, reason, logs) {
  const error = vm.dump(handle);
  handle.dispose();
  if (reason) return limitFailure(reason, logs);
  const message = typeof error === 'object' && error ? `${error.name ?? 'Error'}: ${error.message ?? ''}` : String(error);
  if (/out of memory/i.test(message)) return limitFailure('memory', logs);
  if (/stack overflow/i.test(message)) return { ok: false, code: 'CODE_FAILED', message: 'Stack overflow (too deep recursion).', logs };
  return { ok: false, code: 'CODE_FAILED', message, stack: typeof error === 'object' ? error?.stack : undefined, logs };
}

parentPort.on('message', (job) => {
  const result = run(job);
  parentPort.postMessage({ id: job.id, result, memoryBytes: memory.buffer.byteLength });
});
parentPort.postMessage({ ready: true });
