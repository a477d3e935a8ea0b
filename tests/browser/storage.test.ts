/**
 * The page against damaged storage and crafted links: a malformed library entry (one once blanked the whole
 * app, and again on every reload at #/library) is set aside and named; the good entries and the app stay. A
 * link whose scenario has 3,000 timeline entries (it once left the page "running" for good, and opening
 * another preset did not get out) is refused, naming the field, and another preset opens.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { nodeDataLoader, PROJECT_ROOT } from '../../src/runner/node-loader';
import { loadScenario, parseJsonText } from '../../src/scenario/load';
import { LIMITS } from '../../src/scenario/schema';
import { encodeDoc } from '../../src/state/doc';
import { formatHash } from '../../src/state/url';
import { launch, watchedPage } from './chromium';

describe('damaged storage and crafted links', () => {
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

  it('refuses a link with a 3,000-entry timeline, naming the field, and opens another preset after it', async () => {
    const file = resolve(PROJECT_ROOT, 'scenarios/changzhou-2016.json');
    const { include: _, ...resolved } = loadScenario(parseJsonText(readFileSync(file, 'utf8')), nodeDataLoader());
    const timeline = Array.from({ length: 3000 }, (_, i) => ({
      year: 2016 + (i % 10),
      set: { '/willingness/serviceLevel': (i % 100) / 100 },
    }));
    const code = await encodeDoc({
      source: { kind: 'custom', raw: { ...resolved, timeline }, fileName: 'long.json' },
      edits: {},
    });
    const page = await watchedPage(browser, baseUrl, problems);
    await page.goto(baseUrl + '/' + formatHash({ route: 'workspace', code, lang: null, year: null }));
    await page.waitForSelector('[data-status="error"]', { timeout: 30_000 });
    expect(await page.locator('.error-panel').innerText()).toContain(
      `/timeline: at most ${LIMITS.timelineEntries} entries`,
    );
    await page.selectOption('[data-preset-select]', 'guangzhou');
    await page.waitForSelector('[data-status="idle"] [data-chart="rates"] svg', { timeout: 30_000 });
    // 广州's city-wide points quota: its cut-off score in the key figures (the document's minimum: not binding).
    const cutoff = page.locator('[data-cutoff="points"]');
    expect(await cutoff.locator('th').innerText()).toContain('积分落户分数线');
    expect(await cutoff.locator('td[data-year="2020"]').innerText()).toBe('100.0 分');
    expect(problems).toEqual([]);
  });

  it('says on the page when the base year’s totals cannot all hold (it was only in the JSON result)', async () => {
    const code = await encodeDoc({
      source: { kind: 'preset', id: 'changzhou-2016' },
      edits: { '/base/urbanResidentPop': 0 },
    });
    const page = await watchedPage(browser, baseUrl, problems);
    await page.goto(baseUrl + '/' + formatHash({ route: 'workspace', code, lang: null, year: null }));
    const notice = page.locator('[data-notice="base-year-warnings"]');
    await notice.waitFor({ timeout: 30_000 });
    expect(await notice.innerText()).toContain('基年公布数据无法同时满足');
    expect(await notice.innerText()).toContain('rural-registered urban residents (U − N + RN − UH) came out negative');
    await page.screenshot({ path: resolve(PROJECT_ROOT, 'test-results/base-year-warnings.png') });
    expect(problems).toEqual([]);
  });
});
