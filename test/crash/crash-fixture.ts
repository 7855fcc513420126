import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const CHILD = path.join(import.meta.dirname, 'crash-child.ts');

/** manual → sink a → delay → sink b (fails its first attempt: a retry back-off) → sink c */
export const DEFINITION = {
  schemaVersion: 1,
  nodes: [
    { id: 'start', type: 'trigger.manual', name: 'Start' },
    { id: 'a', type: 'logic.test_sink', name: 'A' },
    { id: 'pause', type: 'logic.delay', name: 'Pause', config: { for: '400ms' } },
    {
      id: 'b',
      type: 'logic.test_sink',
      name: 'B',
      config: { failFirst: true },
      retry: { maxAttempts: 3, initialDelayMs: 600, backoffFactor: 1, maxDelayMs: 600 },
    },
    { id: 'c', type: 'logic.test_sink', name: 'C' },
  ],
  edges: [
    { from: 'start', to: 'a' },
    { from: 'a', to: 'pause' },
    { from: 'pause', to: 'b' },
    { from: 'b', to: 'c' },
  ],
};

export interface Launch {
  child: ChildProcess;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function launch(env: Record<string, string>): Launch {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr?.on('data', (d) => {
    err += d;
  });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      if (err.trim()) process.stderr.write(err);
      resolve({ code, signal });
    }),
  );
  return { child, exit };
}
