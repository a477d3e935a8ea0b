/**
 * The calibration card of the Analyses screen: the unknowns of the scenario's calibration part fitted to
 * its observations by least squares, with the fit error, a chart of fitted against observed, and the
 * calibrated scenario to export or open in the workspace.
 */
import { useStore } from 'zustand';
import type { ViewData } from '../../runner/view-data';
import type { ProjectionResult } from '../../scenario/result';
import { docKeyOf } from '../../state/analysis-store';
import { overridesOf, type ScenarioDoc } from '../../state/doc';
import { ChartCard } from '../ChartCard';
import { calibrationChart } from '../charts/calibration';
import type { ChartContext, Lang } from '../charts/types';
import { pick } from '../i18n';
import { download, rawOf, type Services } from '../services';
import { by, ProgressLine, SlotNote, useAnalysisJobs } from './slot-ui';

export interface CalibrationCardProps {
  readonly services: Services;
  readonly result: ProjectionResult;
  readonly view: ViewData;
  readonly doc: ScenarioDoc;
  readonly lang: Lang;
  /** The screen's chart context (it carries the calibration result for the chart). */
  readonly ctx: ChartContext;
}

export function CalibrationCard({ services, result, view, doc, lang, ctx }: CalibrationCardProps) {
  const { store: analysis, analyst, store: app } = services;
  const slots = useStore(analysis, (s) => s.slots);
  const docKey = docKeyOf(doc);
  const { start, cancel } = useAnalysisJobs(analysis, docKey, lang);
  const raw = rawOf(doc);
  const overrides = overridesOf(doc);
  const calibration =
    slots.calibration.docKey === docKey
      ? (slots.calibration.result as Awaited<ReturnType<typeof analyst.calibrate>> | null)
      : null;
  return (
    <section
      className="analysis-card"
      data-analysis="calibration"
      data-analysis-status={slots.calibration.status}
      aria-labelledby="an-cal"
    >
      <h2 id="an-cal">{by(lang, '校准', 'Calibration')}</h2>
      {view.analysis.calibration.length === 0 ? (
        <p>
          {by(
            lang,
            '本情景未指定待校准参数（calibration 部分）。',
            'This scenario names no unknowns to calibrate (its calibration part).',
          )}
        </p>
      ) : (
        <>
          <p className="muted">
            {by(
              lang,
              `以最小二乘法将下列参数拟合到情景的观测值（${view.observed.length} 个）：`,
              `Fits these unknowns to the scenario's ${view.observed.length} observations by least squares:`,
            )}
          </p>
          <ul className="param-list">
            {view.analysis.calibration.map((p) => (
              <li key={p.pointer}>
                {pick(lang, p.label, p.labelEn)}：<code>{p.range}</code>
                {p.mode === 'scale' ? by(lang, '（倍数）', ' (multiplier)') : ''}
                {calibration && calibration.parameters[p.pointer] !== undefined && (
                  <>
                    {' → '}
                    <strong data-calibrated={p.pointer}>{+calibration.parameters[p.pointer].toPrecision(4)}</strong>
                  </>
                )}
              </li>
            ))}
          </ul>
          <div className="analysis-form">
            <button
              type="button"
              data-run="calibrate"
              data-action="run"
              disabled={slots.calibration.status === 'running'}
              onClick={() =>
                void start('calibration', (signal, progress) => analyst.calibrate(raw, overrides, progress, signal))
              }
            >
              {by(lang, '开始校准', 'Calibrate')}
            </button>
          </div>
          <ProgressLine slot={slots.calibration} lang={lang} onCancel={() => cancel('calibration')} />
          <SlotNote slot={slots.calibration} docKey={docKey} lang={lang} />
          {calibration && (
            <>
              <p data-rmse={calibration.rmse}>
                {by(lang, '拟合误差（均方根）', 'Fit error (RMSE)')}：{calibration.rmseStart.toPrecision(3)} →{' '}
                <strong>{calibration.rmse.toPrecision(3)}</strong>
                {by(
                  lang,
                  `（${calibration.evaluations} 次运行${calibration.converged ? '，已收敛' : '，未完全收敛'}）`,
                  ` (${calibration.evaluations} runs${calibration.converged ? ', converged' : ', not fully converged'})`,
                )}
              </p>
              <div className="analysis-form">
                <button
                  type="button"
                  data-export-calibrated=""
                  onClick={async () => {
                    const text = await analyst.calibratedScenario(raw, overrides, calibration);
                    download(text, `${result.scenario.id}-calibrated.json`);
                  }}
                >
                  {by(lang, '导出校准后的情景 JSON', 'Export the calibrated scenario (JSON)')}
                </button>
                <button
                  type="button"
                  data-open-calibrated=""
                  onClick={async () => {
                    const text = await analyst.calibratedScenario(raw, overrides, calibration);
                    app.getState().openDoc({
                      source: {
                        kind: 'custom',
                        raw: JSON.parse(text),
                        fileName: `${result.scenario.id}-calibrated.json`,
                      },
                      edits: {},
                    });
                    app.getState().setRoute('workspace');
                  }}
                >
                  {by(lang, '在工作台打开校准后的情景', 'Open the calibrated scenario in the workspace')}
                </button>
              </div>
              <ChartCard spec={calibrationChart} ctx={ctx} />
            </>
          )}
        </>
      )}
    </section>
  );
}
