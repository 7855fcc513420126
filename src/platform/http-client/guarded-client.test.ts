import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createAddressPolicy } from './address-policy.ts';
import { createGuardedHttpClient, retryAfterMs } from './guarded-client.ts';

describe('address policy', () => {
  const policy = createAddressPolicy();
  it('refuses loopback, private, link-local, CGNAT, multicast and reserved addresses', () => {
    for (const ip of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '::1',
      '::',
      'fd00::1',
      'fe80::1',
    ]) {
      assert.ok(policy.refuse(ip), ip);
    }
  });
  it('sees through IPv4-mapped and NAT64 IPv6 forms', () => {
    for (const ip of ['::ffff:127.0.0.1', '::ffff:7f00:1', '64:ff9b::a9fe:a9fe', '::ffff:10.0.0.1']) assert.ok(policy.refuse(ip), ip);
    assert.equal(policy.refuse('::ffff:8.8.8.8'), null);
  });
  it('lets public addresses through', () => {
    for (const ip of ['8.8.8.8', '1.1.1.1', '2606:4700:4700::1111']) assert.equal(policy.refuse(ip), null, ip);
  });
  it('honours an allowlist of ranges and host names', () => {
    const allow = createAddressPolicy(['10.20.0.0/16', 'erp.internal', '::1/128']);
    assert.equal(allow.refuse('10.20.5.5'), null);
    assert.ok(allow.refuse('10.21.0.1'));
    assert.equal(allow.refuse('::1'), null);
    assert.ok(allow.hostAllowed('ERP.internal'));
  });
});

describe('retryAfterMs', () => {
  it('reads seconds and HTTP dates', () => {
    const now = Date.parse('2026-11-22T10:00:00Z');
    assert.equal(retryAfterMs('3', now), 3000);
    assert.equal(retryAfterMs('Sun, 22 Nov 2026 10:00:05 GMT', now), 5000);
    assert.equal(retryAfterMs('soon', now), null);
    assert.equal(retryAfterMs(undefined, now), null);
  });
});

describe('createGuardedHttpClient against a real local server', () => {
  let server: Server;
  let base: string;
  const hits: string[] = [];
  let flaky = 0;
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    hits.push(`${req.method} ${req.url}`);
    const url = req.url ?? '/';
    if (url === '/ok') return res.end(JSON.stringify({ ok: true }));
    if (url === '/busy') {
      flaky += 1;
      if (flaky < 3) {
        res.writeHead(429, { 'retry-after': '1' });
        return res.end();
      }
      return res.end('finally');
    }
    if (url === '/down') {
      res.writeHead(503);
      return res.end();
    }
    if (url === '/slow-down') {
      res.writeHead(429, { 'retry-after': '3600' });
      return res.end();
    }
    if (url === '/to-other-loopback') {
      res.writeHead(302, { location: `http://127.0.0.2:${(server.address() as AddressInfo).port}/ok` });
      return res.end();
    }
    if (url === '/to-metadata') {
      res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' });
      return res.end();
    }
    if (url === '/hang') return; // never answers
    if (url === '/huge') return res.end(Buffer.alloc(64 * 1024));
    res.writeHead(404);
    res.end();
  };

  before(async () => {
    server = createServer(handler);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  const waits: number[] = [];
  const client = (extra = {}) =>
    createGuardedHttpClient({
      allow: ['127.0.0.1/32'],
      sleep: async (ms) => {
        waits.push(ms);
      },
      random: () => 0.5,
      ...extra,
    });

  it('refuses loopback by default, by IP and by name, without connecting', async () => {
    const strict = createGuardedHttpClient();
    const before = hits.length;
    for (const url of [
      `${base}/ok`,
      `${base.replace('127.0.0.1', 'localhost')}/ok`,
      `${base.replace('127.0.0.1', '[::ffff:127.0.0.1]')}/ok`,
    ]) {
      await assert.rejects(strict.request({ url }), { code: 'HTTP_DESTINATION_BLOCKED' }, url);
    }
    assert.equal(hits.length, before, 'the server saw no request');
    await assert.rejects(strict.request({ url: 'file:///etc/passwd' }), { code: 'HTTP_DESTINATION_BLOCKED' });
    await strict.close();
  });

  it('reaches an allowlisted address and reads the body', async () => {
    const res = await client().request({ url: `${base}/ok` });
    assert.equal(res.status, 200);
    assert.deepEqual(res.json(), { ok: true });
    assert.equal(res.attempts, 1);
  });

  it('checks every redirect hop again', async () => {
    await assert.rejects(client().request({ url: `${base}/to-other-loopback` }), { code: 'HTTP_DESTINATION_BLOCKED' });
    await assert.rejects(client().request({ url: `${base}/to-metadata` }), { code: 'HTTP_DESTINATION_BLOCKED' });
  });

  it('retries 429 honouring Retry-After', async () => {
    waits.length = 0;
    const res = await client().request({ url: `${base}/busy` });
    assert.equal(res.status, 200);
    assert.equal(res.text(), 'finally');
    assert.equal(res.attempts, 3);
    assert.deepEqual(waits, [1000, 1000]);
  });

  it('does not wait for a Retry-After beyond the limit', async () => {
    const res = await client().request({ url: `${base}/slow-down` });
    assert.equal(res.status, 429);
    assert.equal(res.attempts, 1);
  });

  it('retries 5xx only when repeating is safe', async () => {
    hits.length = 0;
    const get = await client().request({ url: `${base}/down` });
    assert.equal(get.status, 503);
    assert.equal(get.attempts, 3);
    hits.length = 0;
    const post = await client().request({ method: 'POST', url: `${base}/down`, body: '{}' });
    assert.equal(post.attempts, 1, 'a POST without Idempotency-Key is not repeated');
    const keyed = await client().request({ method: 'POST', url: `${base}/down`, body: '{}', headers: { 'idempotency-key': 'k1' } });
    assert.equal(keyed.attempts, 3);
  });

  it('ends an attempt at its deadline with a retryable timeout', async () => {
    await assert.rejects(
      client({ maxRetries: 0 }).request({ url: `${base}/hang`, timeoutMs: 200 }),
      (e: { code: string; retryable: boolean }) => {
        assert.equal(e.code, 'HTTP_TIMEOUT');
        assert.equal(e.retryable, true);
        return true;
      },
    );
  });

  it('stops reading a body over the size limit', async () => {
    await assert.rejects(client({ maxResponseBytes: 1024 }).request({ url: `${base}/huge` }), { code: 'HTTP_RESPONSE_TOO_LARGE' });
  });
});
