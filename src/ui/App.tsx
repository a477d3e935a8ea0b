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
          <p className="source-line">
            说明：{result.scenario.baseYear}{' '}
            年（基年）为公布的统计数据与标注的假设；此后各年为模型预测，不是统计数据。每项输入的来源或假设理由见情景文件
            scenarios/{result.scenario.id}.json 及其组成文件的 sources 字段。
          </p>
        </>
      )}
    </main>
  );
}
