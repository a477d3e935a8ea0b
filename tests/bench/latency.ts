/**
 * `npm run bench` (second part): latency from a lever change to updated charts, in headless Chromium,
 * on the production build. Each sample types a new value into a lever's number field and stops the
 * clock when the run is delivered, every chart on screen has been redrawn and the next frame has
 * started. Charts off screen are not redrawn until scrolled into view, so they cost a lever nothing.
 * Budget (PRODUCT.md): under 100 ms at the 95th percentile, for what the user sees.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { preview } from 'vite';
import { launch } from '../browser/chromium';

const ROOT = resolve(import.meta.dirname, '..', '..');
const SAMPLES = 60;
const LEVER = '/policy/zones/core/channels/0/conditions/2/years';

export interface LatencyBench {
  readonly visibleMedianMs: number;
  readonly visibleP95Ms: number;
  readonly lines: string[];
}

const quantile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
};

/** Needs the production build in dist/ (the bench's entry builds it first). */
export async function benchLatency(): Promise<LatencyBench> {
  if (!existsSync(resolve(ROOT, 'dist', 'index.html'))) throw new Error('run `npm run build` first');
  const server = await preview({ root: ROOT, logLevel: 'silent', preview: { host: '127.0.0.1', port: 4174 } });
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    // tsx compiles with esbuild's keepNames, which wraps functions in `__name(...)`; the function sent to
    // the page needs that helper there too.
    await page.addInitScript({ content: 'window.__name = (f) => f;' });
    // The document preset: its insurance-years lever is the one the samples move (today's 常州 has none).
    await page.goto('http://127.0.0.1:4174/#/workspace?p=changzhou-2016');
    await page.waitForSelector('[data-status="idle"] [data-chart="rates"] svg', { timeout: 30_000 });
    const samples = await page.evaluate(
      async ({ pointer, samples }) => {
        const input = document.querySelector<HTMLInputElement>(`[data-lever="${pointer}"]`)!;
        const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
        const runs = (window as unknown as { __hukou: { store: { getState(): { runCount: number } } } }).__hukou.store;
        const cards = [...document.querySelectorAll('[data-chart]')];
        const svgs = () => cards.map((c) => c.querySelector('svg'));
        const onScreen = () =>
          cards.map((c) => {
            const r = c.getBoundingClientRect();
            return r.bottom > 0 && r.top < window.innerHeight;
          });
        const out: { visible: number; shown: number }[] = [];
        for (let i = 0; i < samples; i++) {
          // Scroll so that each sample sees a different part of the page (and so different charts).
          window.scrollTo(0, (i % 4) * 700);
          await new Promise((r) => setTimeout(r, 60));
          const before = runs.getState().runCount;
          const old = svgs();
          const seen = onScreen();
          const t0 = performance.now();
          setValue.call(input, String((i % 5) + (Number(input.value) === i % 5 ? 1 : 0)));
          input.dispatchEvent(new Event('input', { bubbles: true }));
          let visible = 0;
          await new Promise<void>((done) => {
            const check = () => {
              const now = svgs();
              const fresh = now.map((s, k) => s !== null && s !== old[k]);
              const delivered = runs.getState().runCount > before;
              if (!visible && delivered && fresh.every((f, k) => f || !seen[k]))
                requestAnimationFrame(() => (visible = performance.now() - t0));
              // Charts off screen wait until scrolled into view: the sample ends with what the user sees.
              if (visible) done();
              else requestAnimationFrame(check);
            };
            check();
          });
          out.push({ visible, shown: seen.filter(Boolean).length });
          await new Promise((r) => setTimeout(r, 30));
        }
        return out;
      },
      { pointer: LEVER, samples: SAMPLES },
    );
    const stats = (xs: number[]) =>
      `median ${quantile(xs, 0.5).toFixed(0)} ms, p95 ${quantile(xs, 0.95).toFixed(0)} ms, max ${Math.max(...xs).toFixed(0)} ms`;
    const charts = await page.locator('[data-chart] svg').count();
    const shown = samples.map((s) => s.shown);
    const visible = samples.map((s) => s.visible);
    return {
      visibleMedianMs: quantile(visible, 0.5),
      visibleP95Ms: quantile(visible, 0.95),
      lines: [
        `Lever change → charts on screen redrawn (${Math.min(...shown)}–${Math.max(...shown)} of ${charts}; ` +
          `headless Chromium, 1280×720, ${SAMPLES} changes): ${stats(visible)}`,
      ],
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
