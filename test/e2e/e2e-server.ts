import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { type App, createApp, openMigratedDatabase } from '../../src/app.ts';
import type { DatabaseHandle } from '../../src/platform/db/database.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { launchChromium } from './browser.ts';
import { ensureWebBuilt, WEB_DIR } from './web-build.ts';

/** The administrator the setup page creates in the browser tests. */
export const ADMIN = { name: 'Amira Haddad', email: 'amira@crumb.example', password: 'a-long-admin-passphrase' };

export interface E2eServer {
  app: App;
  /** `http://127.0.0.1:<port>` */
  base: string;
  page: Page;
  close(): Promise<void>;
}

/**
 * The whole app on a fresh SQLite file in a temporary data dir, listening on a loopback port
 * and serving the current web build, plus a headless Chromium page. `prepare` runs on the
 * migrated database before the app starts (the demo loads there); `setupAdmin` creates
 * `ADMIN` through the setup API.
 */
export async function startE2eServer(options: {
  prefix: string;
  viewport?: { width: number; height: number };
  secretKey?: Buffer;
  setupAdmin?: boolean;
  /** Listen on this port (default: any free one) — with `publicUrl`, links in e-mails point back here. */
  port?: number;
  publicUrl?: string;
  prepare?: (handle: DatabaseHandle, dataDir: string) => Promise<void>;
}): Promise<E2eServer> {
  ensureWebBuilt();
  const dataDir = mkdtempSync(path.join(tmpdir(), `symbiont-e2e-${options.prefix}-`));
  const handle = await openMigratedDatabase({ database: { dialect: 'sqlite', file: path.join(dataDir, 'symbiont.db') } });
  await options.prepare?.(handle, dataDir);
  const app = await createApp(handle, {
    config: {
      bodyLimit: 1024 * 1024,
      trustProxy: false,
      publicUrl: options.publicUrl,
      dataDir,
      ...(options.secretKey ? { secretKey: options.secretKey } : {}),
    },
    logger: createLogger('silent'),
    webDir: WEB_DIR,
  });
  await app.server.listen({ host: '127.0.0.1', port: options.port ?? 0 });
  const address = app.server.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  if (options.setupAdmin) {
    const setup = await fetch(`${base}/api/v1/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    assert.equal(setup.status, 201, await setup.text());
  }
  const chromium = await launchChromium();
  const page = await chromium.browser.newPage({ viewport: options.viewport ?? { width: 1280, height: 800 } });
  page.setDefaultTimeout(15_000);
  return {
    app,
    base,
    page,
    async close() {
      await chromium.close();
      await app.server.close();
      await app.handle.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Signs in on the login page and waits until it is left. */
export async function signIn(page: Page, base: string, email: string, password: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByLabel(/^Email/).fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}
