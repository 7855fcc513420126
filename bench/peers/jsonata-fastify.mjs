// The ceiling for workload W1: a bare Fastify route that evaluates W1's JSONata expression
// (compiled once, at start) on the posted order and returns the result. No auth, persists nothing.
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';
import jsonata from 'jsonata';

const expression = jsonata(readFileSync(process.env.W1_EXPRESSION_FILE, 'utf8'));
const app = Fastify({ logger: false });
app.post('/w1', async (request) => expression.evaluate(request.body));
app.get('/readyz', async () => ({ status: 'ready' }));
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 0) });
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
