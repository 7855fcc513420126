import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.SYMBIONT_CHROMIUM ?? '/usr/bin/chromium';

/** Why browser tests cannot run here, or null when they can. */
export function chromiumUnavailableReason(): string | null {
  if (process.env.SYMBIONT_E2E_SKIP) return process.env.SYMBIONT_E2E_SKIP;
  if (!existsSync(CHROMIUM_PATH)) return `no Chromium at ${CHROMIUM_PATH} (apt-get install chromium)`;
  return null;
}

/**
 * Debian's Chromium, headless, with a fresh profile. The networking flags keep it from
 * calling home, which this machine's closed network would refuse many times over.
 */
export async function launchChromium(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const { chromium } = await import('playwright-core');
  // launch() already gives every browser a fresh temporary profile (Playwright refuses a
  // --user-data-dir argument there); the folder below only holds downloads.
  const profile = mkdtempSync(path.join(tmpdir(), 'symbiont-chromium-'));
  const browser = await chromium.launch({
    downloadsPath: profile,
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
