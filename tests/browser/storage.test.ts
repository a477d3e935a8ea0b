/**
 * The page against damaged storage: a malformed library entry (one once blanked the whole app, and again
 * on every reload at #/library) is set aside and named; the good entries and the app stay.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, watchedPage } from './chromium';

describe('damaged storage', () => {
  const baseUrl = inject('baseUrl');
  const problems: string[] = [];
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens the library with the good entries, the bad one set aside and named', async () => {
    const page = await watchedPage(browser, baseUrl, problems);
    const good = {
      id: 'a',
      name: '常州试算',
      doc: { source: { kind: 'preset', id: 'changzhou-2016' }, edits: {} },
      savedAt: '2026-11-30T00:00:00Z',
    };
    const bad = { id: 'b', name: '坏条目', doc: { source: { kind: 'preset', id: 'BAD ID' }, edits: 7 } };
    await page.addInitScript(([g, b]) => localStorage.setItem('hukou-sim:library', JSON.stringify([g, b])), [
      good,
      bad,
    ] as const);
    await page.goto(baseUrl + '/#/library');
    await page.waitForSelector('[data-library-entry="a"]', { timeout: 30_000 });
    expect(await page.locator('[data-library-entry]').count()).toBe(1);
    expect(await page.locator('[data-notice="library-set-aside"]').innerText()).toContain('已另存');
    expect(await page.locator('[data-notice-issues]').innerText()).toContain('坏条目');
    const kept = await page.evaluate(() => localStorage.getItem('hukou-sim:library-set-aside'));
    expect(JSON.parse(kept!)).toEqual([bad]);
    expect(problems).toEqual([]);
  });
});
