import { mkdirSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packagePath } from '../../../src/core/paths.js';
import { baseUrl, drain, listen } from '../../../src/server/front/listen.js';
import { type MockServer, startMockServer } from '../../../src/server/mock-server.js';
import { NOW, testApp } from '../../support/app.js';
import { launchChromium } from '../../support/browser.js';

const SCREENSHOTS = packagePath('test-results');
const TOKEN = 'console-admin-token';
const BEARER = { Authorization: 'Bearer console_test' };
const DESKTOP = { width: 1280, height: 800 };
const MOBILE = { width: 390, height: 844 };

let server: MockServer;
let guarded: { url: string; server: Server };
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  server = await startMockServer({ now: NOW });
  // startMockServer has no admin token option: the app as the CLI builds it, on a free port.
  const mock = testApp({ adminToken: TOKEN });
  const listening = await listen(mock.listener, 0, '127.0.0.1');
  guarded = { url: baseUrl(listening, '127.0.0.1'), server: listening };
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (guarded) await drain(guarded.server);
});

/** Opens the console and collects everything the page reports as an error. */
async function open(base: string, viewport = DESKTOP): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport });
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`exception: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`${response.status()}: ${response.url()}`);
  });
  await page.goto(`${base}/__mock/console`, { waitUntil: 'load', timeout: 20_000 });
  return { page, errors };
}

/** The text a person sees in an element (layout-aware, unlike textContent). */
function shown(locator: Locator): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: a Playwright locator, and what is visible is the point
  return locator.innerText();
}

/** Every value the charts on the page draw (Chart.js keeps each chart's data on its canvas). */
function chartValues(page: Page): Promise<number[]> {
  return page.locator('#view-chart canvas').evaluateAll((canvases) => {
    const { Chart } = globalThis as unknown as {
      Chart: { getChart(canvas: unknown): { data: { datasets: { data: unknown[] }[] } } };
    };
    return canvases.flatMap((canvas) =>
      Chart.getChart(canvas).data.datasets.flatMap((d) =>
        d.data.map((v) => (typeof v === 'number' ? v : (v as { v: number }).v)),
      ),
    );
  });
}

/** Picks an API and operation in the preview and sends the form as pre-filled. */
async function preview(page: Page, api: string, operationId: string): Promise<void> {
  await page.selectOption('#preview-api', api);
  await expect.poll(() => page.locator(`#preview-operation option[value="${operationId}"]`).count()).toBe(1);
  await page.selectOption('#preview-operation', operationId);
  const before = await page.locator('#answer-status').textContent();
  await page.click('#preview-send');
  await expect.poll(() => page.locator('#answer-status').textContent()).not.toBe(before);
}

async function screenshot(page: Page, name: string, fullPage = false): Promise<void> {
  const file = `${SCREENSHOTS}/${name}.png`;
  await page.screenshot({ path: file, fullPage, timeout: 20_000 });
  expect(statSync(file).size).toBeGreaterThan(10_000);
}

describe('the console in Chromium', () => {
  it('loads without errors and shows the seed, the pinned clock, the APIs and the scenarios', async () => {
    const { page, errors } = await open(server.url);
    await expect.poll(() => shown(page.locator('#facts'))).toContain('pinned at 2025-03-01T12:00:00.000Z');
    const facts = await shown(page.locator('#facts'));
    for (const api of Object.keys(server.urls)) expect(facts).toContain(`/${api}`);
    await expect.poll(() => page.locator('button.scenario').count()).toBeGreaterThan(5);
    await expect(shown(page.locator('button.scenario[aria-pressed="true"]'))).resolves.toContain('default');
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('lists a request made elsewhere within 2 s, newest first, with its masked credential in the detail', async () => {
    const { page, errors } = await open(server.url);
    await expect.poll(() => shown(page.locator('#live-state'))).toContain('in the journal');
    const path = '/chatbotcom/reports/conversations?period=last7days';
    const sent = Date.now();
    await fetch(`${server.url}${path}`, { headers: { Authorization: 'Bearer very-secret-token' } });
    const row = page.locator('#requests button.request').first();
    await expect.poll(() => shown(row), { timeout: 2_000, interval: 50 }).toContain(path);
    expect(Date.now() - sent).toBeLessThan(2_000);
    expect(await shown(row)).toContain('200');
    await row.click();
    const detail = await shown(page.locator('#detail'));
    expect(detail).toContain('authorization');
    expect(detail).not.toContain('very-secret-token');
    expect(detail).toContain('x-mock-seed');
    await page.setViewportSize(MOBILE);
    await screenshot(page, 'console-detail-390x844');
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('previews a series as a chart with values, and as an empty chart after switching to empty, until switched back', async () => {
    const { page, errors } = await open(server.url);
    await preview(page, 'logicdialog', 'getUserAnalytics');
    await expect.poll(() => shown(page.locator('#answer-status'))).toContain('→ 200');
    const values = await chartValues(page);
    expect(values.length).toBeGreaterThan(10);
    expect(values.some((v) => v > 0)).toBe(true);
    // The preview went through the mock: it is in the live list.
    await expect
      .poll(() => shown(page.locator('#requests')))
      .toContain('/logicdialog/api/agent/analytics/user?');

    await page.click('button.scenario[data-scenario="empty"]');
    await expect.poll(() => shown(page.locator('button.scenario[aria-pressed="true"]'))).toContain('empty');
    await page.click('#preview-send');
    await expect.poll(() => shown(page.locator('#answer-status'))).toContain('scenario empty');
    const empty = await chartValues(page);
    expect(empty.length).toBe(values.length);
    expect(empty.every((v) => v === 0)).toBe(true);
    await expect(page.locator('#view-chart .badge.empty').count()).resolves.toBeGreaterThan(0);

    await page.click('button.scenario[data-scenario="default"]');
    await expect.poll(() => shown(page.locator('button.scenario[aria-pressed="true"]'))).toContain('default');
    await page.click('#preview-send');
    await expect.poll(() => shown(page.locator('#answer-status'))).toContain('scenario default');
    expect(await chartValues(page)).toEqual(values);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('draws the busiest-period grid as a heatmap and a DigitalCX CSV as a table', async () => {
    const { page, errors } = await open(server.url);
    await preview(page, 'chatbotcom', 'getBusiestPeriodReport');
    await expect.poll(() => page.locator('#view-chart .chart-box').getAttribute('data-kind')).toBe('heatmap');
    const cells = await chartValues(page);
    expect(cells).toHaveLength(7 * 24);
    expect(Math.max(...cells)).toBeGreaterThan(0);
    await screenshot(page, 'console-heatmap', true);

    await preview(page, 'digitalcx', 'getInteractions');
    await expect.poll(() => shown(page.locator('#answer-status'))).toContain('→ 200');
    expect(await page.locator('#view-table').isVisible()).toBe(true);
    const header = await page.locator('#view-table th').allInnerTexts();
    expect(header.slice(0, 3)).toEqual(['LogId', 'InteractionUuid', 'OriginatingInteractionUuid']);
    expect(await page.locator('#view-table tbody tr').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('pre-fills every GET operation with values the mock answers 200 to', async () => {
    const { page, errors } = await open(server.url);
    const statuses: string[] = [];
    const optionsShown = () =>
      page
        .locator('#preview-operation option')
        .evaluateAll((options) => options.map((o) => (o as unknown as { value: string }).value));
    let previous: string[] = [];
    for (const api of Object.keys(server.urls)) {
      await page.selectOption('#preview-api', api);
      // The list is replaced once the API's spec is in: wait for this API's operations (no id is shared).
      await expect.poll(async () => (await optionsShown()).some((id) => !previous.includes(id))).toBe(true);
      const operations = await optionsShown();
      previous = operations;
      for (const operationId of operations) {
        // A stored report is reached through an id that POST /reports returns: no default can name one.
        if (operationId === 'getReport') continue;
        await preview(page, api, operationId);
        const status = /→ (\d+)/.exec(await shown(page.locator('#answer-status')))?.[1];
        statuses.push(`${api} ${operationId} ${status}`);
      }
    }
    expect(statuses.length).toBeGreaterThan(35);
    expect(statuses.filter((s) => !s.endsWith(' 200'))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('is usable at 1280×800 and 390×844: screenshots of both', async () => {
    for (const [name, viewport] of [
      ['console-1280x800', DESKTOP],
      ['console-390x844', MOBILE],
    ] as const) {
      await fetch(
        `${server.url}/chatlayer/v1/bots/b1/conversations?version=LIVE&start_time=2025-02-20&end_time=2025-02-27`,
        {
          headers: { Authorization: 'Basic Y29uc29sZTpmb3JiaWRkZW4=' },
        },
      );
      const { page, errors } = await open(server.url, viewport);
      await preview(page, 'logicdialog', 'getActiveChannelAnalytics');
      await expect.poll(async () => (await chartValues(page)).length).toBeGreaterThan(0);
      // Nothing wider than the screen: the page scrolls down, never sideways.
      const width = await page.locator('html').evaluate((html) => html.scrollWidth);
      expect(width).toBeLessThanOrEqual(viewport.width);
      await screenshot(page, name);
      await screenshot(page, `${name}-full`, true);
      expect(errors).toEqual([]);
      await page.close();
    }
  }, 90_000);

  it('with --admin-token, shows nothing of the journal until the token is given', async () => {
    await fetch(`${guarded.url}/chatbotcom/reports/conversations?period=yesterday`, { headers: BEARER });
    const { page } = await open(guarded.url);
    await expect.poll(() => page.locator('#token').isVisible()).toBe(true);
    expect(await page.locator('#console').isVisible()).toBe(false);
    expect(await shown(page.locator('body'))).not.toContain('period=yesterday');
    expect(await page.locator('#requests li').count()).toBe(0);
    await screenshot(page, 'console-token', true);

    await page.fill('#token input', TOKEN);
    await page.click('#token button');
    await expect.poll(() => shown(page.locator('#requests'))).toContain('period=yesterday');
    await page.close();
  }, 60_000);
});
