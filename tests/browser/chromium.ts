/** Headless Debian Chromium for the browser tests and the latency benchmark, and a page that records problems. */
import type { Browser, Page } from 'playwright-core';
export { CHROMIUM_ARGS, launch } from '../../src/cli/chromium';

/**
 * A page at 1280×720 whose console errors, page errors and requests outside `baseUrl` are pushed to
 * `problems`.
 */
export async function watchedPage(browser: Browser, baseUrl: string, problems: string[]): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, acceptDownloads: true });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(baseUrl + '/') && !url.startsWith('data:') && !url.startsWith('blob:'))
      problems.push(`network: ${url}`);
  });
  return page;
}

/** Waits until the page has finished its current run (idle or error). */
export const settled = (page: Page) =>
  page.waitForSelector('[data-status="idle"], [data-status="error"]', { timeout: 30_000 });

interface HukouRuns {
  __hukou: { store: { getState(): { runCount: number } } };
}

/** How many runs the page has delivered so far (the run store's counter). */
export const runCount = (page: Page): Promise<number> =>
  page.evaluate(() => (window as unknown as HukouRuns).__hukou.store.getState().runCount);

/** Waits until a run newer than `after` has been delivered and the page is idle or in error. */
export async function nextRun(page: Page, after: number): Promise<void> {
  await page.waitForFunction((n) => (window as unknown as HukouRuns).__hukou.store.getState().runCount > n, after, {
    timeout: 30_000,
  });
  await settled(page);
}
