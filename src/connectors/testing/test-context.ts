import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createGuardedHttpClient } from '../../platform/http-client/guarded-client.ts';
import type { ActionContext, ConnectorLog, PollContext } from '../sdk.ts';

export interface TestContext extends PollContext {
  logs: { level: 'info' | 'warn' | 'error'; msg: string; data?: unknown }[];
  /** Removes the files root and closes the HTTP client. */
  dispose(): Promise<void>;
}

/**
 * A real action context for tests: the guarded client allowing loopback only (no retries, as
 * the engine configures it), a fresh files root under the OS temp dir, and a recording log.
 */
export function createTestContext(overrides: Partial<ActionContext> & { state?: unknown } = {}): TestContext {
  const filesRoot = overrides.filesRoot ?? mkdtempSync(path.join(tmpdir(), 'symbiont-files-'));
  const http = overrides.http ?? createGuardedHttpClient({ allow: ['127.0.0.0/8'], maxRetries: 0, timeoutMs: 5000 });
  const logs: TestContext['logs'] = [];
  const log: ConnectorLog = {
    info: (msg, data) => logs.push({ level: 'info', msg, data }),
    warn: (msg, data) => logs.push({ level: 'warn', msg, data }),
    error: (msg, data) => logs.push({ level: 'error', msg, data }),
  };
  return {
    signal: new AbortController().signal,
    log,
    idempotencyKey: 'run-1:step-1',
    credential: null,
    now: () => new Date(),
    state: null,
    ...overrides,
    http,
    filesRoot,
    logs,
    async dispose() {
      if (!overrides.http) await http.close();
      if (!overrides.filesRoot) rmSync(filesRoot, { recursive: true, force: true });
    },
  };
}
