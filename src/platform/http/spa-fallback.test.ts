import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createLogger } from '../logger.ts';
import { buildHttpServer } from './server.ts';

describe('serving the web UI', () => {
  let dir: string;
  let app: FastifyInstance;
  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'symbiont-web-'));
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(path.join(dir, 'assets', 'app.js'), 'console.log(1)');
    app = await buildHttpServer({
      logger: createLogger('silent'),
      bodyLimit: 1024,
      trustProxy: false,
      authenticate: async () => null,
      routes: async () => {},
      webDir: dir,
      version: 'test',
    });
    await app.ready();
  });
  after(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves index.html for deep links of the app, without credentials', async () => {
    for (const url of ['/', '/login', '/teams/01a2-x', '/audit?action=team.']) {
      const res = await app.inject({ url });
      assert.equal(res.statusCode, 200, url);
      assert.match(String(res.headers['content-type']), /^text\/html/);
      assert.match(res.body, /id="root"/);
    }
  });

  it('serves built assets', async () => {
    const res = await app.inject({ url: '/assets/app.js' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.body, 'console.log(1)');
  });

  it('keeps unknown API paths as JSON 404s', async () => {
    const res = await app.inject({ url: '/api/v1/unknown' });
    assert.equal(res.statusCode, 404);
    assert.equal(res.json<{ error: { code: string } }>().error.code, 'ROUTE_NOT_FOUND');
    assert.equal((await app.inject({ method: 'POST', url: '/login' })).statusCode, 404);
  });
});
