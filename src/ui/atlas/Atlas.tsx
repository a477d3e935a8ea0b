/**
 * The atlas screen (`#/atlas`, issue 18): every prefecture of China from its 2020 census under the national
 * rules of its size class, run across the workers with progress; a map coloured by a chosen metric and
 * year, a sortable, searchable table, and a click that opens the city in the workspace; below, the
 * ten-year test (2010 → 2020) against the two naive forecasts.
 */
import { useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import { atlasEditable, type AtlasSpeeds, type Hindcast } from '../../analysis/atlas-run';
import type { AtlasResult } from '../../runner/atlas-service';
import { AnalysisInputError } from '../../runner/analysis-types';
import { presetById } from '../../state/presets';
import type { Lang } from '../charts/types';
import { by } from '../charts/words';
import { ProgressLine, useAnalysisJobs } from '../analysis/slot-ui';
import type { Services } from '../services';
import { AtlasMap } from './AtlasMap';
import { AtlasTable } from './AtlasTable';
import { HindcastPanel } from './HindcastPanel';
import { ATLAS_METRICS, metricOf, type AtlasMetric } from './atlas-metrics';
import './atlas.css';

const YEARS = [2025, 2030, 2035] as const;
const NATION_NOW = 'china-now';

/** The nation's calibrated completion speeds, from its two presets (the atlas's every city uses them). */
function speeds(): AtlasSpeeds {
  const speedOf = (id: string) =>
    Number((presetById(id)?.raw as { willingness?: { speed?: { large?: number } } })?.willingness?.speed?.large);
  return { speed2010: speedOf('china-2015'), speed2020: speedOf('china-now') };
}

export function Atlas({ services, lang }: { services: Services; lang: Lang }) {
  const store = services.store;
  const slot = useStore(store, (s) => s.slots.atlas);
  const hindSlot = useStore(store, (s) => s.slots.hindcast);
  const metricId = useStore(store, (s) => s.form.atlasMetric) as AtlasMetric;
  const year = useStore(store, (s) => s.form.atlasYear);
  const setMetric = (m: AtlasMetric) => store.getState().setForm({ atlasMetric: m });
  const setYear = (y: number) => store.getState().setForm({ atlasYear: y });
  const atlas = services.atlas;
  const result = slot.result as AtlasResult | null;
  // The nation's current rules as the workspace has them: its edits of china-now that the atlas carries.
  const doc = useStore(store, (s) => s.doc);
  const edits = useMemo(
    () =>
      doc.source.kind === 'preset' && doc.source.id === NATION_NOW
        ? Object.entries(doc.edits)
            .filter(([pointer]) => atlasEditable(pointer))
            .map(([pointer, value]) => ({ pointer, value }))
        : [],
    [doc],
  );
  const KEY = `atlas-2020:${JSON.stringify(edits)}`;
  // The analyses' job helper: progress into the store, cancel, a failure worded for the user.
  const { start, cancel } = useAnalysisJobs(store, KEY, lang);

  const run = () => {
    if (!atlas) return;
    void start('atlas', (signal, progress) => atlas.run(2020, YEARS, speeds(), progress, signal, edits));
  };
  const runHindcast = () => {
    if (!atlas) return;
    void start('hindcast', (signal) => atlas.hindcast(speeds(), signal));
  };
  const open = async (code: string, name: string) => {
    if (!atlas) return;
    try {
      const raw = await atlas.scenario(code, 2020, speeds(), edits);
      const app = store.getState();
      app.openDoc({ source: { kind: 'custom', raw, fileName: `${name}（全国地图）.json` }, edits: {} });
      app.setRoute('workspace');
    } catch (e) {
      const why = e instanceof AnalysisInputError ? e.message : (e as Error).message;
      store.getState().setNotice({ kind: 'error', text: `${by(lang, '无法打开：', 'Cannot open it: ')}${why}` });
    }
  };

  // A change to the nation's rules (in the workspace) re-runs an atlas already run under other rules.
  const stale = !!result && slot.docKey !== KEY && slot.status === 'done';
  useEffect(() => {
    if (stale) run();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- run only when the rules change
  }, [stale, KEY]);

  const byCode = useMemo(() => {
    const m = new Map<string, AtlasResult['rows'][number]>();
    for (const r of result?.rows ?? []) if (r.year === year) m.set(r.code, r);
    return m;
  }, [result, year]);
  const names = useMemo(() => new Map([...byCode.values()].map((r) => [r.code, r.name])), [byCode]);
  const metric = metricOf(metricId);

  return (
    <section className="atlas" aria-labelledby="atlas-title">
      <h1 id="atlas-title">{by(lang, '全国地图：每个地级市的城镇化', 'Atlas: every prefecture of China')}</h1>
      <p className="muted">
        {by(
          lang,
          '每个地级单位以2020年第七次人口普查为基年，按其城区人口规模适用国家现行落户政策（超大特大城市积分落户，I型大城市全面放宽，其余取消落户限制），人口、迁移和意愿参数取全国值。',
          'Every prefecture-level unit from its 2020 census, under the national settlement rules of its 城区 size (points in megacities, relaxed rules in type-I large cities, open elsewhere), with the nation’s demographic, migration and willingness rates.',
        )}
      </p>
      <p className="muted" data-atlas-rules={edits.length}>
        {edits.length
          ? by(
              lang,
              `按工作台中“全国现行”情景的 ${edits.length} 项修改计算（意愿、落户转化率、超大特大城市积分规则）。`,
              `Run with ${edits.length} edits of the nation's current scenario in the workspace (willingness, completion speed, the megacities' points rule).`,
            )
          : by(
              lang,
              '在工作台打开“全国：现行户籍制度下的城镇化”并修改其落户意愿、转化率或积分规则，地图即按修改后的规则重新计算。',
              'Open the nation’s current scenario in the workspace and change its willingness, completion speed or points rule: the atlas re-runs under the changed rules.',
            )}
      </p>
      {!atlas ? (
        <p className="muted">{by(lang, '此环境不提供全国地图的计算。', 'The atlas cannot run here.')}</p>
      ) : (
        <div className="atlas-controls">
          <button type="button" data-atlas-run="" onClick={run} disabled={slot.status === 'running'}>
            {result ? by(lang, '重新计算', 'Run again') : by(lang, '计算全部城市', 'Run every city')}
          </button>
          <label>
            {by(lang, '指标', 'Metric')}{' '}
            <select data-atlas-metric="" value={metricId} onChange={(e) => setMetric(e.target.value as AtlasMetric)}>
              {ATLAS_METRICS.map((m) => (
                <option key={m.id} value={m.id}>
                  {by(lang, m.zh, m.en)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {by(lang, '年份', 'Year')}{' '}
            <select data-atlas-year="" value={year} onChange={(e) => setYear(Number(e.target.value))}>
              {YEARS.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
          {result && (
            <span className="muted" data-atlas-count={byCode.size}>
              {by(
                lang,
                `${byCode.size} 个城市，用时 ${result.seconds.toFixed(1)} 秒${result.failures.length ? `；${result.failures.length} 个失败` : ''}`,
                `${byCode.size} cities in ${result.seconds.toFixed(1)} s${result.failures.length ? `; ${result.failures.length} failed` : ''}`,
              )}
            </span>
          )}
        </div>
      )}
      <ProgressLine slot={slot} lang={lang} onCancel={() => cancel('atlas')} />
      {slot.status === 'error' && (
        <p className="error-text" role="alert" data-analysis-error="">
          {slot.error}
        </p>
      )}
      <AtlasMap
        rows={byCode}
        metric={metric}
        names={names}
        lang={lang}
        onOpen={(c) => void open(c, names.get(c) ?? c)}
      />
      {result && (
        <AtlasTable rows={[...byCode.values()]} metric={metric} lang={lang} onOpen={(c, n) => void open(c, n)} />
      )}
      <HindcastPanel
        slot={hindSlot}
        result={hindSlot.result as Hindcast | null}
        lang={lang}
        onRun={atlas ? runHindcast : null}
        onCancel={() => cancel('hindcast')}
      />
    </section>
  );
}
