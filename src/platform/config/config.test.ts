import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { linkBaseUrl, loadConfig, parseEnv } from './config.ts';

describe('parseEnv', () => {
  it('applies the documented defaults', () => {
    const env = parseEnv({});
    assert.equal(env.SYMBIONT_HOST, '127.0.0.1');
    assert.equal(env.SYMBIONT_PORT, 3000);
    assert.equal(env.SYMBIONT_DATA_DIR, './data');
    assert.equal(env.DATABASE_URL, undefined);
  });

  it('names every bad variable in one clear message', () => {
    assert.throws(
      () => parseEnv({ SYMBIONT_PORT: 'eighty', DATABASE_URL: 'mysql://x', SYMBIONT_TRUST_PROXY: 'maybe' }),
      (error: Error & { code?: string; userMessage?: string }) => {
        assert.equal(error.code, 'CONFIG_INVALID');
        for (const name of ['SYMBIONT_PORT', 'DATABASE_URL', 'SYMBIONT_TRUST_PROXY']) assert.ok(error.userMessage?.includes(name), name);
        return true;
      },
    );
  });

  it('lets task e-mail links work 7 days by default, 1 to 90 when set', () => {
    assert.equal(parseEnv({}).SYMBIONT_TASK_LINK_DAYS, 7);
    assert.equal(parseEnv({ SYMBIONT_TASK_LINK_DAYS: '2' }).SYMBIONT_TASK_LINK_DAYS, 2);
    assert.throws(() => parseEnv({ SYMBIONT_TASK_LINK_DAYS: '0' }), /SYMBIONT_TASK_LINK_DAYS/);
    assert.throws(() => parseEnv({ SYMBIONT_TASK_LINK_DAYS: '365' }), /SYMBIONT_TASK_LINK_DAYS/);
  });

  it('bases links on the public URL, else on the listening address', () => {
    assert.equal(linkBaseUrl({ publicUrl: 'https://sym.example/', host: '0.0.0.0', port: 3000 }), 'https://sym.example');
    assert.equal(linkBaseUrl({ publicUrl: undefined, host: '0.0.0.0', port: 3000 }), 'http://127.0.0.1:3000');
    assert.equal(linkBaseUrl({ publicUrl: undefined, host: '::1', port: 8080 }), 'http://[::1]:8080');
  });

  it('reads the outbound allowlist as a list', () => {
    assert.equal(parseEnv({ SYMBIONT_HTTP_ALLOW: '10.20.0.0/16, erp.internal' }).SYMBIONT_HTTP_ALLOW, '10.20.0.0/16, erp.internal');
    assert.throws(() => parseEnv({ SYMBIONT_HTTP_ALLOW: 'http://x;rm' }), /SYMBIONT_HTTP_ALLOW/);
  });

  it('refuses a secret key that is too short', () => {
    assert.throws(() => parseEnv({ SYMBIONT_SECRET_KEY: 'short' }), /SYMBIONT_SECRET_KEY/);
  });
});

describe('loadConfig', () => {
  it('generates a secret key into the data dir once, private to the owner', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'symbiont-config-'));
    try {
      const first = loadConfig({ SYMBIONT_DATA_DIR: dir });
      const file = path.join(dir, 'secret.key');
      assert.equal(statSync(file).mode & 0o777, 0o600);
      assert.equal(first.secretKey.length, 32);
      assert.deepEqual(loadConfig({ SYMBIONT_DATA_DIR: dir }).secretKey, first.secretKey);
      assert.equal(readFileSync(file, 'utf8').trim(), first.secretKey.toString('base64url'));
      assert.deepEqual(first.database, { dialect: 'sqlite', file: path.join(dir, 'symbiont.db') });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('uses PostgreSQL when DATABASE_URL is set', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'symbiont-config-'));
    try {
      const config = loadConfig({ SYMBIONT_DATA_DIR: dir, DATABASE_URL: 'postgres://u@127.0.0.1/db' });
      assert.deepEqual(config.database, { dialect: 'postgres', url: 'postgres://u@127.0.0.1/db' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
