import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

/** Debian's Chromium: the test never downloads a browser. */
export const chromiumPath = '/usr/bin/chromium';

export interface Browser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Starts headless Chromium on a fresh profile directory. Playwright takes
 * the profile as `launchPersistentContext`'s argument (it refuses
 * `--user-data-dir` among the flags). A missing browser fails the test: a
 * skipped browser test would hide a dashboard that no longer works.
 */
export const launchChromium = async (): Promise<Browser> => {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `The dashboard's browser test needs Debian's Chromium at ${chromiumPath}. ` +
        'Install it with `apt-get install chromium` (or run scripts/ensure-chromium.sh).',
    );
  }
  const profile = mkdtempSync(join(tmpdir(), 'custody-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 900 },
    timeout: 20_000,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
};
