/**
 * The Compare screen: several scenarios (the workspace's, presets, library entries) overlaid, with the
 * deltas of each to a pinned baseline. The store runs each scenario (its runCompare action) in the model
 * service's worker, one after another, and keeps results per document, so ticking a box again costs nothing.
 */
import * as Plot from '@observablehq/plot';
import { useEffect, useMemo, useRef } from 'react';
import { useStore } from 'zustand';
import type { ProjectionResult } from '../scenario/result';
import { presetDoc, type ScenarioDoc } from '../state/doc';
import { PRESETS } from '../state/presets';
import { frame, yearFormat, yearTicks } from './charts/frame';
import type { LegendItem } from './charts/legend';
import { OKABE_ITO } from './charts/palette';
import type { Lang } from './charts/types';
import { percent, points, tenThousands } from './format';
import { pick, t } from './i18n';
import type { Services } from './services';
import type { CompareOutcome } from '../state/store';
import { docKeyOf } from '../state/analysis-store';

/** One colour per compared scenario, in order (black is kept for the text). */
const SCENARIO_COLORS = Object.values(OKABE_ITO).filter((c) => c !== OKABE_ITO.black);

interface Candidate {
  readonly key: string;
  readonly name: string;
  readonly doc: ScenarioDoc;
}

const RUNNING: CompareOutcome = { status: 'running' };

const at = (r: ProjectionResult, key: string, year: number): number | null => {
  const i = r.years.indexOf(year);
  const s = r.series[key] as (number | null)[] | undefined;
  return i < 0 || !s ? null : (s[i] ?? null);
};
const cumulative = (r: ProjectionResult, year: number): number | null => {
  const i = r.years.indexOf(year);
  if (i < 0) return null;
  let s = 0;
  for (let k = 1; k <= i; k++) s += (r.series.settlers[k] as number | null) ?? 0;
  return s;
};

const METRICS = [
  {
    key: 'residentUrbanRate',
    zh: '常住人口城镇化率',
    en: 'Resident rate',
    fmt: (x: number | null) => percent(x),
    scale: 100,
  },
  {
    key: 'hukouUrbanRate',
    zh: '户籍人口城镇化率',
    en: 'Hukou rate',
    fmt: (x: number | null) => percent(x),
    scale: 100,
  },
  { key: 'gapPoints', zh: '两率差距', en: 'Gap', fmt: (x: number | null, l: Lang) => points(x, l), scale: 1 },
  {
    key: 'settlersCumulative',
    zh: '累计落户',
    en: 'Settlers since base year',
    fmt: (x: number | null, l: Lang) => tenThousands(x, 1, l),
    scale: 1e-4,
  },
] as const;

function valueOf(r: ProjectionResult, key: string, year: number): number | null {
  return key === 'settlersCumulative' ? cumulative(r, year) : at(r, key, year);
}

function deltaText(key: string, d: number, lang: Lang): string {
  const isRate = key === 'residentUrbanRate' || key === 'hukouUrbanRate' || key === 'gapPoints';
  // Signs follow the rounded value, so a tiny difference reads "0.0", never "-0.0".
  const shown = isRate ? (key === 'gapPoints' ? d : 100 * d) : d * 1e-4;
  const rounded = Math.round(shown * 10) / 10;
  const sign = rounded > 0 ? '+' : rounded < 0 ? '' : '±';
  if (isRate)
    return `${sign}${Math.abs(rounded) === 0 ? '0.0' : rounded.toFixed(1)} ${lang === 'en' ? 'pp' : '个百分点'}`;
  return `${sign}${rounded === 0 ? tenThousands(0, 1, lang) : tenThousands(d, 1, lang)}`;
}

export function Compare({ services }: { services: Services }) {
  const { store: app } = services;
  const lang = useStore(app, (s) => s.lang);
  const doc = useStore(app, (s) => s.doc);
  const library = useStore(app, (s) => s.library);
  const { ids, pinned } = useStore(app, (s) => s.compare);
  // The store runs the Compare set (its runCompare action, on every change of the set or its documents).
  const outcomes = useStore(app, (s) => s.compareOutcomes);

  const candidates: Candidate[] = useMemo(
    () => [
      { key: 'current', name: t('current', lang), doc },
      ...PRESETS.map((p) => ({ key: `preset:${p.id}`, name: pick(lang, p.name, p.nameEn), doc: presetDoc(p.id) })),
      ...library.map((e) => ({ key: e.id, name: e.name, doc: e.doc })),
    ],
    [doc, library, lang],
  );
  const selected = candidates.filter((c) => ids.includes(c.key));
  const docKey = (c: Candidate) => docKeyOf(c.doc);

  const toggle = (key: string, on: boolean) => {
    const next = on ? [...ids, key] : ids.filter((x) => x !== key);
    app.getState().setCompare(next, pinned ?? (on ? key : null));
  };

  const results = selected.flatMap((c) => {
    const o = outcomes[docKey(c)];
    return o?.status === 'done' && o.reply.ok ? [{ c, r: o.reply.result }] : [];
  });
  const base = results.find((x) => x.c.key === pinned) ?? null;
  const years = [2020, ...new Set(results.map((x) => x.r.years[x.r.years.length - 1]))].filter(
    (y, i, a) => a.indexOf(y) === i,
  );

  return (
    <section className="compare screen" aria-labelledby="compare-title">
      <h1 id="compare-title">{t('compareTitle', lang)}</h1>
      <p>{t('compareHelp', lang)}</p>
      <fieldset className="compare-pick">
        <legend className="sr-only">{t('compareTitle', lang)}</legend>
        {candidates.map((c) => {
          const o = outcomes[docKey(c)] ?? RUNNING;
          const on = ids.includes(c.key);
          return (
            <div key={c.key} className="compare-option" data-compare-option={c.key}>
              <label>
                <input type="checkbox" checked={on} onChange={(e) => toggle(c.key, e.target.checked)} /> {c.name}
              </label>
              <label className={on ? '' : 'muted'}>
                <input
                  type="radio"
                  name="baseline"
                  disabled={!on}
                  checked={pinned === c.key}
                  onChange={() => app.getState().setCompare(ids, c.key)}
                />{' '}
                {t('baseline', lang)}
              </label>
              {on && o.status === 'running' && <span className="muted"> {t('status.running', lang)}</span>}
              {on && o.status === 'done' && !o.reply.ok && (
                <span className="error-text" role="alert">
                  {' '}
                  {o.reply.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}
                </span>
              )}
            </div>
          );
        })}
      </fieldset>
      {results.length > 0 && (
        <>
          <CompareChart results={results} lang={lang} metric="rates" />
          <CompareChart results={results} lang={lang} metric="gapPoints" />
          <table className="compare-table" data-compare-table="">
            <thead>
              <tr>
                <th scope="col">{lang === 'en' ? 'Scenario' : '方案'}</th>
                {years.flatMap((y) =>
                  METRICS.map((m) => (
                    <th scope="col" key={`${y}-${m.key}`}>
                      {y} {lang === 'en' ? m.en : m.zh}
                    </th>
                  )),
                )}
              </tr>
            </thead>
            <tbody>
              {results.map(({ c, r }) => (
                <tr key={c.key} className={c.key === pinned ? 'is-baseline' : ''}>
                  <th scope="row">
                    {c.name}
                    {c.key === pinned ? ` (${t('baseline', lang)})` : ''}
                  </th>
                  {years.flatMap((y) =>
                    METRICS.map((m) => {
                      const v = valueOf(r, m.key, y);
                      const b = base && c.key !== pinned ? valueOf(base.r, m.key, y) : null;
                      return (
                        <td key={`${y}-${m.key}`}>
                          {m.fmt(v, lang)}
                          {v !== null && b !== null && (
                            <span className="delta" data-delta={m.key}>
                              {' '}
                              ({t('delta', lang)} {deltaText(m.key, v - b, lang)})
                            </span>
                          )}
                        </td>
                      );
                    }),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

function CompareChart({
  results,
  lang,
  metric,
}: {
  results: readonly { c: Candidate; r: ProjectionResult }[];
  lang: Lang;
  metric: 'rates' | 'gapPoints';
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const rows = results.flatMap(({ c, r }) =>
      r.years.flatMap((year, i) =>
        metric === 'rates'
          ? [
              { name: c.name, year, hukou: false, v: 100 * (r.series.residentUrbanRate[i] ?? NaN) },
              { name: c.name, year, hukou: true, v: 100 * (r.series.hukouUrbanRate[i] ?? NaN) },
            ]
          : [{ name: c.name, year, hukou: false, v: r.series.gapPoints[i] ?? NaN }],
      ),
    );
    const title =
      metric === 'rates'
        ? lang === 'en'
          ? 'Resident (solid) and hukou (dashed) urbanisation rate, %'
          : '常住（实线）与户籍（虚线）人口城镇化率，%'
        : lang === 'en'
          ? 'Gap between the two rates, percentage points'
          : '两率差距，个百分点';
    const cs = getComputedStyle(el);
    const inner = el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
    const names = results.map((x) => x.c.name);
    const colorOf = (name: string) => SCENARIO_COLORS[names.indexOf(name) % SCENARIO_COLORS.length];
    const years = results.flatMap((x) => x.r.years);
    const legend: LegendItem[] = results.map((x) => ({ label: x.c.name, color: colorOf(x.c.name), kind: 'line' }));
    if (metric === 'rates')
      legend.push({
        label: lang === 'en' ? 'hukou rate (dashed)' : '户籍人口城镇化率（虚线）',
        color: '#595959',
        kind: 'dashed',
      });
    const line = (hukou: boolean) =>
      Plot.lineY(
        rows.filter((d) => Number.isFinite(d.v) && d.hukou === hukou),
        {
          x: 'year',
          y: 'v',
          z: 'name',
          stroke: (d: { name: string }) => colorOf(d.name),
          strokeWidth: 2,
          strokeDasharray: hukou ? '5,3' : undefined,
        },
      );
    const plot = frame({
      width: Math.max(480, inner),
      x: {
        type: 'linear',
        domain: [Math.min(...years), Math.max(...years)],
        ticks: yearTicks(Math.min(...years), Math.max(...years), Math.max(480, inner)),
        tickFormat: yearFormat,
        label: null,
      },
      y: { label: metric === 'rates' ? '%' : lang === 'en' ? 'pp' : '个百分点', grid: true },
      marks: metric === 'rates' ? [line(false), line(true)] : [Plot.ruleY([0]), line(false)],
      legend,
      ariaLabel: title,
      ariaDescription: names.join(', '),
    });
    const caption = document.createElement('h3');
    caption.textContent = title;
    el.replaceChildren(caption, plot);
  }, [results, lang, metric]);
  return <div ref={ref} className="chart-card" data-chart={metric === 'rates' ? 'compare-rates' : 'compare-gap'} />;
}
