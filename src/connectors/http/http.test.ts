import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createGuardedHttpClient } from '../../platform/http-client/guarded-client.ts';
import { runAction } from '../run-action.ts';
import { createTestContext, type TestContext } from '../testing/test-context.ts';
import { httpRequestAction } from './request.action.ts';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

describe('http connector against a local server', () => {
  let server: Server;
  let base: string;
  let ctx: TestContext;
  const seen: Seen[] = [];

  before(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
        const url = new URL(req.url ?? '/', 'http://x');
        if (url.pathname === '/json') {
          res.setHeader('content-type', 'application/json');
          res.end(JSON.stringify({ ok: true, query: Object.fromEntries(url.searchParams) }));
        } else if (url.pathname === '/busy') {
          res.writeHead(429, { 'retry-after': '1' }).end('slow down');
        } else if (url.pathname === '/broken') {
          res.writeHead(503).end('maintenance');
        } else if (url.pathname === '/secret') {
          res.writeHead(401).end('who are you');
        } else if (url.pathname === '/echo') {
          res.setHeader('content-type', 'text/plain');
          res.end(body);
        } else if (url.pathname === '/slow') {
          setTimeout(() => res.end('late'), 1500);
        } else if (url.pathname === '/binary') {
          res.setHeader('content-type', 'image/png');
          res.end(Buffer.from([137, 80, 78, 71]));
        } else {
          res.writeHead(404).end('no such thing');
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    ctx = createTestContext();
  });
  after(async () => {
    await ctx.dispose();
    await new Promise((resolve) => server.close(resolve));
  });

  it('sends query, headers and a JSON body with an idempotency key, and parses a JSON answer', async () => {
    const out = (await runAction(
      httpRequestAction,
      {
        method: 'POST',
        url: `${base}/json`,
        query: { q: 'bread', tag: ['a', 'b'] },
        headers: { 'X-Trace': 't1' },
        body: { type: 'json', json: { n: 1 } },
      },
      ctx,
    )) as { status: number; body: unknown; headers: Record<string, string> };
    assert.equal(out.status, 200);
    assert.deepEqual(out.body, { ok: true, query: { q: 'bread', tag: 'b' } });
    assert.equal(out.headers['content-type'], 'application/json');
    const req = seen.at(-1) as Seen;
    assert.equal(req.url, '/json?q=bread&tag=a&tag=b');
    assert.equal(req.headers['x-trace'], 't1');
    assert.equal(req.headers['content-type'], 'application/json');
    assert.equal(req.headers['idempotency-key'], 'run-1:step-1');
    assert.equal(req.body, '{"n":1}');
  });

  it('sends forms and text, and returns text or base64 as the content type says', async () => {
    const form = (await runAction(
      httpRequestAction,
      { method: 'PUT', url: `${base}/echo`, body: { type: 'form', form: { a: 'x y', n: 2 } } },
      ctx,
    )) as { body: unknown };
    assert.equal(form.body, 'a=x+y&n=2');
    assert.equal((seen.at(-1) as Seen).headers['idempotency-key'], undefined, 'PUT is idempotent already');
    const binary = (await runAction(httpRequestAction, { url: `${base}/binary` }, ctx)) as { body: unknown };
    assert.equal(binary.body, Buffer.from([137, 80, 78, 71]).toString('base64'));
  });

  it('adds bearer, basic and API-key credentials', async () => {
    await runAction(httpRequestAction, { url: `${base}/json` }, { ...ctx, credential: { scheme: 'bearer', token: 'tok' } });
    assert.equal((seen.at(-1) as Seen).headers.authorization, 'Bearer tok');
    await runAction(httpRequestAction, { url: `${base}/json` }, { ...ctx, credential: { scheme: 'basic', username: 'u', password: 'p' } });
    assert.equal((seen.at(-1) as Seen).headers.authorization, `Basic ${Buffer.from('u:p').toString('base64')}`);
    await runAction(
      httpRequestAction,
      { url: `${base}/json` },
      { ...ctx, credential: { scheme: 'api_key', headerName: 'X-Key', apiKey: 'k' } },
    );
    assert.equal((seen.at(-1) as Seen).headers['x-key'], 'k');
    await assert.rejects(runAction(httpRequestAction, { url: `${base}/json` }, { ...ctx, credential: { scheme: 'bearer' } }), {
      code: 'CREDENTIAL_INVALID',
    });
  });

  it('fails 429 and 5xx as retryable, other 4xx as not retryable', async () => {
    await assert.rejects(runAction(httpRequestAction, { url: `${base}/busy` }, ctx), {
      code: 'CONNECTOR_HTTP_STATUS',
      retryable: true,
      details: { status: 429, body: 'slow down' },
    });
    await assert.rejects(runAction(httpRequestAction, { url: `${base}/broken` }, ctx), { code: 'CONNECTOR_HTTP_STATUS', retryable: true });
    await assert.rejects(
      runAction(httpRequestAction, { url: `${base}/missing?token=abc` }, ctx),
      (e: { code: string; retryable: boolean; userMessage: string }) => {
        assert.equal(e.code, 'CONNECTOR_HTTP_STATUS');
        assert.equal(e.retryable, false);
        assert.ok(!e.userMessage.includes('token=abc'), 'the query is not echoed');
        return true;
      },
    );
    await assert.rejects(runAction(httpRequestAction, { url: `${base}/secret` }, ctx), { code: 'CONNECTOR_AUTH_FAILED', retryable: false });
    const kept = (await runAction(httpRequestAction, { url: `${base}/missing`, failOnStatus: false }, ctx)) as {
      status: number;
      body: unknown;
    };
    assert.deepEqual([kept.status, kept.body], [404, 'no such thing']);
  });

  it('fails a refused connection as retryable and a timeout as retryable', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await assert.rejects(runAction(httpRequestAction, { url: `http://127.0.0.1:${port}/` }, ctx), {
      code: 'HTTP_REQUEST_FAILED',
      retryable: true,
    });
  });

  it('refuses private addresses unless allowed, and bad input before any request', async () => {
    const strict = createTestContext({ http: createGuardedHttpClient({ maxRetries: 0 }) });
    try {
      const before = seen.length;
      await assert.rejects(runAction(httpRequestAction, { url: `${base}/json` }, strict), {
        code: 'HTTP_DESTINATION_BLOCKED',
        retryable: false,
      });
      await assert.rejects(runAction(httpRequestAction, { url: 'http://169.254.169.254/latest/meta-data' }, strict), {
        code: 'HTTP_DESTINATION_BLOCKED',
      });
      await assert.rejects(
        runAction(httpRequestAction, { url: 'file:///etc/passwd' }, strict),
        (e: { code: string; details: { issues: { path: string }[] } }) => {
          assert.equal(e.code, 'STEP_INPUT_INVALID');
          assert.deepEqual(
            e.details.issues.map((i) => i.path),
            ['url'],
          );
          return true;
        },
      );
      await assert.rejects(runAction(httpRequestAction, { url: `${base}/json`, method: 'FETCH' }, ctx), { code: 'STEP_INPUT_INVALID' });
      assert.equal(seen.length, before);
    } finally {
      await strict.http.close();
      await strict.dispose();
    }
  });

  it('stops when the step is cancelled', async () => {
    const controller = new AbortController();
    controller.abort(new Error('cancelled by user'));
    await assert.rejects(runAction(httpRequestAction, { url: `${base}/json` }, { ...ctx, signal: controller.signal }), /cancelled by user/);
  });
});
