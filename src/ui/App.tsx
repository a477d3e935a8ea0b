import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { RunState, RunStore } from '../state/run-store';
import { ErrorPanel } from './ErrorPanel';
import { KeyFigures } from './KeyFigures';
import { ScenarioHeader } from './ScenarioHeader';
import { Scorecard } from './Scorecard';

const STATUS_TEXT = { idle: '计算完成', running: '正在计算…', error: '计算失败' } as const;

type ViewState = Pick<RunState, 'status' | 'result' | 'meta' | 'issues' | 'failure'>;

/** The application root, bound to the run store. */
export function App({ store }: { store: RunStore }) {
  const state = useStore(
    store,
    useShallow(({ status, result, meta, issues, failure }): ViewState => ({ status, result, meta, issues, failure })),
  );
  return <AppView {...state} />;
}

/** The page for one run state; carries the `[data-status]` hook of INTERFACES.md. */
export function AppView({ status, result, meta, issues, failure }: ViewState) {
  return (
    <main className="app" data-status={status} aria-busy={status === 'running'}>
      <p className={`status status-${status}`} role="status">
        {STATUS_TEXT[status]}
      </p>
      {status === 'error' && <ErrorPanel issues={issues} failure={failure} />}
      {result && meta && (
        <>
          <ScenarioHeader meta={meta} scenario={result.scenario} />
          <div className="panels">
            <KeyFigures result={result} />
            <Scorecard targets={result.targets} />
          </div>
        </>
      )}
    </main>
  );
}
