/**
 * The policy timeline: the reform document's date, then each later change of the scenario's
 * timeline with the levers it moves (named by the lever's label where there is one).
 */
import type { ScenarioMeta } from '../runner/reply';
import type { Milestone, TimelineEntry } from '../runner/view-data';
import type { Lever } from '../scenario/levers';
import type { Lang } from './charts/types';
import { pick, t } from './i18n';

const show = (v: unknown): string =>
  typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string'
    ? String(v)
    : Array.isArray(v)
      ? `[${v.length}]`
      : v && typeof v === 'object'
        ? Object.entries(v)
            .map(([k, x]) => `${k}: ${show(x)}`)
            .join(', ')
        : '—';

export function Timeline({
  meta,
  timeline,
  levers,
  lang,
  baseYear,
  milestones = [],
}: {
  meta: ScenarioMeta;
  timeline: readonly TimelineEntry[];
  milestones?: readonly Milestone[];
  levers: readonly Lever[];
  lang: Lang;
  baseYear: number;
}) {
  const labelOf = (pointer: string) => {
    const l = levers.find((x) => x.pointer === pointer);
    return l ? pick(lang, l.label, l.labelEn) : pointer;
  };
  const reform = meta.document.date ?? String(baseYear + 1);
  return (
    <section className="timeline" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('timeline', lang)}</h2>
      <ol>
        <li>
          <span className="timeline-year">{reform}</span> {t('reformYear', lang)}
          {meta.document.number ? ` ${meta.document.number}` : ''}
        </li>
        {timeline.map((e, i) => (
          <li key={i}>
            <span className="timeline-year">{e.year}</span> {e.label ?? ''}
            <ul>
              {e.changes.map((c) => (
                <li key={c.pointer}>
                  {labelOf(c.pointer)} → {show(c.value)}
                </li>
              ))}
            </ul>
          </li>
        ))}
        {milestones.map((m) => (
          <li key={`${m.year}-${m.label}`} data-milestone={m.kind}>
            <span className="timeline-year">{m.year}</span>{' '}
            <span className="milestone-kind">
              {m.kind === 'evaluation' ? (lang === 'en' ? 'Evaluation' : '评估') : lang === 'en' ? 'Deadline' : '期限'}
            </span>{' '}
            {pick(lang, m.label, m.labelEn)}
            {m.clause ? ` (${m.clause})` : ''}
          </li>
        ))}
        {timeline.length === 0 && milestones.length === 0 && <li className="muted">{t('noTimeline', lang)}</li>}
      </ol>
    </section>
  );
}
