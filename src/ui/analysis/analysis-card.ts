/**
 * What every analysis card reads: the store's slots and forms, the jobs' start and cancel, the scenario on
 * screen as raw JSON and edits, and the chart context with the latest analysis results.
 */
import { useMemo } from 'react';
import { useStore } from 'zustand';
import type { ScenarioMeta } from '../../runner/reply';
import type { ViewData } from '../../runner/view-data';
import type { ProjectionResult } from '../../scenario/result';
import { docKeyOf, type AnalysisKind } from '../../state/analysis-store';
import { overridesOf, type ScenarioDoc } from '../../state/doc';
import type { ChartContext, Lang } from '../charts/types';
import { rawOf, type Services } from '../services';
import { useAnalysisJobs } from './slot-ui';

export interface AnalysesProps {
  readonly services: Services;
  readonly result: ProjectionResult;
  readonly meta: ScenarioMeta;
  readonly view: ViewData;
  readonly doc: ScenarioDoc;
  readonly lang: Lang;
}

export function useAnalysisCard({ services, result, meta, view, doc, lang }: AnalysesProps) {
  const { store: analysis, analyst } = services;
  const slots = useStore(analysis, (s) => s.slots);
  const docKey = docKeyOf(doc);
  const { start, cancel } = useAnalysisJobs(analysis, docKey, lang);
  const years = result.years;
  const lastYear = years[years.length - 1];
  // The forms live in the store, so that leaving the screen keeps what the user set.
  const form = useStore(analysis, (s) => s.form);
  const setForm = analysis.getState().setForm;
  const fresh = (k: AnalysisKind) => (slots[k].docKey === docKey ? slots[k].result : null);
  const ctx: ChartContext = useMemo(
    () => ({
      result,
      view,
      meta,
      lang,
      year: lastYear,
      ...(slots.uncertainty.result ? { uncertainty: slots.uncertainty.result as ChartContext['uncertainty'] } : {}),
      ...(slots.sensitivity.result ? { sensitivity: slots.sensitivity.result as ChartContext['sensitivity'] } : {}),
      ...(slots.calibration.result ? { calibration: slots.calibration.result as ChartContext['calibration'] } : {}),
    }),
    [result, view, meta, lang, lastYear, slots.uncertainty.result, slots.sensitivity.result, slots.calibration.result],
  );
  return {
    analysis,
    analyst,
    slots,
    docKey,
    start,
    cancel,
    years,
    lastYear,
    form,
    setForm,
    fresh,
    ctx,
    raw: rawOf(doc),
    overrides: overridesOf(doc),
  };
}
