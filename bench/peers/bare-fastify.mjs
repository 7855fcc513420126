// The peer: a bare Fastify hello-world returning a small JSON object, no auth, no database.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
const body = { id: '01a20617-a82e-7001-b103-2743e1036439', name: 'Shop', description: 'The shop on Mill Street', memberCount: 4 };
app.get('/hello', async () => body);
app.get('/readyz', async () => ({ status: 'ready' }));
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 0) });
process.stdout.write(`listening ${app.server.address().port}\n`);
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
