/**
 * The goal-seek card of the Analyses screen: the setting of a lever at which a target (of the scenario,
 * or one set up on the spot) is just met, with "use this setting" to apply it in the workspace.
 */
import { useStore } from 'zustand';
import type { ViewData } from '../../runner/view-data';
import type { ProjectionResult } from '../../scenario/result';
import { docKeyOf } from '../../state/analysis-store';
import { overridesOf, type ScenarioDoc } from '../../state/doc';
import type { Lang } from '../charts/types';
import { pick } from '../i18n';
import { rawOf, type Services } from '../services';
import { CUSTOM_METRICS, CUSTOM_TARGET, CustomTargetForm, withCustomTarget } from './CustomTarget';
import { by, ProgressLine, SlotNote, useAnalysisJobs } from './slot-ui';

export interface GoalSeekCardProps {
  readonly services: Services;
  readonly result: ProjectionResult;
  readonly view: ViewData;
  readonly doc: ScenarioDoc;
  readonly lang: Lang;
}

export function GoalSeekCard({ services, result, view, doc, lang }: GoalSeekCardProps) {
  const { store: analysis, analyst, store: app } = services;
  const slots = useStore(analysis, (s) => s.slots);
  const docKey = docKeyOf(doc);
  const { start, cancel } = useAnalysisJobs(analysis, docKey, lang);
  const years = result.years;
  // The form lives in the analysis store, so that leaving the screen keeps what the user set.
  const form = useStore(analysis, (s) => s.form);
  const setForm = analysis.getState().setForm;
  const numericLevers = view.levers.filter((l) => !l.toggle);
  const goalLever =
    form.goalLever && numericLevers.some((l) => l.pointer === form.goalLever)
      ? form.goalLever
      : (numericLevers[0]?.pointer ?? '');
  const goalTarget =
    form.goalTarget === CUSTOM_TARGET || (form.goalTarget && result.targets.some((t) => t.id === form.goalTarget))
      ? form.goalTarget
      : (result.targets[0]?.id ?? CUSTOM_TARGET);
  const setGoalLever = (goalLever: string) => setForm({ goalLever });
  // A fiscal metric needs the scenario's fiscal part; without it the custom target falls back to the gap.
  const custom =
    !result.fiscal && CUSTOM_METRICS[form.custom.metric]?.fiscal
      ? { ...form.custom, metric: 'gapPoints' }
      : form.custom;
  const setGoalTarget = (goalTarget: string) => setForm({ goalTarget });
  const raw = rawOf(doc);
  const overrides = overridesOf(doc);
  const goal =
    slots.goalSeek.docKey === docKey
      ? (slots.goalSeek.result as Awaited<ReturnType<typeof analyst.goalSeek>> | null)
      : null;
  const goalLeverSpec = view.levers.find((l) => l.pointer === goal?.lever);
  // When the setting as it is already meets the target, the boundary found is the loosest/tightest
  // setting that still would: worth knowing, but not something to apply with one click.
  const goalAlreadyMet = !!goal?.current?.met;

  return (
    <section
      className="analysis-card"
      data-analysis="goal-seek"
      data-analysis-status={slots.goalSeek.status}
      aria-labelledby="an-goal"
    >
      <h2 id="an-goal">{by(lang, '目标求解', 'Goal seek')}</h2>
      <p className="muted">
        {by(
          lang,
          '求出使所选目标恰好达到的杠杆取值（对单调响应用二分法）；达不到时给出可达到的最好结果。',
          'Finds the setting of a lever at which the chosen target is just met (bisection on a monotone response); when no setting reaches it, says so with the best value reachable.',
        )}
      </p>
      <div className="analysis-form">
        <label>
          {by(lang, '杠杆', 'Lever')}{' '}
          <select value={goalLever} data-goal-lever="" onChange={(e) => setGoalLever(e.target.value)}>
            {numericLevers.map((l) => (
              <option key={l.pointer} value={l.pointer}>
                {pick(lang, l.label, l.labelEn)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {by(lang, '目标', 'Target')}{' '}
          <select value={goalTarget} data-goal-target="" onChange={(e) => setGoalTarget(e.target.value)}>
            {result.targets.map((t) => (
              <option key={t.id} value={t.id}>
                {pick(lang, t.label, t.labelEn)}
              </option>
            ))}
            <option value={CUSTOM_TARGET}>{by(lang, '自定义目标…', 'A target of my own…')}</option>
          </select>
        </label>
        {goalTarget === CUSTOM_TARGET && (
          <CustomTargetForm
            value={custom}
            years={years.slice(1)}
            fiscal={!!result.fiscal}
            lang={lang}
            onChange={(custom) => setForm({ custom })}
          />
        )}
        <button
          type="button"
          data-run="goal-seek"
          data-action="run"
          disabled={
            slots.goalSeek.status === 'running' ||
            !goalLever ||
            !goalTarget ||
            (goalTarget === CUSTOM_TARGET && !Number.isFinite(custom.value))
          }
          onClick={() =>
            void start('goalSeek', (signal, progress) =>
              analyst.goalSeek(
                raw,
                goalTarget === CUSTOM_TARGET
                  ? [...overrides, withCustomTarget(result.targets, custom, years.slice(1))]
                  : overrides,
                { lever: goalLever, target: goalTarget },
                progress,
                signal,
              ),
            )
          }
        >
          {by(lang, '求解', 'Seek')}
        </button>
      </div>
      <ProgressLine slot={slots.goalSeek} lang={lang} onCancel={() => cancel('goalSeek')} />
      <SlotNote slot={slots.goalSeek} docKey={docKey} lang={lang} />
      {goal && (
        <div
          className={`goal-result ${goal.achieved ? 'met' : 'unmet'}`}
          data-goal-result=""
          data-achieved={String(goal.achieved)}
          data-value={goal.value ?? ''}
        >
          <p>
            <strong>{goal.achieved ? '✓ ' : '✗ '}</strong>
            {lang === 'en' ? goal.message : (goal.messageZh ?? goal.message)}
          </p>
          {goal.achieved && goal.value !== null && goalLeverSpec && !goalAlreadyMet && (
            <button
              type="button"
              data-apply-goal=""
              onClick={() => {
                const source = view.sourceValues[goalLeverSpec.pointer] ?? goalLeverSpec.value;
                app.getState().setLever(goalLeverSpec.pointer, goal.value!, source);
                app.getState().setRoute('workspace');
                app.getState().focus(goalLeverSpec.pointer);
              }}
            >
              {by(
                lang,
                `在工作台采用此设置（${goal.value} ${goalLeverSpec.unit}）`,
                `Use this setting in the workspace (${goal.value} ${goalLeverSpec.unit})`,
              )}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
