import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Runtime } from '../../src/runtime';
import { type Browser, launchChromium } from './browser';
import { startDashboardRuntime } from './dashboard-runtime';

/**
 * A pool longer than one dashboard page (25 rows): the pool view pages
 * through it and re-sorts it through the API's paging parameters.
 */
describe('dashboard paging in Chromium', () => {
  const poolSize = 30;
  let dir: string;
  let runtime: Runtime;
  let browser: Browser;
  let page: Page;
  let token: string;
  const pageErrors: string[] = [];
  const names = Array.from(
    { length: poolSize },
    (_, index) => `Pooled ${String(index).padStart(2, '0')}`,
  );
  const clientCells = () =>
    page.locator('.view tbody td[data-label="Client"]').allTextContents();

  const post = async (auth: string, path: string, body: object) => {
    const response = await fetch(`${runtime.url}/v1${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${auth}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`POST ${path} → ${response.status}`);
    return ((await response.json()) as { ids: Record<string, string> }).ids;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'custody-dashboard-paging-'));
    runtime = await startDashboardRuntime(dir);
    const { personId } = await post(runtime.bootstrapToken!.token, '/people', {
      name: 'Maria Manager',
      email: 'maria@example.com',
      role: 'manager',
    });
    token = (await runtime.tokens.issueToken({ personId: personId!, label: 'paging' }))
      .token;
    // Registered in name order, so the oldest in the pool is the first name.
    for (const name of names) await post(token, '/clients', { name });
    const head = await runtime.store.headPosition();
    if (head !== undefined) await runtime.engine.waitForPosition(head, 10_000);
    browser = await launchChromium();
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await runtime?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('pages through the pool, longest in the pool first', async () => {
    await page.goto(`${runtime.url}/#/pool`);
    await page.fill('#token-input', token);
    await page.click('.token-form button');
    await page.locator('.pager', { hasText: `1–25 of ${poolSize}` }).waitFor();
    expect(await clientCells()).toEqual(names.slice(0, 25));
    await page.click('.pager a:has-text("Next")');
    await page.locator('.pager', { hasText: `26–30 of ${poolSize}` }).waitFor();
    expect(await clientCells()).toEqual(names.slice(25));
  });

  it('re-sorts the pool, newest first, from the first page', async () => {
    await page.selectOption('#pool-sort', 'pooledSince:desc');
    await page.click('.filters button');
    await page.locator('.pager', { hasText: `1–25 of ${poolSize}` }).waitFor();
    expect(await clientCells()).toEqual([...names].reverse().slice(0, 25));
  });

  it('opens every paged view without a problem or a script error', async () => {
    for (const [hash, title] of [
      ['at-risk?sort=name:asc', 'Accounts at risk'],
      ['key-person', 'Key-person risk'],
      ['handovers', 'Pending handovers'],
      ['activity', 'Activity'],
      ['clients?offset=25', 'Clients'],
    ] as const) {
      await page.goto(`${runtime.url}/#/${hash}`);
      await page.locator('.view .page-head h1', { hasText: title }).waitFor();
      expect(await page.locator('.problem').count()).toBe(0);
    }
    expect(await page.locator('.pager', { hasText: '26–30 of 30' }).count()).toBe(1);
    expect(pageErrors).toEqual([]);
  });
});
