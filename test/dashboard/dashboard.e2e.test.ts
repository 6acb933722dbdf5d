import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Runtime } from '../../src/runtime';
import { type Browser, launchChromium } from './browser';
import { startDashboardRuntime } from './dashboard-runtime';
import { type SeededCompany, seedCompany } from './seed-company';

/**
 * The dashboard in a real browser against the whole product: a runtime on a
 * temp store with a small company, the dashboard mounted the way `custody
 * serve` mounts it. Screenshots go to CUSTODY_SCREENSHOTS when set (kept),
 * else to a temp directory removed afterwards.
 */
describe('web dashboard in Chromium', () => {
  let dir: string;
  let shots: string;
  let runtime: Runtime;
  let company: SeededCompany;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  const cellTexts = (label: string) =>
    page.locator(`.view tbody td[data-label="${label}"]`).allTextContents();
  // A string, because the tests are type-checked without the DOM's types.
  const storedToken = () => page.evaluate("sessionStorage.getItem('custody.token')");
  const rowCount = () => page.locator('.view tbody tr').count();
  const waitForText = (selector: string, text: string) =>
    page.locator(selector, { hasText: text }).first().waitFor();
  const screenshot = async (name: string) => {
    const path = join(shots, `${name}.png`);
    await page.screenshot({ path, fullPage: true });
    // A PNG file starts with its signature.
    expect(readFileSync(path).subarray(1, 4).toString()).toBe('PNG');
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'custody-dashboard-'));
    shots = process.env.CUSTODY_SCREENSHOTS ?? join(dir, 'screenshots');
    runtime = await startDashboardRuntime(dir);
    company = await seedCompany(runtime);
    browser = await launchChromium();
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      // Refused API calls are logged by Chromium itself; anything else is a fault.
      if (
        message.type() === 'error' &&
        !message.text().includes('Failed to load resource')
      ) {
        pageErrors.push(message.text());
      }
    });
  });

  afterAll(async () => {
    await browser?.close();
    await runtime?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('asks for a token, and sends a refused one back to the token field', async () => {
    await page.goto(`${runtime.url}/`);
    await page.locator('.token-panel').waitFor();
    expect(await page.locator('.sections').isHidden()).toBe(true);
    // The style sheets were served and allowed by the page's policy.
    expect(
      await page.evaluate("getComputedStyle(document.querySelector('.topbar')).display"),
    ).toBe('flex');

    await page.fill('#token-input', 'cst_not-a-real-token');
    await page.click('.token-form button');
    await waitForText('.token-message', 'refused');
    expect(await page.locator('.token-panel').isVisible()).toBe(true);
    expect(await storedToken()).toBeNull();
  });

  it('lists the clients once the token is pasted, names as text', async () => {
    await page.fill('#token-input', company.managerToken);
    await page.click('.token-form button');
    await waitForText('.pager', '1–3 of 3');

    expect(await cellTexts('Client')).toEqual([
      company.acmeName,
      'Borealis Foods',
      'Cobalt Labs',
    ]);
    expect(await cellTexts('Owner')).toEqual(['Ana Alvarez', 'Ben Brandt', 'pool']);
    // The markup in a client's name was shown, not interpreted.
    expect(await page.locator('.view table b').count()).toBe(0);
    // The token lives in the tab's session storage, never in the address.
    expect(page.url()).not.toContain(company.managerToken);
    expect(await storedToken()).toBe(company.managerToken);
  });

  it('filters the directory by search and by pool', async () => {
    await page.fill('#filter-search', 'borealis');
    await page.click('.filters button');
    await waitForText('.pager', '1–1 of 1');
    expect(await cellTexts('Client')).toEqual(['Borealis Foods']);

    await page.fill('#filter-search', '');
    await page.selectOption('#filter-pool', 'true');
    await page.click('.filters button');
    await waitForText('.view tbody td[data-label="Client"]', 'Cobalt Labs');
    expect(await rowCount()).toBe(1);
  });

  it('opens a client page with its owner, relationships and audit trail', async () => {
    await page.goto(`${runtime.url}/#/clients`);
    await page.click(`text=${company.acmeName}`);
    await waitForText('.owner-line', 'Owned by Ana Alvarez since');
    expect(await page.locator('.page-head h1').textContent()).toContain(company.acmeName);

    const relationships = page.locator('section.card', { hasText: 'Relationships' });
    await relationships.locator('tbody tr').first().waitFor();
    expect(
      await relationships.locator('td[data-label="Person"]').allTextContents(),
    ).toEqual([expect.stringContaining('Ana Alvarez')]);
    const score = Number(await relationships.locator('.score-value').textContent());
    expect(score).toBeGreaterThan(0);

    const history = page.locator('section.card', { hasText: 'Ownership history' });
    expect(await history.locator('td[data-label="Owner"]').allTextContents()).toEqual([
      'Ana Alvarez',
    ]);
    // The contact logged two days after it happened is flagged in the trail.
    const audit = page.locator('section.card', { hasText: 'Audit trail' });
    expect(await audit.locator('.badge', { hasText: 'recorded late' }).count()).toBe(1);
    await screenshot('client-page');

    // The trail downloads as CSV, fetched with the token rather than through a link.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('button:has-text("Audit trail (CSV)")'),
    ]);
    expect(download.suggestedFilename()).toBe(`audit-${company.acme}.csv`);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv).toContain('ContactLogged');
  });

  it('goes from the owner to their portfolio', async () => {
    await page.click('.owner-line a');
    await waitForText('.page h2', 'Ana Alvarez');
    const held = page.locator('.stat', { hasText: 'Clients held' }).locator('dd');
    expect(await held.textContent()).toBe('1');
    expect(await cellTexts('Client')).toEqual([company.acmeName]);
  });

  it('shows the pool and the pending handovers', async () => {
    await page.click('.sections a[data-section="pool"]');
    await waitForText('.view tbody td[data-label="Client"]', 'Cobalt Labs');
    expect(await cellTexts('Previous owner')).toEqual(['Ana Alvarez']);
    await screenshot('pool');

    await page.click('.sections a[data-section="handovers"]');
    await waitForText('.view tbody td[data-label="Client"]', 'Borealis Foods');
    expect(await cellTexts('From → to')).toEqual(['Ben Brandt → Ana Alvarez']);
  });

  it('forgets the token, and opens a salesperson on their own portfolio', async () => {
    await page.click('.sign-out');
    await waitForText('.token-message', 'Token forgotten');
    expect(await storedToken()).toBeNull();

    await page.fill('#token-input', company.anaToken);
    await page.click('.token-form button');
    await page.click('.sections a[data-section="portfolio"]');
    await waitForText('.page h2', 'Ana Alvarez');
    expect(page.url()).toContain(`#/portfolio/${company.ana}`);
    expect(await cellTexts('Client')).toEqual([company.acmeName]);
  });

  it('shows a refused request as its problem title and detail', async () => {
    await page.goto(`${runtime.url}/#/clients/not-a-client`);
    await page.locator('.problem').waitFor();
    expect(await page.locator('.problem strong').textContent()).toBe('Bad Request');
    expect(await page.locator('.problem').textContent()).toContain('params.clientId');
  });

  it('ran without script errors or policy violations', () => {
    expect(pageErrors).toEqual([]);
  });
});
