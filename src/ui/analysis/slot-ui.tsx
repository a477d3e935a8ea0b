/**
 * What every analysis card shares: running a job into its slot of the analysis store (progress, cancel,
 * a clear message on failure), the progress line with its cancel button, and the note that says when a
 * result was cancelled, failed or belongs to an earlier setting.
 */
import { AnalysisInputError, type Progress } from '../../runner/analysis-types';
import type { AnalysisKind, AnalysisSlot } from '../../state/analysis-store';
import type { HukouStore } from '../../state/store';
import type { Lang } from '../charts/types';

export const by = (lang: Lang, zh: string, en: string) => (lang === 'en' ? en : zh);

export type StartJob = <R>(
  kind: AnalysisKind,
  job: (signal: AbortSignal, progress: (p: Progress) => void) => Promise<R>,
) => Promise<void>;

/**
 * `start` runs one analysis: progress into the store, cancel by abort, a clear message on failure; a newer
 * start of the same kind cancels the older. `cancel` aborts the running one of a kind.
 */
export function useAnalysisJobs(analysis: HukouStore, docKey: string, lang: Lang) {
  const describeError = (e: unknown) =>
    e instanceof AnalysisInputError
      ? e.message
      : `${by(lang, '分析失败：', 'The analysis failed: ')}${e instanceof Error ? e.message : String(e)}`;
  // The store holds the jobs (and their abort controllers): a card that unmounts loses nothing.
  const start: StartJob = (kind, job) => analysis.getState().start(kind, docKey, job, describeError);
  const cancel = (kind: AnalysisKind) => analysis.getState().cancel(kind);
  return { start, cancel };
}

export function ProgressLine({ slot, lang, onCancel }: { slot: AnalysisSlot; lang: Lang; onCancel: () => void }) {
  if (slot.status !== 'running') return null;
  return (
    <div className="analysis-progress" role="status">
      <progress value={slot.done} max={Math.max(1, slot.total)} />
      <span>
        {by(lang, '已完成', 'Done')} {slot.done} / {slot.total}
      </span>
      <button type="button" data-cancel="" data-action="cancel" onClick={onCancel}>
        {by(lang, '取消', 'Cancel')}
      </button>
    </div>
  );
}

export function SlotNote({ slot, docKey, lang }: { slot: AnalysisSlot; docKey: string; lang: Lang }) {
  if (slot.status === 'error')
    return (
      <p className="error-text" role="alert" data-analysis-error="">
        {slot.error}
      </p>
    );
  // A result for an earlier setting is the more useful thing to say, even after a cancel.
  if (slot.result && slot.docKey !== docKey)
    return (
      <p className="stale-note" data-stale="">
        {by(lang, '此结果对应先前的设定；请重新运行。', 'This result belongs to an earlier setting; run it again.')}
      </p>
    );
  if (slot.status === 'cancelled')
    return (
      <p className="muted">
        {slot.result
          ? by(lang, '已取消；下面仍是上一次完整的结果。', 'Cancelled; below is still the last complete result.')
          : by(lang, '已取消。', 'Cancelled.')}
      </p>
    );
  return null;
}
