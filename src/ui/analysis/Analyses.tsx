/**
 * The Analyses screen (MODEL.md §9), one component per card: uncertainty (Monte Carlo across all cores,
 * fan chart, probability of each target), sensitivity (tornado), goal seek, calibration to observed series,
 * the back-test and the evaluation of projections against what happened. Each runs on the scenario on
 * screen, shows its progress and can be cancelled (the store owns the jobs); a result computed for an
 * earlier setting is marked as such.
 */
import './analysis.css';
import { useAnalysisCard, type AnalysesProps } from './analysis-card';
import { BacktestCard } from './BacktestCard';
import { CalibrationCard } from './CalibrationCard';
import { EvaluationCard } from './EvaluationCard';
import { GoalSeekCard } from './GoalSeekCard';
import { OptimizeCard } from './OptimizeCard';
import { SensitivityCard } from './SensitivityCard';
import { by } from './slot-ui';
import { UncertaintyCard } from './UncertaintyCard';

export type { AnalysesProps } from './analysis-card';

export function Analyses(props: AnalysesProps) {
  const { services, result, meta, view, doc, lang } = props;
  const { ctx } = useAnalysisCard(props);
  return (
    <section className="analyses screen" aria-labelledby="analyses-title">
      <h1 id="analyses-title">{by(lang, '分析', 'Analyses')}</h1>
      <p className="muted">
        {by(
          lang,
          '以下分析针对当前工作台的情景（含已调整的杠杆）。计算在后台进行，可随时取消。',
          'These analyses run on the scenario in the workspace (with its changed levers), in the background; each can be cancelled.',
        )}
      </p>
      <UncertaintyCard {...props} />
      <SensitivityCard {...props} />
      <GoalSeekCard services={services} result={result} view={view} doc={doc} lang={lang} />
      <OptimizeCard services={services} result={result} view={view} doc={doc} lang={lang} />
      <CalibrationCard services={services} result={result} view={view} doc={doc} lang={lang} ctx={ctx} />
      <BacktestCard services={services} result={result} meta={meta} view={view} doc={doc} lang={lang} />
      <EvaluationCard {...props} />
    </section>
  );
}
