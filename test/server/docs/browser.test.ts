import { mkdirSync, statSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packagePath } from '../../../src/core/paths.js';
import { provenanceElements, sourceHref } from '../../../src/core/provenance.js';
import { loadSpec } from '../../../src/core/spec.js';
import { type MockServer, startMockServer } from '../../../src/server/mock-server.js';
import { API_NAMES } from '../../../src/server/registry.js';
import { NOW } from '../../support/app.js';
import { launchChromium } from '../../support/browser.js';

const SCREENSHOTS = packagePath('test-results');

let server: MockServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  server = await startMockServer({ now: NOW });
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a page and collects everything it reports as an error: console, exceptions, failed loads. */
async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`exception: ${error.message}`));
  page.on('requestfailed', (request) => errors.push(`failed: ${request.url()}`));
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`${response.status()}: ${response.url()}`);
  });
  await page.goto(`${server.url}${path}`, { waitUntil: 'load', timeout: 20_000 });
  return { page, errors };
}

/** The text a person sees in an element (layout-aware, unlike textContent). */
function visibleText(locator: Locator): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: a Playwright locator, and what is visible is the point
  return locator.innerText();
}

async function screenshot(page: Page, name: string): Promise<void> {
  const file = `${SCREENSHOTS}/${name}.png`;
  await page.screenshot({ path: file, fullPage: true, timeout: 20_000 });
  expect(statSync(file).size).toBeGreaterThan(10_000);
}

describe('docs in Chromium', () => {
  it('shows the landing page: every API with its operations, the magic values and the scenarios', async () => {
    const { page, errors } = await open('/docs');
    for (const name of API_NAMES) {
      const section = page.locator(`section[data-api="${name}"]`);
      await expect.poll(() => section.isVisible()).toBe(true);
      const text = await visibleText(section);
      for (const op of loadSpec(name).operations) expect(text).toContain(op.operationId);
      expect(text).toContain('x-source:');
      expect(await section.locator('a.source-ref').count()).toBeGreaterThan(0);
    }
    const body = await visibleText(page.locator('body'));
    expect(body).toContain('Magic values');
    expect(body).toContain('Scenarios');
    await screenshot(page, 'docs');
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it.each(API_NAMES)(
    "renders the %s reference offline: every operation, and each one's x-source",
    async (name) => {
      const { page, errors } = await open(`/docs/${name}`);
      const operations = loadSpec(name).operations;
      const blocks = page.locator('.opblock');
      await expect.poll(() => blocks.count(), { timeout: 20_000 }).toBe(operations.length);
      const text = await visibleText(page.locator('#reference'));
      for (const op of operations) expect(text).toContain(op.operationId);
      // Opening an operation shows its vendor extensions, x-source among them, and its provenance
      // with each source as a link.
      await blocks.first().locator('.opblock-summary').first().click();
      await expect.poll(() => visibleText(blocks.first()), { timeout: 10_000 }).toContain('x-source');
      expect(await visibleText(blocks.first())).toContain('Provenance:');
      // The opened operation is the one whose operationId it shows (the longest, as ids share prefixes).
      const shown = await visibleText(blocks.first());
      const opened = provenanceElements(loadSpec(name).document)
        .filter((el) => el.kind === 'operation' && shown.includes(String(el.node.operationId)))
        .sort((a, b) => String(b.node.operationId).length - String(a.node.operationId).length)[0];
      expect(opened, 'the opened operation').toBeDefined();
      for (const ref of opened?.refs ?? [])
        expect(
          await blocks
            .first()
            .locator(`a[href="${sourceHref(ref)}"]`)
            .count(),
          ref,
        ).toBeGreaterThan(0);
      await screenshot(page, `docs-${name}`);
      expect(errors).toEqual([]);
      await page.close();
    },
    60_000,
  );
});
