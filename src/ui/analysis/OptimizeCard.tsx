/**
 * The card of goal seek over several levers (src/analysis/optimize.ts): choose levers and targets, and what
 * to keep least once the targets are met (the city and counties' net burden, the total cost, or the change);
 * the answer is a setting of every chosen lever, or the closest one with how far each target misses, and it
 * can be applied in the workspace as one step of the history.
 */
import { useState } from 'react';
import { useStore } from 'zustand';
import { OPTIMIZE_MAX_LEVERS, OPTIMIZE_OBJECTIVES, type OptimizeObjective } from '../../analysis/optimize';
import { isBareUnit } from '../../analysis/probe';
import type { ViewData } from '../../runner/view-data';
import { METRICS } from '../../scenario/metrics';
import type { Lever, LeverGroup } from '../../scenario/levers';
import type { ProjectionResult } from '../../scenario/result';
import { docKeyOf } from '../../state/analysis-store';
import { overridesOf, type ScenarioDoc } from '../../state/doc';
import type { Lang } from '../charts/types';
import { metricValue, unitIn } from '../format';
import { pick, t, type StringKey } from '../i18n';
import { rawOf, type Services } from '../services';
import { by, ProgressLine, SlotNote, useAnalysisJobs } from './slot-ui';

export interface OptimizeCardProps {
  readonly services: Services;
  readonly result: ProjectionResult;
  readonly view: ViewData;
  readonly doc: ScenarioDoc;
  readonly lang: Lang;
}

const GROUPS: readonly LeverGroup[] = ['settlement', 'willingness', 'migration', 'fiscal', 'demography'];

const objectiveName = (o: OptimizeObjective, lang: Lang) =>
  o === 'change' ? by(lang, '改动最小', 'Least change') : pick(lang, METRICS[o].zh, METRICS[o].en);

function leverValue(l: Pick<Lever, 'unit' | 'toggle'>, x: number, lang: Lang): string {
  if (l.toggle) return x >= 0.5 ? by(lang, '是', 'on') : by(lang, '否', 'off');
  return isBareUnit(l.unit) ? String(x) : `${x} ${unitIn(l.unit, lang)}`;
}

export function OptimizeCard({ services, result, view, doc, lang }: OptimizeCardProps) {
  const { store, analyst } = services;
  const slot = useStore(store, (s) => s.slots.optimize);
  const form = useStore(store, (s) => s.form);
  const setForm = store.getState().setForm;
  const docKey = docKeyOf(doc);
  const { start, cancel } = useAnalysisJobs(store, docKey, lang);
  // Fiscal inputs are the finance panel's, not levers of a plan; a chosen lever the scenario lacks is dropped.
  const levers = view.levers.filter((l) => !l.fiscal);
  // Some hundred levers: a filter by name (either language) narrows the list.
  const [filter, setFilter] = useState('');
  const words = filter.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const matches = (l: (typeof levers)[number]) =>
    words.every((w) => l.label.toLowerCase().includes(w) || l.labelEn.toLowerCase().includes(w));
  const chosen = form.optLevers.filter((p) => levers.some((l) => l.pointer === p));
  const targets = result.targets.filter((x) => x.value !== null);
  const chosenTargets = (form.optTargets ?? targets.map((x) => x.id)).filter((id) => targets.some((x) => x.id === id));
  const objectives = OPTIMIZE_OBJECTIVES.filter(
    (o) => result.fiscal || (o !== 'municipalNetCumulative' && o !== 'totalCostCumulative'),
  );
  const minimize: OptimizeObjective = objectives.includes(form.optMinimize as OptimizeObjective)
    ? (form.optMinimize as OptimizeObjective)
    : // As on the command line: the net burden where there is a fiscal part, else the least change.
      result.fiscal
      ? 'municipalNetCumulative'
      : 'change';
  const toggle = (list: readonly string[], x: string, on: boolean) =>
    on ? [...list.filter((y) => y !== x), x] : list.filter((y) => y !== x);
  const answer = slot.docKey === docKey ? (slot.result as Awaited<ReturnType<typeof analyst.optimize>> | null) : null;
  const tooMany = chosen.length > OPTIMIZE_MAX_LEVERS;
  const moved = answer?.levers.filter((l) => l.to !== l.from) ?? [];

  return (
    <section
      className="analysis-card"
      data-analysis="optimize"
      data-analysis-status={slot.status}
      aria-labelledby="an-optimize"
    >
      <h2 id="an-optimize">{by(lang, '多杠杆目标求解', 'Goal seek over several levers')}</h2>
      <p className="muted">
        {by(
          lang,
          `选择若干杠杆（最多${OPTIMIZE_MAX_LEVERS}个）和目标：在各杠杆范围内求出同时达到全部目标、且所选准则最小的组合；达不到时给出最接近的组合及各目标的差距。`,
          `Choose levers (at most ${OPTIMIZE_MAX_LEVERS}) and targets: finds the setting within the levers' ranges that meets every target with the least of the chosen criterion; when none does, the closest setting and how far each target misses.`,
        )}
      </p>
      <div className="opt-choices">
        <fieldset className="opt-levers">
          <legend>
            {by(lang, '杠杆', 'Levers')}{' '}
            <span className={tooMany ? 'error-text' : 'muted'} data-opt-count="">
              {by(lang, `已选${chosen.length}个`, `${chosen.length} chosen`)}
            </span>
          </legend>
          <input
            type="search"
            className="opt-filter"
            data-opt-filter=""
            value={filter}
            placeholder={by(lang, '按名称筛选杠杆…', 'Filter levers by name…')}
            aria-label={by(lang, '按名称筛选杠杆', 'Filter levers by name')}
            onChange={(e) => setFilter(e.target.value)}
          />
          {GROUPS.map((g) => {
            // A chosen lever stays listed whatever the filter, so it can be unticked.
            const list = levers.filter((l) => l.group === g && (chosen.includes(l.pointer) || matches(l)));
            if (!list.length) return null;
            return (
              <div key={g} className="opt-group">
                <h3>{t(`group.${g}` as StringKey, lang)}</h3>
                {list.map((l) => (
                  <label key={l.pointer}>
                    <input
                      type="checkbox"
                      data-opt-lever={l.pointer}
                      checked={chosen.includes(l.pointer)}
                      onChange={(e) => setForm({ optLevers: toggle(chosen, l.pointer, e.target.checked) })}
                    />{' '}
                    {pick(lang, l.label, l.labelEn)}
                  </label>
                ))}
              </div>
            );
          })}
        </fieldset>
        <fieldset className="opt-targets">
          <legend>{by(lang, '目标', 'Targets')}</legend>
          {targets.length === 0 && (
            <p className="muted">{by(lang, '本情景没有目标。', 'This scenario has no targets.')}</p>
          )}
          {targets.map((x) => (
            <label key={x.id}>
              <input
                type="checkbox"
                data-opt-target={x.id}
                checked={chosenTargets.includes(x.id)}
                onChange={(e) => setForm({ optTargets: toggle(chosenTargets, x.id, e.target.checked) })}
              />{' '}
              {pick(lang, x.label, x.labelEn)}
            </label>
          ))}
          <label className="opt-minimize">
            {by(lang, '达到目标后使其最小', 'Then keep least')}{' '}
            <select value={minimize} data-opt-minimize="" onChange={(e) => setForm({ optMinimize: e.target.value })}>
              {objectives.map((o) => (
                <option key={o} value={o}>
                  {objectiveName(o, lang)}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
      </div>
      <div className="analysis-form">
        <button
          type="button"
          data-run="optimize"
          data-action="run"
          disabled={slot.status === 'running' || !chosen.length || !chosenTargets.length || tooMany}
          onClick={() =>
            void start('optimize', (signal, progress) =>
              analyst.optimize(
                rawOf(doc),
                overridesOf(doc),
                { levers: chosen, targets: chosenTargets, minimize },
                progress,
                signal,
              ),
            )
          }
        >
          {by(lang, '求解', 'Solve')}
        </button>
        {tooMany && (
          <span className="error-text">
            {by(lang, `最多选${OPTIMIZE_MAX_LEVERS}个杠杆。`, `Choose at most ${OPTIMIZE_MAX_LEVERS} levers.`)}
          </span>
        )}
      </div>
      <ProgressLine slot={slot} lang={lang} onCancel={() => cancel('optimize')} />
      <SlotNote slot={slot} docKey={docKey} lang={lang} />
      {answer && (
        <div
          className={`goal-result ${answer.met ? 'met' : 'unmet'}`}
          data-optimize-result=""
          data-met={String(answer.met)}
        >
          <p>
            <strong>{answer.met ? '✓ ' : '✗ '}</strong>
            {lang === 'en' ? answer.message : answer.messageZh}
          </p>
          <table className="compact">
            <thead>
              <tr>
                <th>{by(lang, '杠杆', 'Lever')}</th>
                <th>{by(lang, '现设定', 'Now')}</th>
                <th>{by(lang, '求得设定', 'Found')}</th>
              </tr>
            </thead>
            <tbody>
              {answer.levers.map((l) => (
                <tr key={l.pointer} data-opt-setting={l.pointer} data-value={l.to}>
                  <td>{pick(lang, l.label, l.labelEn)}</td>
                  <td className="num">{leverValue(l, l.from, lang)}</td>
                  <td className="num">{l.to === l.from ? '—' : leverValue(l, l.to, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="compact">
            <thead>
              <tr>
                <th>{by(lang, '目标', 'Target')}</th>
                <th>{by(lang, '现设定下', 'Now')}</th>
                <th>{by(lang, '求得设定下', 'Found')}</th>
              </tr>
            </thead>
            <tbody>
              {answer.targets.map((x) => (
                <tr key={x.id} data-opt-target-result={x.id} data-met={String(x.met)}>
                  <td>{pick(lang, x.label, x.labelEn)}</td>
                  <td className="num">
                    {metricValue(x.metric, x.currentValue, lang)} {x.currentMet ? '✓' : '✗'}
                  </td>
                  <td className="num">
                    {metricValue(x.metric, x.value, lang)} {x.met ? '✓' : '✗'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {moved.length > 0 && (
            <button
              type="button"
              data-apply-optimize=""
              onClick={() => {
                store.getState().setLevers(
                  moved.map((l) => {
                    const source = view.sourceValues[l.pointer] ?? l.from;
                    return l.toggle
                      ? { pointer: l.pointer, value: l.to >= 0.5, sourceValue: source === 1 }
                      : { pointer: l.pointer, value: l.to, sourceValue: source };
                  }),
                );
                store.getState().setRoute('workspace');
              }}
            >
              {by(lang, '在工作台采用此组设定', 'Use this setting in the workspace')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
