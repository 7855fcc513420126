// Starts the W1 ceiling (bench/peers/jsonata-fastify.mjs) as its own process.
import path from 'node:path';
import { freePort } from '../../src/platform/db/testing/pg-cluster.ts';
import { ROOT, spawnUntilReady, stop } from '../harness.ts';
import { W1_EXPRESSION_FILE, type W1System } from '../w1/workload.ts';

export async function startCeiling(): Promise<W1System> {
  const port = await freePort();
  const { child } = await spawnUntilReady(
    process.execPath,
    [path.join(ROOT, 'bench', 'peers', 'jsonata-fastify.mjs')],
    { ...process.env, PORT: String(port), W1_EXPRESSION_FILE },
    `http://127.0.0.1:${port}/readyz`,
  );
  return { label: 'ceiling: bare Fastify + JSONata', url: `http://127.0.0.1:${port}/w1`, pid: child.pid, stop: () => stop(child) };
}
