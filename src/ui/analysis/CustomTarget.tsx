/** A goal-seek target set up on the spot (Analyses screen): its form and how it joins the scenario's targets. */
import type { ProjectionResult } from '../../scenario/result';
import type { Lang } from '../charts/types';
import { metricLabel } from '../charts/words';
import { pick } from '../i18n';
import { by } from './slot-ui';

/** The goal-seek target a user sets up on the spot; it joins the scenario's targets for that analysis only. */
export const CUSTOM_TARGET = 'custom';

/** Target metrics a custom target may use, with the unit the form takes them in and the factor to the result's. */
export const CUSTOM_METRICS: Record<
  string,
  { readonly zh: string; readonly en: string; readonly per: number; readonly fiscal?: true }
> = {
  residentUrbanRate: { zh: '%', en: '%', per: 0.01 },
  hukouUrbanRate: { zh: '%', en: '%', per: 0.01 },
  gapPoints: { zh: '个百分点', en: 'pp', per: 1 },
  settlersCumulative: { zh: '万人', en: '10,000 persons', per: 1e4 },
  nonRegisteredUrban: { zh: '万人', en: '10,000 persons', per: 1e4 },
  municipalNetCumulative: { zh: '亿元', en: 'CNY 100 million', per: 1e8, fiscal: true },
  totalCostCumulative: { zh: '亿元', en: 'CNY 100 million', per: 1e8, fiscal: true },
};

export function CustomTargetForm({
  value,
  years,
  fiscal,
  lang,
  onChange,
}: {
  value: CustomTarget;
  years: readonly number[];
  fiscal: boolean;
  lang: Lang;
  onChange(v: CustomTarget): void;
}) {
  const unit = CUSTOM_METRICS[value.metric] ?? CUSTOM_METRICS.gapPoints;
  return (
    <span className="custom-target" data-custom-target="">
      <select
        aria-label={by(lang, '指标', 'Metric')}
        value={value.metric}
        data-custom-metric=""
        onChange={(e) => onChange({ ...value, metric: e.target.value })}
      >
        {Object.entries(CUSTOM_METRICS)
          .filter(([, m]) => fiscal || !m.fiscal)
          .map(([k]) => (
            <option key={k} value={k}>
              {metricLabel(k, lang)}
            </option>
          ))}
      </select>
      <select
        aria-label={by(lang, '年份', 'Year')}
        value={value.year ?? defaultCustomYear(years)}
        data-custom-year=""
        onChange={(e) => onChange({ ...value, year: Number(e.target.value) })}
      >
        {years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
      <select
        aria-label={by(lang, '比较', 'Comparison')}
        value={value.comparator}
        data-custom-comparator=""
        onChange={(e) => onChange({ ...value, comparator: e.target.value === '>=' ? '>=' : '<=' })}
      >
        <option value=">=">{by(lang, '不低于', 'at least')}</option>
        <option value="<=">{by(lang, '不高于', 'at most')}</option>
      </select>
      <input
        type="number"
        step="any"
        aria-label={by(lang, '目标值', 'Target value')}
        value={Number.isFinite(value.value) ? value.value : ''}
        data-custom-value=""
        onChange={(e) => onChange({ ...value, value: e.target.value === '' ? NaN : Number(e.target.value) })}
      />{' '}
      {pick(lang, unit.zh, unit.en)}
    </span>
  );
}

export interface CustomTarget {
  readonly metric: string;
  readonly year: number | null;
  readonly comparator: '>=' | '<=';
  /** In the form's unit (%, 个百分点, 万人, 亿元). */
  readonly value: number;
}

/**
 * The year a custom target is for until the user picks one: 2020 where projected, else the fifth year
 * offered. The form shows it and the seek uses it: one rule, so they cannot disagree.
 */
export const defaultCustomYear = (years: readonly number[]): number =>
  years.includes(2020) ? 2020 : years[Math.min(4, years.length - 1)];

/**
 * The override that adds the custom target to the scenario's targets (rebuilt from the run's results);
 * `years` are the years the form offers.
 */
export function withCustomTarget(targets: ProjectionResult['targets'], c: CustomTarget, years: readonly number[]) {
  const unit = CUSTOM_METRICS[c.metric] ?? CUSTOM_METRICS.gapPoints;
  const year = c.year ?? defaultCustomYear(years);
  const specs = targets.map((t) => ({
    id: t.id,
    label: t.label,
    ...(t.labelEn ? { labelEn: t.labelEn } : {}),
    metric: t.metric,
    year: t.year,
    comparator: t.comparator,
    value: t.target,
    ...(t.clause ? { clause: t.clause } : {}),
  }));
  const label = `${metricLabel(c.metric, 'zh')}${year}年${c.comparator === '>=' ? '不低于' : '不高于'}${c.value}${unit.zh}`;
  const labelEn = `${metricLabel(c.metric, 'en')} ${c.comparator === '>=' ? 'at least' : 'at most'} ${c.value} ${unit.en} in ${year}`;
  return {
    pointer: '/targets',
    value: [
      ...specs,
      {
        id: CUSTOM_TARGET,
        label,
        labelEn,
        metric: c.metric,
        year,
        comparator: c.comparator,
        value: c.value * unit.per,
      },
    ],
  };
}
