/**
 * The Analyses screen as the browser tests drive it: its cards, the store's analysis slots through the page
 * hook (window.__hukou.store), running a card to the end, downloads.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export const KINDS = [
  'uncertainty',
  'sensitivity',
  'goal-seek',
  'optimize',
  'calibration',
  'backtest',
  'evaluation',
] as const;
export type Slot = 'uncertainty' | 'sensitivity' | 'goalSeek' | 'optimize' | 'calibration' | 'backtest' | 'evaluation';

export interface HukouWindow {
  __hukou: {
    store: { getState(): { slots: Record<Slot, { status: string; result: unknown; done: number }> } };
  };
}

/** A CSV line split into fields (RFC 4180 quoting). */
export function csvFields(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') {
      cur += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** Helpers bound to the test's page (read when called: the page is made in beforeAll). */
export function analysesPage(page: () => Page, out: string) {
  const section = (kind: (typeof KINDS)[number]) => page().locator(`[data-analysis="${kind}"]`);
  const status = (slot: Slot) =>
    page().evaluate((s) => (window as unknown as HukouWindow).__hukou.store.getState().slots[s].status, slot);
  /** Waits until the analysis in `slot` has left `running` (done, error or cancelled) and returns its status. */
  const finished = async (slot: Slot, timeout = 45_000) => {
    await page().waitForFunction(
      (s) => (window as unknown as HukouWindow).__hukou.store.getState().slots[s].status !== 'running',
      slot,
      { timeout },
    );
    return status(slot);
  };
  /** Clicks a run button and waits until that analysis is done; no error shown. */
  const run = async (button: string, slot: Slot, kind: (typeof KINDS)[number]) => {
    await page().click(`[data-run="${button}"]`);
    expect(await finished(slot)).toBe('done');
    expect(await section(kind).locator('[data-analysis-error]').count()).toBe(0);
  };
  const nav = async (name: string, route: string) => {
    await page().getByRole('link', { name, exact: true }).click();
    await page().waitForFunction((r) => location.hash.startsWith(`#/${r}`), route);
  };
  const probabilities = () =>
    page()
      .locator('[data-target-probability]')
      .evaluateAll((rows) =>
        Object.fromEntries(
          rows.map((r) => [r.getAttribute('data-target-probability'), r.getAttribute('data-probability')]),
        ),
      );
  const download = async (click: () => Promise<void>) => {
    const [d] = await Promise.all([page().waitForEvent('download', { timeout: 15_000 }), click()]);
    const path = resolve(out, `analyses-${d.suggestedFilename()}`);
    await d.saveAs(path);
    return { name: d.suggestedFilename(), text: readFileSync(path, 'utf8') };
  };

  return { section, status, finished, run, nav, probabilities, download };
}
