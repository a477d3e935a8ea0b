import { formatIssue, type Issue } from '../scenario/issues';

/** Why the last run failed: every validation issue as `path: message`, or the worker's failure. */
export function ErrorPanel({ issues, failure }: { issues: readonly Issue[]; failure: string | null }) {
  return (
    <section className="error-panel" role="alert">
      <h2>{failure ? '模型运行出错' : '情景数据有误，无法计算'}</h2>
      {failure ? (
        <p>
          计算进程发生错误，已重新启动；请重试或修改参数。错误信息：<code>{failure}</code>
        </p>
      ) : (
        <>
          <p>请修改以下字段后重试（字段位置 : 问题）：</p>
          <ul>
            {issues.map((i, k) => (
              <li key={k}>
                <code>{formatIssue(i)}</code>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
